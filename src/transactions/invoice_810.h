// model -> Amazon's 810 invoice (004010) for one PO part of a shipment: BIG, CUR, N1 remit-to
// and ship-to, ITD terms, IT1 per line (shipped quantity at the acknowledged price, the PO's
// ids), TDS total in cents (integer arithmetic), CTT.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/decimal.h"
#include "model/purchase_order.h"
#include "x12/writer.h"

namespace transactions {

struct InvoiceLine {
  std::string line_id;  // PO101
  std::int64_t quantity = 0;
  std::string uom;
  model::Decimal unit_price;
  std::vector<model::ProductId> ids;
};

struct Invoice {
  std::string invoice_date;  // CCYYMMDD
  std::string invoice_number;
  std::string po_number;
  std::string remit_to_name, remit_to_qualifier, remit_to_id;
  std::string ship_to_fc;
  std::string terms_type;
  int net_days = 30;
  std::vector<InvoiceLine> lines;

  // Σ quantity x price, in cents (TDS01, implied two decimals).
  std::int64_t total_cents() const;
};

std::vector<x12::SegmentBuilder> invoice_810(const Invoice& invoice);

}  // namespace transactions
