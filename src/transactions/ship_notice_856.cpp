// 856 mapping. Qualifiers from amazon_mapping.h; HL01 counts up, HL02 points to the parent.
#include "transactions/ship_notice_856.h"

#include <map>
#include <utility>

#include "transactions/amazon_mapping.h"

namespace transactions {
namespace {

// Appends a segment built in place: the builders' add() returns an lvalue, which push_back
// would copy, elements and all.
void put(std::vector<x12::SegmentBuilder>& segments, x12::SegmentBuilder& segment) {
  segments.push_back(std::move(segment));
}

}  // namespace

std::vector<x12::SegmentBuilder> ship_notice_856(const ShipNotice& notice) {
  std::vector<x12::SegmentBuilder> segments;
  // Reserved up front: a large shipment has thousands of segments, each moved on a regrowth.
  std::size_t expected = 16;
  for (const AsnOrder& order : notice.orders) {
    expected += 2;
    for (const AsnCarton& carton : order.cartons) expected += 4 + 3 * carton.items.size();
  }
  segments.reserve(expected);
  put(segments, x12::SegmentBuilder("BSN")
                    .add(amazon::kAsnPurpose)
                    .add(notice.shipment_id)
                    .add(notice.date)
                    .add(notice.time)
                    .add(amazon::kHierarchyStructure));
  int hl = 0;
  auto add_hl = [&](int parent, std::string_view level) {
    put(segments, x12::SegmentBuilder("HL")
                      .add(std::to_string(++hl))
                      .add(parent > 0 ? std::to_string(parent) : "")
                      .add(level));
    return hl;
  };
  int shipment = add_hl(0, "S");
  put(segments, x12::SegmentBuilder("TD1")
                    .add(amazon::kCartonPackaging)
                    .add(std::to_string(notice.cartons))
                    .add("")
                    .add("")
                    .add("")
                    .add(amazon::kGrossWeight)
                    .add(notice.weight_lb)
                    .add("LB"));
  put(segments,
      x12::SegmentBuilder("TD5").add("").add(amazon::kScacQualifier).add(notice.carrier_scac));
  put(segments, x12::SegmentBuilder("REF").add(amazon::kBillOfLading).add(notice.bol_number));
  if (!notice.pro_number.empty()) {
    put(segments, x12::SegmentBuilder("REF").add(amazon::kProNumber).add(notice.pro_number));
  }
  if (!notice.arn.empty()) {
    put(segments, x12::SegmentBuilder("REF").add(notice.arn_qualifier).add(notice.arn));
  }
  put(segments, x12::SegmentBuilder("DTM").add(amazon::kShipped).add(notice.ship_date));
  if (!notice.estimated_delivery.empty()) {
    put(segments,
        x12::SegmentBuilder("DTM").add(amazon::kEstimatedDelivery).add(notice.estimated_delivery));
  }
  put(segments, x12::SegmentBuilder("N1")
                    .add(amazon::kShipFromEntity)
                    .add(notice.ship_from_name)
                    .add(amazon::kAssignedByBuyer)
                    .add(notice.ship_from_code));
  put(segments, x12::SegmentBuilder("N1")
                    .add(amazon::kShipToEntity)
                    .add("")
                    .add(amazon::kAssignedByBuyer)
                    .add(notice.ship_to_fc));
  for (const AsnOrder& order : notice.orders) {
    int order_hl = add_hl(shipment, "O");
    put(segments, x12::SegmentBuilder("PRF").add(order.po_number));
    std::map<std::string, int> pallets;  // pallet SSCC -> its HL
    for (const AsnCarton& carton : order.cartons) {
      int parent = order_hl;
      if (!carton.pallet_sscc.empty()) {
        auto found = pallets.find(carton.pallet_sscc);
        if (found == pallets.end()) {
          int pallet_hl = add_hl(order_hl, "T");
          put(segments,
              x12::SegmentBuilder("MAN").add(amazon::kSsccQualifier).add(carton.pallet_sscc));
          found = pallets.emplace(carton.pallet_sscc, pallet_hl).first;
        }
        parent = found->second;
      }
      int pack_hl = add_hl(parent, "P");
      put(segments, x12::SegmentBuilder("MAN").add(amazon::kSsccQualifier).add(carton.sscc));
      for (const AsnItem& item : carton.items) {
        add_hl(pack_hl, "I");
        x12::SegmentBuilder lin("LIN");
        lin.add("");
        for (const model::ProductId& id : item.ids) lin.add(id.qualifier).add(id.value);
        put(segments, lin);
        put(segments,
            x12::SegmentBuilder("SN1").add("").add(std::to_string(item.quantity)).add("EA"));
      }
    }
  }
  put(segments, x12::SegmentBuilder("CTT").add(std::to_string(hl)));
  return segments;
}

}  // namespace transactions
