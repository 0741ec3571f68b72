// 810 mapping.
#include "transactions/invoice_810.h"

#include <utility>

#include "transactions/amazon_mapping.h"

namespace transactions {
namespace {

// Appends a segment built in place: the builders' add() returns an lvalue, which push_back
// would copy, elements and all.
void put(std::vector<x12::SegmentBuilder>& segments, x12::SegmentBuilder& segment) {
  segments.push_back(std::move(segment));
}

bool allowed_on_810(std::string_view qualifier) {
  std::string_view allowed = amazon::k810IdQualifiers;
  std::size_t at = allowed.find(qualifier);
  return qualifier.size() == 2 && at != std::string_view::npos && at % 3 == 0;
}

}  // namespace

std::int64_t Invoice::total_cents() const {
  model::Decimal total;
  for (const InvoiceLine& line : lines) total = total + line.unit_price * line.quantity;
  return total.to_cents();
}

std::vector<x12::SegmentBuilder> invoice_810(const Invoice& invoice) {
  std::vector<x12::SegmentBuilder> segments;
  put(segments, x12::SegmentBuilder("BIG")
                    .add(invoice.invoice_date)
                    .add(invoice.invoice_number)
                    .add("")
                    .add(invoice.po_number));
  put(segments, x12::SegmentBuilder("CUR").add(amazon::kCurrencyEntity).add(amazon::kCurrency));
  put(segments, x12::SegmentBuilder("N1")
                    .add(amazon::kRemitTo)
                    .add(invoice.remit_to_name)
                    .add(invoice.remit_to_qualifier)
                    .add(invoice.remit_to_id));
  put(segments, x12::SegmentBuilder("N1")
                    .add(amazon::kShipToEntity)
                    .add("")
                    .add(amazon::kAssignedByBuyer)
                    .add(invoice.ship_to_fc));
  put(segments, x12::SegmentBuilder("ITD")
                    .add(invoice.terms_type)
                    .add("3")
                    .add("")
                    .add("")
                    .add("")
                    .add("")
                    .add(std::to_string(invoice.net_days)));
  for (const InvoiceLine& line : invoice.lines) {
    x12::SegmentBuilder it1("IT1");
    it1.add(line.line_id).add(std::to_string(line.quantity)).add(line.uom);
    it1.add(line.unit_price.to_string()).add("");
    for (const model::ProductId& id : line.ids) {
      if (allowed_on_810(id.qualifier)) it1.add(id.qualifier).add(id.value);
    }
    put(segments, it1);
  }
  put(segments, x12::SegmentBuilder("TDS").add(std::to_string(invoice.total_cents())));
  put(segments, x12::SegmentBuilder("CTT").add(std::to_string(invoice.lines.size())));
  return segments;
}

}  // namespace transactions
