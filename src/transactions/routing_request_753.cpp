// 753 mapping. Qualifiers from amazon_mapping.h.
#include "transactions/routing_request_753.h"

#include "transactions/amazon_mapping.h"

namespace transactions {
namespace {

// Rounds units of 1/10000 to 1/100 (half away from zero) and prints without trailing zeros.
std::string two_decimals(__int128 ten_thousandths) {
  std::int64_t hundredths = static_cast<std::int64_t>((ten_thousandths + 50) / 100);
  return model::Decimal::from_units(hundredths * 100).to_string();
}

}  // namespace

std::string pounds(model::Decimal kilograms) {
  // 1 kg = 2.20462262 lb; kept exact in 1e-8 then rounded.
  __int128 scaled = static_cast<__int128>(kilograms.units()) * 220462262 / 100000000;
  return two_decimals(scaled);
}

std::string cubic_feet(model::Decimal cubic_centimetres) {
  // 1 ft3 = 28316.846592 cm3.
  __int128 scaled = static_cast<__int128>(cubic_centimetres.units()) * 1000000 / 28316846592LL;
  return two_decimals(scaled);
}

std::vector<x12::SegmentBuilder> routing_request_753(const RoutingRequest& request) {
  std::vector<x12::SegmentBuilder> segments;
  segments.push_back(x12::SegmentBuilder("BGN")
                         .add(amazon::kRoutingPurpose)
                         .add(request.supplier_reference)
                         .add(request.request_date)
                         .add(request.request_time));
  segments.push_back(x12::SegmentBuilder("N1")
                         .add(amazon::kShipFromEntity)
                         .add(request.ship_from_name)
                         .add(amazon::kAssignedByBuyer)
                         .add(request.ship_from_code));
  segments.push_back(x12::SegmentBuilder("N1")
                         .add(amazon::kShipToEntity)
                         .add("")
                         .add(amazon::kAssignedByBuyer)
                         .add(request.ship_to_fc));
  int number = 0;
  for (const RoutingPo& po : request.pos) {
    segments.push_back(x12::SegmentBuilder("LX").add(std::to_string(++number)));
    segments.push_back(
        x12::SegmentBuilder("L11").add(po.po_number).add(amazon::kPurchaseOrderReference));
    segments.push_back(
        x12::SegmentBuilder("G62").add(amazon::kFreightReadyDate).add(request.ready_date));
    segments.push_back(x12::SegmentBuilder("OID")
                           .add(request.supplier_reference)
                           .add(po.po_number)
                           .add(amazon::kCartons)
                           .add(std::to_string(po.cartons))
                           .add(amazon::kPounds)
                           .add(pounds(po.weight_kg))
                           .add(amazon::kCubicFeet)
                           .add(cubic_feet(po.volume_cm3)));
    if (po.pallets > 0) {
      segments.push_back(x12::SegmentBuilder("OID")
                             .add(request.supplier_reference)
                             .add(po.po_number)
                             .add(amazon::kPallets)
                             .add(std::to_string(po.pallets)));
    }
  }
  return segments;
}

}  // namespace transactions
