// Shipments, their cartons and contents, routing and shipping facts, in the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

namespace store {

// A PO line as the fulfilment jobs need it.
struct LineRef {
  std::int64_t po_id = 0;
  std::string po_number;
  std::string po_state;
  std::int64_t po_line_id = 0;
  std::string line_id;  // PO101
  std::string sku;
  std::string uom;
  std::int64_t units_per_uom = 0;
  std::int64_t accepted_units = 0;  // accepted x units_per_uom
  std::int64_t packed_units = 0;
  std::int64_t shipped_units = 0;
  std::int64_t invoiced_units = 0;
  std::string unit_price;
  std::string product_ids;  // "BP=...;UP=..."
  std::string ship_to_fc;
  std::string freight_terms;
  std::int64_t file_id = 0;  // the 850's file
};

// The acknowledged line of `po_number` for `sku`, if any.
std::optional<LineRef> find_po_line_by_sku(Db& db, const std::string& po_number,
                                           const std::string& sku);
std::optional<LineRef> find_po_line(Db& db, std::int64_t po_line_id);

struct CartonRecord {
  std::int64_t id = 0;
  std::int64_t shipment_id = 0;
  std::string carton_ref;
  std::string sscc;
  bool sscc_issued = false;
  std::string pallet_ref;
  std::string pallet_sscc;
  std::string weight_kg, length_cm, width_cm, height_cm;
  bool shipped = false;
};

struct ShipmentRecord {
  std::int64_t id = 0;
  std::string supplier_reference;
  std::string ship_from;
  std::string ship_to_fc;
  std::string ready_date;
  std::string freight_terms;
  std::string state;
  std::string arn, carrier_scac, carrier_name, pickup_date, pickup_time;
  std::string ship_date, bol_number, pro_number, tracking_number, estimated_delivery;
  std::int64_t file_id = 0;
};

bool sscc_known(Db& db, const std::string& sscc);
// True when a shipped carton stood on the pallet `sscc`.
bool pallet_shipped(Db& db, const std::string& sscc);
std::optional<CartonRecord> find_carton_by_sscc(Db& db, const std::string& sscc);

std::int64_t insert_shipment(Db& db, const Actor& actor, const ShipmentRecord& shipment);
std::int64_t insert_carton(Db& db, const CartonRecord& carton);
// Adds `quantity` eaches of a PO line to a carton and to the line's packed units.
void insert_carton_item(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                        std::int64_t quantity);

std::optional<ShipmentRecord> find_shipment(Db& db, const std::string& supplier_reference);
std::optional<ShipmentRecord> find_shipment(Db& db, std::int64_t id);
std::vector<CartonRecord> cartons_of(Db& db, std::int64_t shipment_id);
// PO numbers in a shipment, sorted.
std::vector<std::string> po_numbers_of(Db& db, std::int64_t shipment_id);

// Routing from Amazon's 754 (state routed).
void record_routing(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                    std::int64_t file_id, const std::string& detail);
// Shipping facts from the 3PL (ship date, BOL, PRO, ...), state shipped.
void record_shipping(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                     std::int64_t file_id, const std::string& detail);
// Marks a carton shipped, on `pallet_sscc` ("" when not palletised).
void mark_carton_shipped(Db& db, std::int64_t carton_id, const std::string& pallet_sscc);
// Whether `carton_id` holds an item of `po_line_id`.
bool carton_holds(Db& db, std::int64_t carton_id, std::int64_t po_line_id);
// The lines of a PO with what is accepted and shipped, for its state after a shipment.
std::vector<LineRef> lines_of_po(Db& db, std::int64_t po_id);
// Marks the cartons of `shipment` that did not ship as left behind and gives their packed
// units back to their PO lines. Returns how many cartons.
int leave_behind_unshipped(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                           std::int64_t file_id);
// Adds shipped eaches to a carton item and its PO line.
void add_shipped_units(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                       std::int64_t quantity);

// Shipments in state shipped, oldest first.
std::vector<ShipmentRecord> shipped_shipments(Db& db);

struct ShippedLine {
  LineRef line;
  std::int64_t eaches = 0;  // shipped in this shipment
};
// What a shipment shipped of each line of PO `po_id`.
std::vector<ShippedLine> shipped_lines(Db& db, std::int64_t shipment_id, std::int64_t po_id);

// Invoices.
bool invoice_exists(Db& db, std::int64_t po_id, std::int64_t shipment_id);
std::int64_t insert_invoice(Db& db, const Actor& actor, const std::string& number,
                            std::int64_t po_id, std::int64_t shipment_id, std::int64_t total_cents,
                            std::int64_t file_id);
void add_invoiced_units(Db& db, std::int64_t po_line_id, std::int64_t eaches);

}  // namespace store
