// 855 mapping. Codes and qualifiers come from amazon_mapping.h.
#include "transactions/po_acknowledgment_855.h"

#include <stdexcept>
#include <utility>

#include "transactions/amazon_mapping.h"

namespace transactions {
namespace {

bool allowed_on_855(std::string_view qualifier) {
  std::string_view allowed = amazon::k855IdQualifiers;
  std::size_t at = allowed.find(qualifier);
  return qualifier.size() == 2 && at != std::string_view::npos && at % 3 == 0;
}

x12::SegmentBuilder ack(std::string_view status, std::int64_t quantity, const std::string& uom,
                        const std::string& date) {
  x12::SegmentBuilder segment("ACK");
  segment.add(status).add(std::to_string(quantity)).add(uom);
  if (!date.empty()) segment.add(amazon::kScheduledShipDate).add(date);
  return segment;
}

}  // namespace

bool accepted_as_ordered(const std::vector<model::LineDecision>& decisions) {
  for (const model::LineDecision& decision : decisions) {
    if (decision.backordered > 0 || decision.rejected > 0) return false;
  }
  return true;
}

std::vector<x12::SegmentBuilder> acknowledgment_855(
    const model::PurchaseOrder& order, const std::vector<model::LineDecision>& decisions) {
  if (decisions.size() != order.lines.size()) {
    throw std::logic_error("855: one decision per PO line is required");
  }
  std::vector<x12::SegmentBuilder> segments;
  segments.reserve(2 + 2 * order.lines.size());
  x12::SegmentBuilder bak("BAK");
  bak.add(amazon::kAckPurpose)
      .add(accepted_as_ordered(decisions) ? amazon::kAckNoChange : amazon::kAckWithChange)
      .add(order.po_number)
      .add(order.order_date);
  segments.push_back(std::move(bak));
  std::int64_t quantity_total = 0;
  for (std::size_t i = 0; i < order.lines.size(); ++i) {
    const model::OrderLine& line = order.lines[i];
    const model::LineDecision& decision = decisions[i];
    if (decision.accepted + decision.backordered + decision.rejected != line.quantity) {
      throw std::logic_error("855: a line's ACK quantities must add up to what was ordered");
    }
    x12::SegmentBuilder po1("PO1");
    po1.add(line.line_id).add(std::to_string(line.quantity)).add(line.uom);
    po1.add(line.unit_price.to_string()).add(line.price_basis);
    for (const model::ProductId& id : line.ids) {
      if (allowed_on_855(id.qualifier)) po1.add(id.qualifier).add(id.value);
    }
    segments.push_back(std::move(po1));
    if (decision.accepted > 0) {
      segments.push_back(
          ack(amazon::kItemAccepted, decision.accepted, line.uom, decision.ship_date));
    }
    if (decision.backordered > 0) {
      segments.push_back(
          ack(amazon::kItemBackordered, decision.backordered, line.uom, decision.backorder_date));
    }
    if (decision.rejected > 0) {
      segments.push_back(ack(amazon::kItemRejected, decision.rejected, line.uom, ""));
    }
    quantity_total += line.quantity;
  }
  x12::SegmentBuilder ctt("CTT");
  ctt.add(std::to_string(order.lines.size())).add(std::to_string(quantity_total));
  segments.push_back(std::move(ctt));
  return segments;
}

}  // namespace transactions
