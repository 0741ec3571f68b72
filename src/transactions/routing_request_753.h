// model -> the 753 request for routing instructions (005010) of one shipment: who ships from
// where to which FC, when it is ready, and per PO its cartons, pallets, weight and volume.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "x12/writer.h"

namespace transactions {

struct RoutingPo {
  std::string po_number;
  std::int64_t cartons = 0;
  std::int64_t pallets = 0;
  model::Decimal weight_kg;
  model::Decimal volume_cm3;
};

struct RoutingRequest {
  std::string supplier_reference;
  std::string request_date;  // CCYYMMDD
  std::string request_time;  // HHMM
  std::string ship_from_name;
  std::string ship_from_code;
  std::string ship_to_fc;
  std::string ready_date;  // CCYYMMDD
  std::vector<RoutingPo> pos;
};

// The segments between ST and SE.
std::vector<x12::SegmentBuilder> routing_request_753(const RoutingRequest& request);

// Weight in pounds and volume in cubic feet, rounded to 2 decimals, as Amazon's US routing
// expects them.
std::string pounds(model::Decimal kilograms);
std::string cubic_feet(model::Decimal cubic_centimetres);

}  // namespace transactions
