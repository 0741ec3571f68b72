// Purchase orders, their lines and the 3PL's stock snapshots in the store. Every state change
// writes its transition row, in the caller's transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/purchase_order.h"
#include "store/records.h"

namespace store {

struct StoredLine {
  std::int64_t id = 0;
  int position = 0;
  std::string line_id;
  std::int64_t quantity = 0;
  std::string uom;
  std::string unit_price;
  std::string price_basis;
  std::vector<model::ProductId> ids;
  std::string sku;
  std::int64_t units_per_uom = 0;
  std::int64_t accepted = 0;
  std::int64_t backordered = 0;
  std::int64_t rejected = 0;
  std::string ship_date;
  std::string backorder_date;
  std::string resolution;
};

struct StoredOrder {
  std::int64_t id = 0;
  std::string po_number;
  std::string vendor_code;
  std::string order_type;
  std::string order_date;
  std::string ship_to_fc;
  std::string deliver_not_before;
  std::string deliver_not_after;
  bool backorder_allowed = false;
  std::string freight_terms;
  std::string state;
  std::string canonical;  // as stored: '' from schema version 9 on (see canonical_text())
  std::string received_at;
  std::string ack_due_at;
  std::int64_t file_id = 0;  // the file the 850 came in
  std::string purpose;       // BEG01 ('' for POs received before schema version 9)
  std::string fob_payment;   // FOB01
  std::vector<StoredLine> lines;
};

// The order as the 850 mapping knows it (for building the 855).
model::PurchaseOrder to_purchase_order(const StoredOrder& order);

// The canonical text of a stored PO (model::PurchaseOrder::canonical_text() of the 850 it
// came from): the stored one for POs received before schema version 9, else rebuilt from the
// PO's fields and lines.
std::string canonical_text(const StoredOrder& order);

std::optional<StoredOrder> find_order(Db& db, const std::string& po_number);
// At most `limit` orders in `state` with an id above `after_id`, oldest first (by id), with
// their lines: page through a backlog with the last id of each page.
std::vector<StoredOrder> orders_in_state(Db& db, const std::string& state, std::int64_t after_id,
                                         int limit);
std::int64_t count_orders_in_state(Db& db, const std::string& state);

// Stores a received PO with its lines (state "received").
std::int64_t insert_order(Db& db, const Actor& actor, const model::PurchaseOrder& order,
                          const std::string& freight_terms, std::int64_t transaction_set_id,
                          std::int64_t file_id, const std::string& ack_due_at);

// Saves each line's allocation (sku, accepted/backordered/rejected, dates, resolution) and moves
// the order to "acknowledged".
void record_acknowledgment(Db& db, const Actor& actor, const StoredOrder& order,
                           const std::string& detail);
void set_order_state(Db& db, const Actor& actor, const StoredOrder& order,
                     const std::string& to_state, const std::string& detail);

// Units of each SKU promised by acknowledged orders and not yet shipped (SKUs with none are
// absent), summed over the lines of the orders in a state that still holds stock
// (acknowledged, released, partially_shipped): cost grows with the open orders, not with the
// history. Received orders hold nothing yet; backordered and rejected ones accepted nothing;
// shipped and invoiced ones shipped every accepted unit (avedi-ship never ships more).
std::map<std::string, std::int64_t> allocated_units_by_sku(Db& db);

struct Snapshot {
  std::int64_t id = 0;
  std::string as_of;
  std::string warehouse;
};
std::optional<Snapshot> latest_snapshot(Db& db);
// Available units of `sku` in `snapshot` (0 when the SKU is not listed).
std::int64_t available_units(Db& db, std::int64_t snapshot_id, const std::string& sku);
std::int64_t insert_snapshot(Db& db, const Actor& actor, std::int64_t file_id,
                             const std::string& as_of, const std::string& warehouse,
                             const std::map<std::string, std::int64_t>& levels);

}  // namespace store
