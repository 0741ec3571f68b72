// model -> Amazon's 856 advance ship notice (005010): shipment level (BSN, TD1, TD5, REF BOL /
// PRO / ARN, DTM shipped and estimated delivery, N1 SF and ST), then per PO an HL O (PRF), per
// pallet an HL T, per carton an HL P (MAN GM SSCC), per item an HL I (LIN with the PO's ids,
// SN1), and CTT with the number of HL segments.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/purchase_order.h"
#include "x12/writer.h"

namespace transactions {

struct AsnItem {
  std::string line_id;  // PO101
  std::vector<model::ProductId> ids;
  std::int64_t quantity = 0;  // eaches
};

struct AsnCarton {
  std::string sscc;
  std::string pallet_sscc;  // "" when not on a pallet
  std::vector<AsnItem> items;
};

struct AsnOrder {
  std::string po_number;
  std::vector<AsnCarton> cartons;
};

struct ShipNotice {
  std::string shipment_id;  // BSN02: our supplier reference, unique
  std::string date, time;   // BSN03/04
  std::int64_t cartons = 0;
  std::string weight_lb;  // TD107
  std::string carrier_scac;
  std::string bol_number, pro_number;
  std::string arn_qualifier, arn;             // REF for the ARN ("" arn: prepaid)
  std::string ship_date, estimated_delivery;  // CCYYMMDD
  std::string ship_from_name, ship_from_code, ship_to_fc;
  std::vector<AsnOrder> orders;
};

std::vector<x12::SegmentBuilder> ship_notice_856(const ShipNotice& notice);

}  // namespace transactions
