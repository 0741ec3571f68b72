// The invoice job. One transaction per batch of invoices: each one's number, its 810 (a set of
// one of the batch's interchanges, with their control numbers), its invoice row (which takes
// its shipment off the invoices due) and the state changes commit together.
#include "outbound/invoice.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <map>
#include <memory>
#include <stdexcept>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/purchase_order.h"
#include "runner/amazon_sets.h"
#include "runner/freed_memory.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "store/document_sets.h"
#include "store/orders.h"
#include "store/shipments.h"
#include "transactions/amazon_mapping.h"
#include "transactions/invoice_810.h"
#include "util/crash_point.h"
#include "x12/isa_header.h"
#include "x12/segment.h"

namespace outbound {
namespace {

// The delimiters of an interchange avedi wrote itself, from its ISA at the start of `text`.
std::optional<x12::Delimiters> delimiters_of(std::string_view text) {
  if (text.substr(0, 3) != "ISA") return std::nullopt;
  std::optional<x12::IsaLayout> isa = x12::locate_isa(text, 0);
  if (!isa) return std::nullopt;
  return isa->delimiters;
}

// Calls `visit` with each segment of `content`, text avedi wrote itself (a line break after
// each terminator). Our own documents were checked when written: reading them again through
// the validating reader cost more than the invoice.
template <class Visit>
void for_each_segment(std::string_view content, const x12::Delimiters& delimiters, Visit visit) {
  std::size_t at = 0;
  while (at < content.size()) {
    std::size_t end = content.find(delimiters.segment, at);
    if (end == std::string_view::npos) end = content.size();
    std::string_view text = content.substr(at, end - at);
    std::size_t start = text.find_first_not_of("\r\n");
    if (start != std::string_view::npos) {
      visit(x12::Segment(text.substr(start), at + start, delimiters));
    }
    at = end + 1;
  }
}

// PO1 line id -> unit price, as the 855 sent for a PO said: views into that 855's bytes,
// sorted by line id. A PO's 855 is read for each of its invoices: a map of strings cost a node
// and two strings a line.
class AcknowledgedPrices {
 public:
  AcknowledgedPrices(store::SentSetReader& sent, std::int64_t po_id)
      : ack_(sent.find(fmt::format("855:po:{}", po_id))) {
    if (!ack_) return;
    std::optional<x12::Delimiters> delimiters = delimiters_of(ack_->isa);
    if (!delimiters) return;
    for_each_segment(ack_->set, *delimiters, [&](const x12::Segment& segment) {
      if (segment.id() == "PO1") {
        x12::SplitSegment po1(segment);
        prices_.emplace_back(po1.element(1), po1.element(4));
      }
    });
    std::stable_sort(prices_.begin(), prices_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
  // Views into ack_'s bytes: neither copied nor moved.
  AcknowledgedPrices(const AcknowledgedPrices&) = delete;
  AcknowledgedPrices& operator=(const AcknowledgedPrices&) = delete;

  // The price of line `line_id`, the last PO1 for it as a map kept it; nullopt without one.
  std::optional<std::string_view> of(std::string_view line_id) const {
    auto after =
        std::upper_bound(prices_.begin(), prices_.end(), line_id,
                         [](std::string_view id, const auto& price) { return id < price.first; });
    if (after == prices_.begin() || std::prev(after)->first != line_id) return std::nullopt;
    return std::prev(after)->second;
  }

 private:
  std::optional<store::SentSet> ack_;
  std::vector<std::pair<std::string_view, std::string_view>> prices_;  // (line id, price)
};

// "PO|BP=..;UP=.." -> eaches, as the shipment's 856 said (PRF, then LIN ids and SN1), the ids
// encoded as po_lines.product_ids holds them. Hashed: the keys of a PO share their start,
// which an ordered map compares again at every level.
using NoticedQuantities = std::unordered_map<std::string, std::int64_t>;

NoticedQuantities noticed_quantities(store::SentSetReader& sent, std::int64_t shipment_id) {
  NoticedQuantities quantities;
  std::optional<store::SentSet> asn = sent.find(fmt::format("856:shipment:{}", shipment_id));
  if (!asn) return quantities;
  std::optional<x12::Delimiters> delimiters = delimiters_of(asn->isa);
  if (!delimiters) return quantities;
  std::string po;
  std::string key;  // the last LIN's, built once for its SN1s
  for_each_segment(asn->set, *delimiters, [&](const x12::Segment& segment) {
    std::string_view id = segment.id();
    if (id == "PRF") po = segment.element(1);
    if (id == "LIN") {
      x12::SplitSegment lin(segment);
      key.assign(po);
      key += '|';
      for (std::size_t e = 2; e + 1 <= lin.element_count(); e += 2) {
        if (e > 2) key += ';';
        model::append_encoded_id(key, lin.element(e), lin.element(e + 1));
      }
    }
    if (id == "SN1") {
      // Our own SN1: a whole number of eaches (what does not parse counts 0).
      std::string_view text = segment.element(2);
      std::int64_t eaches = 0;
      std::from_chars(text.data(), text.data() + text.size(), eaches);
      quantities[key] += eaches;
    }
  });
  return quantities;
}

constexpr int kBatch = 500;

// An invoice checked against the 855 and the 856 and numbered, sent with its batch.
struct PreparedInvoice {
  // Shared with its 810's body, which the build thread runs after the batch moves on.
  std::shared_ptr<const transactions::Invoice> invoice;
  store::StoredOrder order;
  std::int64_t shipment_id = 0;
  std::string shipment_reference;
  std::int64_t shipment_file_id = 0;
};

// Checks and numbers the invoice of one PO part of a shipment inside the caller's transaction;
// nullopt, with why in `refused`, when it cannot be sent (nothing written).
std::optional<PreparedInvoice> prepare_invoice(
    runner::JobContext& context, store::SentSetReader& sent, const store::ShipmentRecord& shipment,
    const NoticedQuantities& noticed, const std::vector<store::ShippedLine>& shipped,
    const store::StoredOrder& order, std::string& refused) {
  if (shipped.empty()) {
    // Only a PO the shipment shipped units of is due; this one's units are gone.
    refused = fmt::format("PO {}: shipment {} shipped nothing of it to invoice", order.po_number,
                          shipment.supplier_reference);
    return std::nullopt;
  }
  const AcknowledgedPrices prices(sent, order.id);
  auto built = std::make_shared<transactions::Invoice>();
  transactions::Invoice& invoice = *built;
  invoice.invoice_date = util::format_time(context.now, "%Y%m%d");
  invoice.po_number = order.po_number;
  invoice.remit_to_name = context.config.invoicing.remit_to_name;
  invoice.remit_to_qualifier = context.config.invoicing.remit_to_qualifier;
  invoice.remit_to_id = context.config.invoicing.remit_to_id;
  invoice.ship_to_fc = order.ship_to_fc;
  invoice.terms_type = context.config.invoicing.terms_type;
  invoice.net_days = context.config.invoicing.net_days;
  std::string key;  // "PO|ids" of each line in the 856's quantities, one buffer for all
  for (const store::ShippedLine& line : shipped) {
    std::optional<std::string_view> price = prices.of(line.line_id);
    if (!price) {
      refused =
          fmt::format("PO {} line {}: no 855 price to invoice at", order.po_number, line.line_id);
      return std::nullopt;
    }
    if (model::Decimal::parse(*price) != model::Decimal::parse(line.unit_price)) {
      refused = fmt::format("PO {} line {}: unit price {} differs from the 855's {}",
                            order.po_number, line.line_id, line.unit_price, *price);
      return std::nullopt;
    }
    key.assign(order.po_number);
    key += '|';
    key += line.product_ids;
    auto in_notice = noticed.find(key);
    std::int64_t in_asn = in_notice == noticed.end() ? 0 : in_notice->second;
    if (in_asn != line.eaches) {
      refused = fmt::format("PO {} line {}: {} units shipped, but the 856 said {}", order.po_number,
                            line.line_id, line.eaches, in_asn);
      return std::nullopt;
    }
    if (line.units_per_uom <= 0 || line.eaches % line.units_per_uom != 0) {
      refused = fmt::format("PO {} line {}: {} units are not whole {}", order.po_number,
                            line.line_id, line.eaches, line.uom);
      return std::nullopt;
    }
    invoice.lines.push_back({line.line_id, line.eaches / line.units_per_uom, line.uom,
                             *model::Decimal::parse(line.unit_price),
                             model::decode_product_ids(line.product_ids)});
  }
  std::int64_t sequence = store::next_control_number(context.db, "avedi", "INVOICE");
  invoice.invoice_number = fmt::format("{}{:06}", context.config.invoicing.number_prefix, sequence);
  PreparedInvoice prepared;
  prepared.invoice = std::move(built);
  prepared.order = order;
  prepared.shipment_id = shipment.id;
  prepared.shipment_reference = shipment.supplier_reference;
  prepared.shipment_file_id = shipment.file_id;
  return prepared;
}

// Records a staged invoice: its row, and the PO's state once all is invoiced.
void record_invoice(runner::JobContext& context, const PreparedInvoice& prepared,
                    const runner::PlacedSet& placed, std::vector<std::string>& log_lines) {
  const transactions::Invoice& invoice = *prepared.invoice;
  std::string sent = fmt::format("{} set {}", placed.file_name, placed.set_control);
  store::insert_invoice(context.db, context.actor, invoice.invoice_number, prepared.order.id,
                        prepared.shipment_id, invoice.total_cents(), prepared.shipment_file_id);
  // The invoice's own shipment is no longer due (insert_invoice); a PO with nothing more to
  // ship is invoiced once no other shipment of it is due.
  bool nothing_more_to_ship = prepared.order.state == "shipped";
  if (nothing_more_to_ship && store::everything_invoiced(context.db, prepared.order.id)) {
    store::set_order_state(context.db, context.actor, prepared.order, "invoiced",
                           fmt::format("invoice {} ({})", invoice.invoice_number, sent));
  }
  log_lines.push_back(fmt::format("PO {} invoiced for shipment {}: {} ({}.{:02} USD, {})",
                                  prepared.order.po_number, prepared.shipment_reference,
                                  invoice.invoice_number, invoice.total_cents() / 100,
                                  invoice.total_cents() % 100, sent));
}

// Stages the 810s of `prepared` as the sets of one interchange (runner::stage_amazon_sets) and
// records each invoice, in order, inside the caller's transaction; empties `prepared`.
void send_invoices(runner::JobContext& context, std::vector<PreparedInvoice>& prepared,
                   std::vector<std::string>& log_lines) {
  std::vector<runner::BatchSet> sets;
  sets.reserve(prepared.size());
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    sets.push_back(
        {fmt::format("810:po:{}:shipment:{}", prepared[i].order.id, prepared[i].shipment_id),
         prepared[i].shipment_file_id,
         [invoice = prepared[i].invoice] { return transactions::invoice_810(*invoice); }});
  }
  std::vector<runner::PlacedSet> placed =
      runner::stage_amazon_sets(context, "810", runner::X12Version::k4010, sets);
  for (std::size_t i = 0; i < prepared.size(); ++i) {
    record_invoice(context, prepared[i], placed[i], log_lines);
  }
  prepared.clear();
}

}  // namespace

runner::FileJobResult invoice_shipments(runner::JobContext& context,
                                        const std::optional<std::string>&) {
  runner::FileJobResult result;
  // What a batch frees is kept for the next (13k page faults for 20,000 invoices, 3k kept).
  runner::keep_freed_memory();
  runner::remove_orphan_staging(context);
  result.documents += runner::deliver_staged_unless_stopped(context);
  // Invoices are committed kBatch at a time: a backlog costs one commit (and one sync of the
  // staging files) per batch, not per invoice. Their 810s go out amazon::kSetsPerInterchange
  // to an interchange.
  std::optional<store::Transaction> transaction;
  std::vector<std::string> log_lines;
  std::vector<PreparedInvoice> prepared;
  int in_batch = 0;
  auto commit = [&] {
    if (!transaction) return;
    if (!prepared.empty()) send_invoices(context, prepared, log_lines);
    util::crash_point("before_commit");
    runner::commit_staged(context, *transaction);
    util::crash_point("after_commit");
    transaction.reset();
    for (const std::string& line : log_lines) runner::log_info(context, line);
    result.archived += in_batch;
    log_lines.clear();
    in_batch = 0;
    result.documents += runner::deliver_staged_unless_stopped(context);
  };
  // Only the invoices due (not every shipment ever shipped): a run costs what it invoices.
  std::int64_t after = 0;
  store::SentSetReader sent(context.db);  // our 855s and 856s, read once per interchange
  while (std::optional<std::int64_t> shipment_id = store::next_shipment_due(context.db, after)) {
    after = *shipment_id;
    std::optional<store::ShipmentRecord> shipment = store::find_shipment(context.db, after);
    if (!shipment) throw std::logic_error(fmt::format("invoice due for no shipment {}", after));
    // The shipment's 856 is read once for all its POs.
    NoticedQuantities noticed = noticed_quantities(sent, shipment->id);
    std::map<std::int64_t, std::vector<store::ShippedLine>> shipped =
        store::shipped_lines(context.db, shipment->id);
    for (const store::StoredOrder& order : store::orders_due(context.db, shipment->id)) {
      if (!transaction) transaction.emplace(context.db);
      if (store::invoice_exists(context.db, order.id, shipment->id)) {
        // Due though invoiced (a store edited by hand: insert_invoice takes the row off in the
        // invoice's own transaction). Never invoiced twice; the row goes, said out loud.
        runner::log_warning(context, fmt::format("PO {}: shipment {} is invoiced already; taken "
                                                 "off the invoices due",
                                                 order.po_number, shipment->supplier_reference));
        store::remove_invoice_due(context.db, shipment->id, order.id);
        continue;
      }
      std::string refused;
      std::optional<PreparedInvoice> invoice =
          prepare_invoice(context, sent, *shipment, noticed, shipped[order.id], order, refused);
      if (!invoice) {
        runner::log_warning(context, "no invoice sent: " + refused);
        ++result.rejected;
        continue;
      }
      prepared.push_back(std::move(*invoice));
      if (prepared.size() == static_cast<std::size_t>(amazon::kSetsPerInterchange)) {
        send_invoices(context, prepared, log_lines);
      }
      if (++in_batch == kBatch) commit();
    }
  }
  commit();
  return result;
}

}  // namespace outbound
