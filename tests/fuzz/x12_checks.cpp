// The X12 side of the fuzz checks: the reader with its 997/TA1 answer, and the three inbound
// mappings run the way avedi-receive runs them.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "transactions/functional_ack_997.h"
#include "transactions/purchase_order_850.h"
#include "transactions/routing_instructions_754.h"
#include "x12/acknowledgment.h"
#include "x12/reader.h"

namespace fuzz {
namespace {

struct SetKind {
  std::string_view id;             // ST01
  std::string_view functional_id;  // GS01
  std::string_view version;        // GS08
  std::string_view isa_version;    // ISA12
};

// A whole file stays as it is; set segments get a fixed envelope whose SE01 counts them.
std::string as_interchange(std::string_view input, const SetKind& kind) {
  if (input.substr(0, 3) == "ISA") return std::string(input);
  std::string body(input);
  if (!body.empty() && body.back() != '~') body += '~';
  std::size_t segments = 2;
  for (char c : body) segments += c == '~';
  return fmt::format(
      "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*1000*^*{}*"
      "000000001*0*T*>~GS*{}*AMAZON*VENDORID*20261127*1000*1*X*{}~ST*{}*0001~{}SE*{}*0001~"
      "GE*1*1~IEA*1*000000001~",
      kind.isa_version, kind.functional_id, kind.version, kind.id, body, segments);
}

// Runs `map` on every set of `kind` that passed the syntax checks, the way avedi-receive
// selects them (x12_intake.cpp check_sets). `map` returns "" or the broken invariant.
using Mapping = std::function<std::string(const x12::TransactionSet&, transactions::SetIssues&)>;

std::string check_sets(std::string_view input, const SetKind& kind, const Mapping& map) {
  std::string text = as_interchange(input, kind);
  x12::Issues issues;
  x12::Document document = x12::read_document(text, "fuzz.edi", issues);
  for (const x12::Interchange& interchange : document.interchanges) {
    if (interchange.rejected) continue;
    for (const x12::FunctionalGroup& group : interchange.groups) {
      if (group.rejected) continue;
      for (const x12::TransactionSet& set : group.sets) {
        if (set.rejected || set.id() != kind.id) continue;
        transactions::SetLocation location;
        x12::Issues set_issues;
        transactions::SetIssues sink(location, set, set_issues);
        std::string broken = map(set, sink);
        if (!broken.empty()) return broken;
        if (static_cast<std::size_t>(sink.count()) != set_issues.size()) {
          return "SetIssues::count() differs from the Issues it appended";
        }
      }
    }
  }
  return "";
}

// The value must come exactly when nothing was reported (avedi-receive's store() relies on it).
template <typename T>
std::string check_outcome(const std::optional<T>& value, const transactions::SetIssues& issues) {
  if (value && issues.count() > 0) return "a value returned together with reported issues";
  if (!value && issues.count() == 0) return "nullopt returned without any issue reported";
  return "";
}

std::string check_order(const model::PurchaseOrder& order,
                        const std::vector<std::string>& vendor_codes) {
  if (std::find(vendor_codes.begin(), vendor_codes.end(), order.vendor_code) ==
      vendor_codes.end()) {
    return "an 850 for vendor \"" + order.vendor_code + "\" accepted";
  }
  if (order.lines.empty()) return "an 850 without PO1 accepted";
  for (const model::OrderLine& line : order.lines) {
    if (line.uom != "EA" && line.uom != "CA") return "unit \"" + line.uom + "\" accepted";
    if (line.ids.empty()) return "a PO1 without a product id accepted";
    // The store keeps the ids as this text; reading it back must give the same ids.
    std::vector<model::ProductId> back = model::decode_product_ids(encode_product_ids(line.ids));
    bool same = back.size() == line.ids.size();
    for (std::size_t i = 0; same && i < back.size(); ++i) {
      same = back[i].qualifier == line.ids[i].qualifier && back[i].value == line.ids[i].value;
    }
    if (!same) return "product ids change when stored: " + encode_product_ids(line.ids);
  }
  return "";
}

}  // namespace

std::string check_x12_reader(std::string_view input) {
  x12::Issues issues;
  x12::Document document = x12::read_document(input, "fuzz.edi", issues);
  for (std::size_t i = 0; i < document.interchanges.size(); ++i) {
    x12::AcknowledgmentPlan plan =
        x12::plan_acknowledgment(document.interchanges[i], static_cast<int>(i), issues);
    x12::AcknowledgmentEnvelope envelope;
    envelope.interchange = {"00",     "",       "00",   "",      "ZZ", "VENDORID", "ZZ",
                            "AMAZON", "261126", "0830", "00401", "1",  false,      'P'};
    envelope.group = {"", "VENDORID", "AMAZON", "20261126", "0830", "1"};
    std::string answer = x12::write_acknowledgment(plan, envelope);
    if (answer.empty()) continue;
    x12::Issues answer_issues;
    x12::read_document(answer, "answer.edi", answer_issues);
    if (!answer_issues.empty()) {
      return "the answer avedi wrote does not read back cleanly: " + answer_issues[0].message;
    }
  }
  return "";
}

std::string check_purchase_order_850(std::string_view input) {
  const std::vector<std::string> vendor_codes{"VEND01", "532"};
  return check_sets(input, {"850", "PO", "004010", "00401"},
                    [&](const x12::TransactionSet& set, transactions::SetIssues& issues) {
                      auto order = transactions::read_purchase_order(set, vendor_codes, issues);
                      std::string broken = check_outcome(order, issues);
                      if (!broken.empty() || !order) return broken;
                      x12::Issues unused;
                      transactions::SetIssues again(transactions::SetLocation{}, set, unused);
                      auto second = transactions::read_purchase_order(set, vendor_codes, again);
                      if (!second || second->canonical_text() != order->canonical_text()) {
                        return std::string("a second reading gives another order");
                      }
                      return check_order(*order, vendor_codes);
                    });
}

std::string check_routing_instructions_754(std::string_view input) {
  return check_sets(input, {"754", "RG", "005010", "00501"},
                    [](const x12::TransactionSet& set, transactions::SetIssues& issues) {
                      auto routing = transactions::read_routing_instructions(set, issues);
                      std::string broken = check_outcome(routing, issues);
                      if (!broken.empty() || !routing) return broken;
                      if (routing->arn.empty() || routing->supplier_reference.empty()) {
                        return std::string("a 754 without ARN or supplier reference accepted");
                      }
                      return std::string();
                    });
}

std::string check_functional_ack_997(std::string_view input) {
  return check_sets(input, {"997", "FA", "004010", "00401"},
                    [](const x12::TransactionSet& set, transactions::SetIssues& issues) {
                      auto ack = transactions::read_functional_ack(set, issues);
                      std::string broken = check_outcome(ack, issues);
                      if (!broken.empty() || !ack) return broken;
                      // avedi-receive reconciles by AK1 and records AK9's verdict.
                      if (ack->functional_id.empty() || ack->group_control.empty()) {
                        return std::string("a 997 without AK101/AK102 accepted");
                      }
                      if (ack->status.empty()) return std::string("a 997 without AK901 accepted");
                      ack->status_text();
                      ack->codes_text();
                      return std::string();
                    });
}

}  // namespace fuzz
