// The 850 handler.
#include "inbound/purchase_order_intake.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <vector>

#include "store/orders.h"
#include "transactions/purchase_order_850.h"
#include "util/clock.h"

namespace inbound {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const char* freight_terms_text(runner::FreightTerms terms) {
  return terms == runner::FreightTerms::kCollect ? "collect" : "prepaid";
}

}  // namespace

std::string describe_changes(const std::string& before, const std::string& after) {
  std::vector<std::string> old_lines = lines_of(before);
  std::vector<std::string> new_lines = lines_of(after);
  std::string out;
  for (const std::string& line : old_lines) {
    if (std::find(new_lines.begin(), new_lines.end(), line) == new_lines.end()) {
      out += "- " + line + "\n";
    }
  }
  for (const std::string& line : new_lines) {
    if (std::find(old_lines.begin(), old_lines.end(), line) == old_lines.end()) {
      out += "+ " + line + "\n";
    }
  }
  return out;
}

void PurchaseOrderIntake::check(const runner::JobContext& context, const x12::TransactionSet& set,
                                transactions::SetIssues& issues) {
  transactions::read_purchase_order(set, runner::vendor_codes(context.config), issues);
}

SetOutcome PurchaseOrderIntake::store(runner::JobContext& context, const x12::TransactionSet& set,
                                      std::int64_t set_row_id, const store::FileRecord& file) {
  x12::Issues unused;
  transactions::SetLocation location;
  transactions::SetIssues issues(location, set, unused);
  std::optional<model::PurchaseOrder> order =
      transactions::read_purchase_order(set, runner::vendor_codes(context.config), issues);
  if (!order) throw std::logic_error("850 passed check() but cannot be read");
  if (std::optional<store::StoredOrder> known = store::find_order(context.db, order->po_number)) {
    std::string canonical = order->canonical_text();
    std::string known_canonical = store::canonical_text(*known);
    if (known_canonical == canonical) {
      return {"po_duplicate", "",
              fmt::format("PO {} again, unchanged (duplicate)", order->po_number)};
    }
    return {
        "po_conflict",
        fmt::format("PO {} was already received (file #{}) with other content; it is not "
                    "a second order. What changed (- before, + now):\n{}",
                    order->po_number, known->file_id, describe_changes(known_canonical, canonical)),
        fmt::format("PO {} changed", order->po_number)};
  }
  const runner::Vendor* vendor = runner::find_vendor(context.config, order->vendor_code);
  // Amazon's 24 hours run from when the 850 arrived, not from when avedi got to it.
  util::TimePoint arrived = util::parse_iso8601(file.arrived_at).value_or(context.now);
  if (arrived > context.now) arrived = context.now;  // a clock fixed by AVEDI_NOW in the past
  util::TimePoint due = arrived + std::chrono::hours(context.config.acknowledge.deadline_hours);
  store::insert_order(context.db, context.actor, *order, freight_terms_text(vendor->freight_terms),
                      set_row_id, file.id, util::format_time(due, "%Y-%m-%dT%H:%M:%SZ"));
  return {"po_received", "",
          fmt::format("PO {} ({} lines)", order->po_number, order->lines.size())};
}

}  // namespace inbound
