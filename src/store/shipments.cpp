// Shipments in SQLite.
#include "store/shipments.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "store/database.h"

namespace store {
namespace {

constexpr const char* kLineColumns =
    "SELECT o.id, o.po_number, o.state, l.id, l.line_id, coalesce(l.sku, ''), l.uom, "
    "coalesce(l.units_per_uom, 0), l.accepted * coalesce(l.units_per_uom, 0), l.packed_units, "
    "l.shipped_units, l.invoiced_units, l.unit_price, l.product_ids, o.ship_to_fc, "
    "o.freight_terms, i.file_id FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id "
    "JOIN transaction_sets s ON s.id = o.transaction_set_id "
    "JOIN interchanges i ON i.id = s.interchange_id ";

LineRef read_line(SQLite::Statement& query) {
  LineRef line;
  line.po_id = query.getColumn(0).getInt64();
  line.po_number = query.getColumn(1).getString();
  line.po_state = query.getColumn(2).getString();
  line.po_line_id = query.getColumn(3).getInt64();
  line.line_id = query.getColumn(4).getString();
  line.sku = query.getColumn(5).getString();
  line.uom = query.getColumn(6).getString();
  line.units_per_uom = query.getColumn(7).getInt64();
  line.accepted_units = query.getColumn(8).getInt64();
  line.packed_units = query.getColumn(9).getInt64();
  line.shipped_units = query.getColumn(10).getInt64();
  line.invoiced_units = query.getColumn(11).getInt64();
  line.unit_price = query.getColumn(12).getString();
  line.product_ids = query.getColumn(13).getString();
  line.ship_to_fc = query.getColumn(14).getString();
  line.freight_terms = query.getColumn(15).getString();
  line.file_id = query.getColumn(16).getInt64();
  return line;
}

constexpr const char* kShipmentColumns =
    "SELECT id, supplier_reference, ship_from, ship_to_fc, ready_date, freight_terms, state, "
    "coalesce(arn, ''), coalesce(carrier_scac, ''), coalesce(carrier_name, ''), "
    "coalesce(pickup_date, ''), coalesce(pickup_time, ''), coalesce(ship_date, ''), "
    "coalesce(bol_number, ''), coalesce(pro_number, ''), coalesce(tracking_number, ''), "
    "coalesce(estimated_delivery, ''), file_id FROM shipments ";

ShipmentRecord read_shipment(SQLite::Statement& query) {
  ShipmentRecord shipment;
  shipment.id = query.getColumn(0).getInt64();
  shipment.supplier_reference = query.getColumn(1).getString();
  shipment.ship_from = query.getColumn(2).getString();
  shipment.ship_to_fc = query.getColumn(3).getString();
  shipment.ready_date = query.getColumn(4).getString();
  shipment.freight_terms = query.getColumn(5).getString();
  shipment.state = query.getColumn(6).getString();
  shipment.arn = query.getColumn(7).getString();
  shipment.carrier_scac = query.getColumn(8).getString();
  shipment.carrier_name = query.getColumn(9).getString();
  shipment.pickup_date = query.getColumn(10).getString();
  shipment.pickup_time = query.getColumn(11).getString();
  shipment.ship_date = query.getColumn(12).getString();
  shipment.bol_number = query.getColumn(13).getString();
  shipment.pro_number = query.getColumn(14).getString();
  shipment.tracking_number = query.getColumn(15).getString();
  shipment.estimated_delivery = query.getColumn(16).getString();
  shipment.file_id = query.getColumn(17).getInt64();
  return shipment;
}

void bind_text(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.bind(index);
  } else {
    statement.bind(index, value);
  }
}

}  // namespace

std::optional<LineRef> find_po_line_by_sku(Db& db, const std::string& po_number,
                                           const std::string& sku) {
  SQLite::Statement& query = db.statement(std::string(kLineColumns) +
                                          "WHERE o.po_number = ? AND l.sku = ? ORDER BY l.position "
                                          "LIMIT 1");
  query.bind(1, po_number);
  query.bind(2, sku);
  if (!query.executeStep()) return std::nullopt;
  return read_line(query);
}

std::optional<LineRef> find_po_line(Db& db, std::int64_t po_line_id) {
  SQLite::Statement& query = db.statement(std::string(kLineColumns) + "WHERE l.id = ?");
  query.bind(1, static_cast<std::int64_t>(po_line_id));
  if (!query.executeStep()) return std::nullopt;
  return read_line(query);
}

bool sscc_known(Db& db, const std::string& sscc) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM cartons WHERE sscc = ? OR pallet_sscc = ?");
  query.bind(1, sscc);
  query.bind(2, sscc);
  return query.executeStep();
}

bool pallet_shipped(Db& db, const std::string& sscc) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM cartons WHERE pallet_sscc = ? AND shipped = 1");
  query.bind(1, sscc);
  return query.executeStep();
}

std::optional<CartonRecord> find_carton_by_sscc(Db& db, const std::string& sscc) {
  SQLite::Statement& query = db.statement(
      "SELECT id, shipment_id, carton_ref, sscc, sscc_issued, "
      "coalesce(pallet_ref, ''), coalesce(pallet_sscc, ''), weight_kg, "
      "length_cm, width_cm, height_cm, shipped FROM cartons WHERE sscc = ?");
  query.bind(1, sscc);
  if (!query.executeStep()) return std::nullopt;
  CartonRecord carton;
  carton.id = query.getColumn(0).getInt64();
  carton.shipment_id = query.getColumn(1).getInt64();
  carton.carton_ref = query.getColumn(2).getString();
  carton.sscc = query.getColumn(3).getString();
  carton.sscc_issued = query.getColumn(4).getInt() != 0;
  carton.pallet_ref = query.getColumn(5).getString();
  carton.pallet_sscc = query.getColumn(6).getString();
  carton.weight_kg = query.getColumn(7).getString();
  carton.length_cm = query.getColumn(8).getString();
  carton.width_cm = query.getColumn(9).getString();
  carton.height_cm = query.getColumn(10).getString();
  carton.shipped = query.getColumn(11).getInt() != 0;
  return carton;
}

std::int64_t insert_shipment(Db& db, const Actor& actor, const ShipmentRecord& shipment) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO shipments (supplier_reference, ship_from, ship_to_fc, "
      "ready_date, freight_terms, state, file_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, shipment.supplier_reference);
  insert.bind(2, shipment.ship_from);
  insert.bind(3, shipment.ship_to_fc);
  insert.bind(4, shipment.ready_date);
  insert.bind(5, shipment.freight_terms);
  insert.bind(6, shipment.state);
  insert.bind(7, static_cast<std::int64_t>(shipment.file_id));
  insert.bind(8, actor.now);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "shipment", id, "", shipment.state, shipment.file_id,
                    fmt::format("{}: {} to {}, ready {}", shipment.supplier_reference,
                                shipment.freight_terms, shipment.ship_to_fc, shipment.ready_date));
  return id;
}

std::int64_t insert_carton(Db& db, const CartonRecord& carton) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO cartons (shipment_id, carton_ref, sscc, sscc_issued, "
      "pallet_ref, pallet_sscc, weight_kg, length_cm, width_cm, height_cm) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(carton.shipment_id));
  insert.bind(2, carton.carton_ref);
  insert.bind(3, carton.sscc);
  insert.bind(4, carton.sscc_issued ? 1 : 0);
  bind_text(insert, 5, carton.pallet_ref);
  bind_text(insert, 6, carton.pallet_sscc);
  insert.bind(7, carton.weight_kg);
  insert.bind(8, carton.length_cm);
  insert.bind(9, carton.width_cm);
  insert.bind(10, carton.height_cm);
  insert.exec();
  return db.sql().getLastInsertRowid();
}

void insert_carton_item(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                        std::int64_t quantity) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO carton_items (carton_id, po_line_id, quantity) "
      "VALUES (?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(carton_id));
  insert.bind(2, static_cast<std::int64_t>(po_line_id));
  insert.bind(3, static_cast<std::int64_t>(quantity));
  insert.exec();
  SQLite::Statement& packed =
      db.statement("UPDATE po_lines SET packed_units = packed_units + ? WHERE id = ?");
  packed.bind(1, static_cast<std::int64_t>(quantity));
  packed.bind(2, static_cast<std::int64_t>(po_line_id));
  packed.exec();
}

std::optional<ShipmentRecord> find_shipment(Db& db, const std::string& supplier_reference) {
  SQLite::Statement& query =
      db.statement(std::string(kShipmentColumns) + "WHERE supplier_reference = ?");
  query.bind(1, supplier_reference);
  if (!query.executeStep()) return std::nullopt;
  return read_shipment(query);
}

std::optional<ShipmentRecord> find_shipment(Db& db, std::int64_t id) {
  SQLite::Statement& query = db.statement(std::string(kShipmentColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_shipment(query);
}

std::vector<CartonRecord> cartons_of(Db& db, std::int64_t shipment_id) {
  SQLite::Statement& query =
      db.statement("SELECT sscc FROM cartons WHERE shipment_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(shipment_id));
  std::vector<std::string> ssccs;
  while (query.executeStep()) ssccs.push_back(query.getColumn(0).getString());
  std::vector<CartonRecord> cartons;
  for (const std::string& sscc : ssccs) cartons.push_back(*find_carton_by_sscc(db, sscc));
  return cartons;
}

std::vector<std::string> po_numbers_of(Db& db, std::int64_t shipment_id) {
  SQLite::Statement& query = db.statement(
      "SELECT DISTINCT o.po_number FROM cartons c "
      "JOIN carton_items i ON i.carton_id = c.id "
      "JOIN po_lines l ON l.id = i.po_line_id "
      "JOIN purchase_orders o ON o.id = l.po_id "
      "WHERE c.shipment_id = ? ORDER BY o.po_number");
  query.bind(1, static_cast<std::int64_t>(shipment_id));
  std::vector<std::string> numbers;
  while (query.executeStep()) numbers.push_back(query.getColumn(0).getString());
  return numbers;
}

void record_routing(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                    std::int64_t file_id, const std::string& detail) {
  SQLite::Statement& update = db.statement(
      "UPDATE shipments SET state = 'routed', arn = ?, carrier_scac = ?, "
      "carrier_name = ?, pickup_date = ?, pickup_time = ? WHERE id = ?");
  bind_text(update, 1, shipment.arn);
  bind_text(update, 2, shipment.carrier_scac);
  bind_text(update, 3, shipment.carrier_name);
  bind_text(update, 4, shipment.pickup_date);
  bind_text(update, 5, shipment.pickup_time);
  update.bind(6, static_cast<std::int64_t>(shipment.id));
  update.exec();
  record_transition(db, actor, "shipment", shipment.id, shipment.state, "routed", file_id, detail);
}

void record_shipping(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                     std::int64_t file_id, const std::string& detail) {
  SQLite::Statement& update = db.statement(
      "UPDATE shipments SET state = 'shipped', ship_date = ?, "
      "carrier_scac = coalesce(?, carrier_scac), bol_number = ?, "
      "pro_number = ?, tracking_number = ?, estimated_delivery = ? "
      "WHERE id = ?");
  bind_text(update, 1, shipment.ship_date);
  bind_text(update, 2, shipment.carrier_scac);
  bind_text(update, 3, shipment.bol_number);
  bind_text(update, 4, shipment.pro_number);
  bind_text(update, 5, shipment.tracking_number);
  bind_text(update, 6, shipment.estimated_delivery);
  update.bind(7, static_cast<std::int64_t>(shipment.id));
  update.exec();
  record_transition(db, actor, "shipment", shipment.id, shipment.state, "shipped", file_id, detail);
}

int leave_behind_unshipped(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                           std::int64_t file_id) {
  SQLite::Statement& release = db.statement(
      "UPDATE po_lines SET packed_units = packed_units - "
      "(SELECT coalesce(sum(i.quantity), 0) FROM carton_items i JOIN cartons c "
      "ON c.id = i.carton_id WHERE i.po_line_id = po_lines.id AND "
      "c.shipment_id = ? AND c.shipped = 0 AND c.left_behind = 0) "
      "WHERE id IN (SELECT i.po_line_id FROM carton_items i JOIN cartons c "
      "ON c.id = i.carton_id WHERE c.shipment_id = ? AND c.shipped = 0 AND "
      "c.left_behind = 0)");
  release.bind(1, static_cast<std::int64_t>(shipment.id));
  release.bind(2, static_cast<std::int64_t>(shipment.id));
  release.exec();
  SQLite::Statement& mark = db.statement(
      "UPDATE cartons SET left_behind = 1 WHERE shipment_id = ? AND "
      "shipped = 0 AND left_behind = 0 RETURNING id, sscc");
  mark.bind(1, static_cast<std::int64_t>(shipment.id));
  std::vector<std::pair<std::int64_t, std::string>> cartons;
  while (mark.executeStep()) {
    cartons.emplace_back(mark.getColumn(0).getInt64(), mark.getColumn(1).getString());
  }
  for (const auto& [id, sscc] : cartons) {
    record_transition(db, actor, "carton", id, "packed", "left_behind", file_id,
                      fmt::format("SSCC {} did not ship with {}; its units can be packed again",
                                  sscc, shipment.supplier_reference));
  }
  return static_cast<int>(cartons.size());
}

void mark_carton_shipped(Db& db, std::int64_t carton_id, const std::string& pallet_sscc) {
  SQLite::Statement& update =
      db.statement("UPDATE cartons SET shipped = 1, pallet_sscc = ? WHERE id = ?");
  bind_text(update, 1, pallet_sscc);
  update.bind(2, static_cast<std::int64_t>(carton_id));
  update.exec();
}

bool carton_holds(Db& db, std::int64_t carton_id, std::int64_t po_line_id) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM carton_items WHERE carton_id = ? AND po_line_id = ?");
  query.bind(1, static_cast<std::int64_t>(carton_id));
  query.bind(2, static_cast<std::int64_t>(po_line_id));
  return query.executeStep();
}

std::vector<LineRef> lines_of_po(Db& db, std::int64_t po_id) {
  SQLite::Statement& query =
      db.statement(std::string(kLineColumns) + "WHERE o.id = ? ORDER BY l.position");
  query.bind(1, static_cast<std::int64_t>(po_id));
  std::vector<LineRef> lines;
  while (query.executeStep()) lines.push_back(read_line(query));
  return lines;
}

void add_shipped_units(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                       std::int64_t quantity) {
  SQLite::Statement& item = db.statement(
      "UPDATE carton_items SET shipped_units = shipped_units + ? "
      "WHERE carton_id = ? AND po_line_id = ?");
  item.bind(1, static_cast<std::int64_t>(quantity));
  item.bind(2, static_cast<std::int64_t>(carton_id));
  item.bind(3, static_cast<std::int64_t>(po_line_id));
  item.exec();
  SQLite::Statement& line =
      db.statement("UPDATE po_lines SET shipped_units = shipped_units + ? WHERE id = ?");
  line.bind(1, static_cast<std::int64_t>(quantity));
  line.bind(2, static_cast<std::int64_t>(po_line_id));
  line.exec();
}

std::vector<ShipmentRecord> shipped_shipments(Db& db) {
  SQLite::Statement& query =
      db.statement(std::string(kShipmentColumns) + "WHERE state = 'shipped' ORDER BY id");
  std::vector<ShipmentRecord> shipments;
  while (query.executeStep()) shipments.push_back(read_shipment(query));
  return shipments;
}

std::vector<ShippedLine> shipped_lines(Db& db, std::int64_t shipment_id, std::int64_t po_id) {
  SQLite::Statement& query = db.statement(
      "SELECT i.po_line_id, sum(i.shipped_units) FROM carton_items i "
      "JOIN cartons c ON c.id = i.carton_id "
      "JOIN po_lines l ON l.id = i.po_line_id "
      "WHERE c.shipment_id = ? AND l.po_id = ? AND i.shipped_units > 0 "
      "GROUP BY i.po_line_id ORDER BY l.position");
  query.bind(1, static_cast<std::int64_t>(shipment_id));
  query.bind(2, static_cast<std::int64_t>(po_id));
  std::vector<std::pair<std::int64_t, std::int64_t>> rows;
  while (query.executeStep()) {
    rows.emplace_back(query.getColumn(0).getInt64(), query.getColumn(1).getInt64());
  }
  std::vector<ShippedLine> lines;
  for (const auto& [line_id, eaches] : rows) lines.push_back({*find_po_line(db, line_id), eaches});
  return lines;
}

bool invoice_exists(Db& db, std::int64_t po_id, std::int64_t shipment_id) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM invoices WHERE po_id = ? AND shipment_id = ?");
  query.bind(1, static_cast<std::int64_t>(po_id));
  query.bind(2, static_cast<std::int64_t>(shipment_id));
  return query.executeStep();
}

std::int64_t insert_invoice(Db& db, const Actor& actor, const std::string& number,
                            std::int64_t po_id, std::int64_t shipment_id, std::int64_t total_cents,
                            std::int64_t file_id) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO invoices (invoice_number, po_id, shipment_id, total_cents, "
      "state, created_at) VALUES (?, ?, ?, ?, 'sent', ?)");
  insert.bind(1, number);
  insert.bind(2, static_cast<std::int64_t>(po_id));
  insert.bind(3, static_cast<std::int64_t>(shipment_id));
  insert.bind(4, static_cast<std::int64_t>(total_cents));
  insert.bind(5, actor.now);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "invoice", id, "", "sent", file_id,
                    fmt::format("{}: {}.{:02} USD", number, total_cents / 100, total_cents % 100));
  return id;
}

void add_invoiced_units(Db& db, std::int64_t po_line_id, std::int64_t eaches) {
  SQLite::Statement& update =
      db.statement("UPDATE po_lines SET invoiced_units = invoiced_units + ? WHERE id = ?");
  update.bind(1, static_cast<std::int64_t>(eaches));
  update.bind(2, static_cast<std::int64_t>(po_line_id));
  update.exec();
}

}  // namespace store
