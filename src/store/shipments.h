// Shipments, their cartons and contents, routing and shipping facts, in the store.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "store/orders.h"
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

// A PO and its lines as the checks of one 3PL file need them (avedi-route, avedi-ship): the
// PO's facts once, each line only what is checked or sent in a document. A file names tens of
// thousands of lines; a LineRef per line would repeat the PO's facts and the price in each.
struct FulfilmentLine {
  std::int64_t id = 0;              // po_lines.id
  std::string line_id;              // PO101
  std::string sku;                  // "" when the catalog did not resolve it
  std::int64_t accepted_units = 0;  // accepted x units_per_uom
  std::int64_t packed_units = 0;
  std::int64_t shipped_units = 0;
  std::string product_ids;  // "BP=...;UP=..."
};
struct FulfilmentPo {
  std::int64_t id = 0;
  std::string po_number;
  std::string state;
  std::string ship_to_fc;
  std::string freight_terms;
  std::int64_t file_id = 0;           // the 850's file
  std::vector<FulfilmentLine> lines;  // 850 order
};
// `po_number` with its lines; nullopt when the PO is unknown.
std::optional<FulfilmentPo> fulfilment_po(Db& db, const std::string& po_number);

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
// The SSCCs between `low` and `high` (same length, compared as text) that a carton or pallet
// already has: one look-up for a block of serials instead of one per serial.
std::set<std::string> ssccs_known_between(Db& db, const std::string& low, const std::string& high);
// True when a shipped carton stood on the pallet `sscc`.
bool pallet_shipped(Db& db, const std::string& sscc);
std::optional<CartonRecord> find_carton_by_sscc(Db& db, const std::string& sscc);

std::int64_t insert_shipment(Db& db, const Actor& actor, const ShipmentRecord& shipment);
std::int64_t insert_carton(Db& db, const CartonRecord& carton);
// Adds `quantity` eaches of a PO line to a carton and to the line's packed units.
void insert_carton_item(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                        std::int64_t quantity);
// The two halves of insert_carton_item, for a file that packs a line into many cartons: each
// item, then each line's packed units once.
void insert_carton_content(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                           std::int64_t quantity);
void add_packed_units(Db& db, std::int64_t po_line_id, std::int64_t quantity);

std::optional<ShipmentRecord> find_shipment(Db& db, const std::string& supplier_reference);
std::optional<ShipmentRecord> find_shipment(Db& db, std::int64_t id);
std::vector<CartonRecord> cartons_of(Db& db, std::int64_t shipment_id);

// A PO line packed in a carton, with the carton item holding it (0 when several do).
struct PackedLine {
  std::int64_t carton_id = 0;
  std::int64_t po_line_id = 0;
  std::int64_t item_id = 0;
};

// What a shipment holds, read at once so a shipment confirmation is checked in memory.
struct ShipmentContents {
  std::map<std::string, CartonRecord, std::less<>> cartons;  // by SSCC
  // Sorted by carton, then line, one entry each. A carton holds a handful of lines: a map of
  // maps cost a node per item to build and to free, a few percent of avedi-ship.
  std::vector<PackedLine> packed;

  // The lines packed in carton `carton_id` (none for a carton unknown here).
  std::span<const PackedLine> packed_in(std::int64_t carton_id) const;
};
ShipmentContents contents_of(Db& db, std::int64_t shipment_id);
// PO numbers in a shipment, sorted.
std::vector<std::string> po_numbers_of(Db& db, std::int64_t shipment_id);

// Routing from Amazon's 754 (state routed).
void record_routing(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                    std::int64_t file_id, const std::string& detail);
// Shipping facts from the 3PL (ship date, BOL, PRO, ...), state shipped.
void record_shipping(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                     std::int64_t file_id, const std::string& detail);
// Marks a carton shipped, on `pallet_sscc` ("" when not palletised). `stored_pallet_sscc` is
// what its row holds now ("" for none): an unchanged pallet is not written again.
void mark_carton_shipped(Db& db, std::int64_t carton_id, const std::string& pallet_sscc,
                         const std::string& stored_pallet_sscc);
// Whether `carton_id` holds an item of `po_line_id`.
bool carton_holds(Db& db, std::int64_t carton_id, std::int64_t po_line_id);
// The lines of a PO with what is accepted and shipped, for its state after a shipment.
std::vector<LineRef> lines_of_po(Db& db, std::int64_t po_id);
// Marks the cartons of `shipment` that did not ship as left behind and gives their packed
// units back to their PO lines. Returns how many cartons.
int leave_behind_unshipped(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                           std::int64_t file_id);
// Adds shipped eaches to the carton's items of `po_line_id`.
void add_item_shipped_units(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                            std::int64_t quantity);
// add_item_shipped_units for the one carton item `item_id` (by its row id: one look-up instead
// of a walk of the carton's items).
void add_item_shipped_units(Db& db, std::int64_t item_id, std::int64_t quantity);
// Adds shipped eaches to a PO line (its total over a shipment, one write per line).
void add_line_shipped_units(Db& db, std::int64_t po_line_id, std::int64_t quantity);

// A PO line a shipment shipped units of, with what its invoice needs.
struct ShippedLine {
  std::int64_t po_line_id = 0;
  std::string line_id;  // PO101
  std::string uom;
  std::int64_t units_per_uom = 0;
  std::string unit_price;
  std::string product_ids;  // "BP=...;UP=..."
  std::int64_t eaches = 0;  // shipped in this shipment
};
// What a shipment shipped of each PO line, by PO id, each PO's lines in 850 order.
std::map<std::int64_t, std::vector<ShippedLine>> shipped_lines(Db& db, std::int64_t shipment_id);

// Invoices due: avedi-ship records one per PO a shipment shipped units of, in the shipment's
// transaction; insert_invoice takes it off. A refused invoice stays due.
void add_invoice_due(Db& db, std::int64_t shipment_id, std::int64_t po_id);
// The first shipment after `after_shipment_id` with an invoice due, if any.
std::optional<std::int64_t> next_shipment_due(Db& db, std::int64_t after_shipment_id);
// The POs of `shipment_id` with an invoice due, by PO number, without their lines.
std::vector<StoredOrder> orders_due(Db& db, std::int64_t shipment_id);
// Takes the PO part of a shipment off the invoices due.
void remove_invoice_due(Db& db, std::int64_t shipment_id, std::int64_t po_id);

// Invoices.
bool invoice_exists(Db& db, std::int64_t po_id, std::int64_t shipment_id);
// Stores the invoice (state sent) and takes it off the invoices due.
std::int64_t insert_invoice(Db& db, const Actor& actor, const std::string& number,
                            std::int64_t po_id, std::int64_t shipment_id, std::int64_t total_cents,
                            std::int64_t file_id);
// True when PO `po_id` has nothing shipped left to invoice: no shipment of it is still due.
// (A line's invoiced eaches are not counted: an invoice bills all its shipment shipped of the
// PO, so they are the shipped units of the shipments invoiced; see schema version 13.)
bool everything_invoiced(Db& db, std::int64_t po_id);

}  // namespace store
