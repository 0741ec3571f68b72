// Shipments in SQLite.
#include "store/shipments.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "store/database.h"
#include "store/fast_query.h"
#include "util/merge_runs.h"

namespace store {
namespace {

#define AVEDI_LINE_FIELDS                                                                    \
  "o.id, o.po_number, o.state, l.id, l.line_id, coalesce(l.sku, ''), l.uom, "                \
  "coalesce(l.units_per_uom, 0), l.accepted * coalesce(l.units_per_uom, 0), "                \
  "coalesce(p.packed_units, 0), coalesce(p.shipped_units, 0), l.unit_price, l.product_ids, " \
  "o.ship_to_fc, o.freight_terms, i.file_id "
#define AVEDI_LINE_JOINS                                    \
  "JOIN purchase_orders o ON o.id = l.po_id "               \
  "JOIN transaction_sets s ON s.id = o.transaction_set_id " \
  "JOIN interchanges i ON i.id = s.interchange_id "         \
  "LEFT JOIN line_progress p ON p.po_line_id = l.id "

constexpr const char* kLineColumns =
    "SELECT " AVEDI_LINE_FIELDS "FROM po_lines l " AVEDI_LINE_JOINS;

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
  line.unit_price = query.getColumn(11).getString();
  line.product_ids = query.getColumn(12).getString();
  line.ship_to_fc = query.getColumn(13).getString();
  line.freight_terms = query.getColumn(14).getString();
  line.file_id = query.getColumn(15).getInt64();
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

// A carton's columns, as find_carton_by_sscc and contents_of select them.
#define AVEDI_CARTON_COLUMNS                                                    \
  "SELECT id, shipment_id, carton_ref, sscc, sscc_issued, "                     \
  "coalesce(pallet_ref, ''), coalesce(pallet_sscc, ''), weight_kg, length_cm, " \
  "width_cm, height_cm, shipped FROM cartons "

CartonRecord read_carton(const FastQuery& query) {
  CartonRecord carton;
  carton.id = query.int64(0);
  carton.shipment_id = query.int64(1);
  carton.carton_ref = query.text(2);
  carton.sscc = query.text(3);
  carton.sscc_issued = query.int64(4) != 0;
  carton.pallet_ref = query.text(5);
  carton.pallet_sscc = query.text(6);
  carton.weight_kg = query.text(7);
  carton.length_cm = query.text(8);
  carton.width_cm = query.text(9);
  carton.height_cm = query.text(10);
  carton.shipped = query.int64(11) != 0;
  return carton;
}

// The two statements that add to one counter of line_progress.
struct LineProgressCounter {
  LineProgressCounter(const std::string& counter, bool row_usually_there)
      : row_usually_there(row_usually_there),
        add("UPDATE line_progress SET " + counter + " = " + counter +
            " + ?2 WHERE po_line_id = ?1"),
        first("INSERT INTO line_progress (po_line_id, " + counter + ") VALUES (?1, ?2) " +
              "ON CONFLICT (po_line_id) DO UPDATE SET " + counter + " = " + counter +
              " + excluded." + counter) {}
  bool row_usually_there;
  Sql add;    // the line has its row: one seek
  Sql first;  // the upsert: makes the line's row, or adds to it
};

// Adds `quantity` to one counter of a line's line_progress row. Where the row is usually there
// (a line is packed before it ships) the plain UPDATE comes first: the upsert seeks the row
// twice and builds the insert's record before it finds the conflict (avedi-ship ran 0.7%
// fewer instructions).
void add_to_line_progress(Db& db, const LineProgressCounter& counter, std::int64_t po_line_id,
                          std::int64_t quantity) {
  if (counter.row_usually_there) {
    SQLite::Statement& add = db.statement(counter.add);
    add.bind(1, static_cast<std::int64_t>(po_line_id));
    add.bind(2, static_cast<std::int64_t>(quantity));
    if (add.exec() > 0) return;
  }
  SQLite::Statement& first = db.statement(counter.first);
  first.bind(1, static_cast<std::int64_t>(po_line_id));
  first.bind(2, static_cast<std::int64_t>(quantity));
  first.exec();
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

std::optional<FulfilmentPo> fulfilment_po(Db& db, const std::string& po_number) {
  static const Sql kOrder(
      "SELECT o.id, o.state, o.ship_to_fc, o.freight_terms, i.file_id "
      "FROM purchase_orders o JOIN transaction_sets s ON s.id = o.transaction_set_id "
      "JOIN interchanges i ON i.id = s.interchange_id WHERE o.po_number = ?");
  FastQuery order(db, kOrder);
  order.bind(1, po_number);
  if (!order.step()) return std::nullopt;
  FulfilmentPo po;
  po.id = order.int64(0);
  po.po_number = po_number;
  po.state = order.text(1);
  po.ship_to_fc = order.text(2);
  po.freight_terms = order.text(3);
  po.file_id = order.int64(4);
  order.reset();  // read once (po_number is unique): no read left open to hold a snapshot
  static const Sql kLines(
      "SELECT l.id, l.line_id, coalesce(l.sku, ''), l.accepted * coalesce(l.units_per_uom, 0), "
      "coalesce(p.packed_units, 0), coalesce(p.shipped_units, 0), l.product_ids FROM po_lines l "
      "LEFT JOIN line_progress p ON p.po_line_id = l.id WHERE l.po_id = ? ORDER BY l.position");
  FastQuery lines(db, kLines);
  lines.bind(1, static_cast<std::int64_t>(po.id));
  // Room for a large PO up front, the rest given back below: growing the vector line by line
  // moved every line several times (6% of avedi-ship).
  constexpr std::size_t kLinesReserved = 128;
  po.lines.reserve(kLinesReserved);
  while (lines.step()) {
    FulfilmentLine& line = po.lines.emplace_back();
    line.id = lines.int64(0);
    line.line_id = lines.text(1);
    line.sku = lines.text(2);
    line.accepted_units = lines.int64(3);
    line.packed_units = lines.int64(4);
    line.shipped_units = lines.int64(5);
    line.product_ids = lines.text(6);
  }
  po.lines.shrink_to_fit();
  return po;
}

bool sscc_known(Db& db, const std::string& sscc) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM cartons WHERE sscc = ? OR pallet_sscc = ?");
  query.bind(1, sscc);
  query.bind(2, sscc);
  return query.executeStep();
}

std::set<std::string> ssccs_known_between(Db& db, const std::string& low, const std::string& high) {
  SQLite::Statement& query = db.statement(
      "SELECT sscc FROM cartons WHERE sscc BETWEEN ?1 AND ?2 "
      "UNION SELECT pallet_sscc FROM cartons WHERE pallet_sscc BETWEEN ?1 AND ?2");
  query.bind(1, low);
  query.bind(2, high);
  std::set<std::string> known;
  while (query.executeStep()) known.insert(query.getColumn(0).getString());
  return known;
}

bool pallet_shipped(Db& db, const std::string& sscc) {
  SQLite::Statement& query =
      db.statement("SELECT 1 FROM cartons WHERE pallet_sscc = ? AND shipped = 1");
  query.bind(1, sscc);
  return query.executeStep();
}

std::optional<CartonRecord> find_carton_by_sscc(Db& db, const std::string& sscc) {
  static const Sql kSql(AVEDI_CARTON_COLUMNS "WHERE sscc = ?");
  FastQuery query(db, kSql);
  query.bind(1, sscc);
  if (!query.step()) return std::nullopt;
  CartonRecord carton = read_carton(query);
  query.reset();  // sscc is unique: no read left open
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
  static const Sql kSql(
      "INSERT INTO cartons (shipment_id, carton_ref, sscc, sscc_issued, "
      "pallet_ref, pallet_sscc, weight_kg, length_cm, width_cm, height_cm) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement& insert = db.statement(kSql);
  insert.bind(1, static_cast<std::int64_t>(carton.shipment_id));
  insert.bind(2, carton.carton_ref);
  insert.bind(3, carton.sscc);
  insert.bind(4, carton.sscc_issued ? 1 : 0);
  bind_text_or_null(insert, 5, carton.pallet_ref);
  bind_text_or_null(insert, 6, carton.pallet_sscc);
  insert.bind(7, carton.weight_kg);
  insert.bind(8, carton.length_cm);
  insert.bind(9, carton.width_cm);
  insert.bind(10, carton.height_cm);
  insert.exec();
  return db.sql().getLastInsertRowid();
}

void insert_carton_item(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                        std::int64_t quantity) {
  insert_carton_content(db, carton_id, po_line_id, quantity);
  add_packed_units(db, po_line_id, quantity);
}

void insert_carton_content(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                           std::int64_t quantity) {
  static const Sql kSql(
      "INSERT INTO carton_items (carton_id, po_line_id, quantity) VALUES (?, ?, ?)");
  SQLite::Statement& insert = db.statement(kSql);
  insert.bind(1, static_cast<std::int64_t>(carton_id));
  insert.bind(2, static_cast<std::int64_t>(po_line_id));
  insert.bind(3, static_cast<std::int64_t>(quantity));
  insert.exec();
}

void add_packed_units(Db& db, std::int64_t po_line_id, std::int64_t quantity) {
  static const LineProgressCounter kCounter("packed_units", false);
  add_to_line_progress(db, kCounter, po_line_id, quantity);
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

ShipmentContents contents_of(Db& db, std::int64_t shipment_id) {
  ShipmentContents contents;
  static const Sql kCartons(AVEDI_CARTON_COLUMNS "WHERE shipment_id = ?");
  FastQuery cartons(db, kCartons);
  cartons.bind(1, static_cast<std::int64_t>(shipment_id));
  while (cartons.step()) {
    CartonRecord carton = read_carton(cartons);
    std::string sscc = carton.sscc;
    contents.cartons.emplace(std::move(sscc), std::move(carton));
  }
  static const Sql kItems(
      "SELECT i.carton_id, i.po_line_id, i.id FROM cartons c "
      "JOIN carton_items i ON i.carton_id = c.id WHERE c.shipment_id = ?");
  FastQuery items(db, kItems);
  items.bind(1, static_cast<std::int64_t>(shipment_id));
  while (items.step()) {
    contents.packed.push_back({items.int64(0), items.int64(1), items.int64(2)});
  }
  auto by_carton_and_line = [](const PackedLine& a, const PackedLine& b) {
    return a.carton_id != b.carton_id ? a.carton_id < b.carton_id : a.po_line_id < b.po_line_id;
  };
  std::sort(contents.packed.begin(), contents.packed.end(), by_carton_and_line);
  // A line in several items of one carton: one entry, held by no single item (0).
  util::merge_runs(
      contents.packed,
      [](const PackedLine& a, const PackedLine& b) {
        return a.carton_id == b.carton_id && a.po_line_id == b.po_line_id;
      },
      [](PackedLine& first, const PackedLine&) { first.item_id = 0; });
  return contents;
}

std::span<const PackedLine> ShipmentContents::packed_in(std::int64_t carton_id) const {
  auto first = std::lower_bound(
      packed.begin(), packed.end(), carton_id,
      [](const PackedLine& line, std::int64_t carton) { return line.carton_id < carton; });
  auto last = std::find_if(first, packed.end(), [carton_id](const PackedLine& line) {
    return line.carton_id != carton_id;
  });
  return {first, last};
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
  bind_text_or_null(update, 1, shipment.arn);
  bind_text_or_null(update, 2, shipment.carrier_scac);
  bind_text_or_null(update, 3, shipment.carrier_name);
  bind_text_or_null(update, 4, shipment.pickup_date);
  bind_text_or_null(update, 5, shipment.pickup_time);
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
  bind_text_or_null(update, 1, shipment.ship_date);
  bind_text_or_null(update, 2, shipment.carrier_scac);
  bind_text_or_null(update, 3, shipment.bol_number);
  bind_text_or_null(update, 4, shipment.pro_number);
  bind_text_or_null(update, 5, shipment.tracking_number);
  bind_text_or_null(update, 6, shipment.estimated_delivery);
  update.bind(7, static_cast<std::int64_t>(shipment.id));
  update.exec();
  record_transition(db, actor, "shipment", shipment.id, shipment.state, "shipped", file_id, detail);
}

int leave_behind_unshipped(Db& db, const Actor& actor, const ShipmentRecord& shipment,
                           std::int64_t file_id) {
  SQLite::Statement& release = db.statement(
      "UPDATE line_progress SET packed_units = packed_units - "
      "(SELECT coalesce(sum(i.quantity), 0) FROM carton_items i JOIN cartons c "
      "ON c.id = i.carton_id WHERE i.po_line_id = line_progress.po_line_id AND "
      "c.shipment_id = ? AND c.shipped = 0 AND c.left_behind = 0) "
      "WHERE po_line_id IN (SELECT i.po_line_id FROM carton_items i JOIN cartons c "
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

void mark_carton_shipped(Db& db, std::int64_t carton_id, const std::string& pallet_sscc,
                         const std::string& stored_pallet_sscc) {
  // Naming pallet_sscc in SET rewrites its index entry even when the value stays: two thirds
  // of the statement's cost, for a quarter of a million cartons in the benchmark's backlog.
  if (pallet_sscc == stored_pallet_sscc) {
    static const Sql kSql("UPDATE cartons SET shipped = 1 WHERE id = ?");
    SQLite::Statement& update = db.statement(kSql);
    update.bind(1, static_cast<std::int64_t>(carton_id));
    update.exec();
    return;
  }
  static const Sql kSql("UPDATE cartons SET shipped = 1, pallet_sscc = ? WHERE id = ?");
  SQLite::Statement& update = db.statement(kSql);
  bind_text_or_null(update, 1, pallet_sscc);
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

void add_item_shipped_units(Db& db, std::int64_t carton_id, std::int64_t po_line_id,
                            std::int64_t quantity) {
  static const Sql kSql(
      "UPDATE carton_items SET shipped_units = shipped_units + ? "
      "WHERE carton_id = ? AND po_line_id = ?");
  SQLite::Statement& item = db.statement(kSql);
  item.bind(1, static_cast<std::int64_t>(quantity));
  item.bind(2, static_cast<std::int64_t>(carton_id));
  item.bind(3, static_cast<std::int64_t>(po_line_id));
  item.exec();
}

void add_item_shipped_units(Db& db, std::int64_t item_id, std::int64_t quantity) {
  static const Sql kSql("UPDATE carton_items SET shipped_units = shipped_units + ? WHERE id = ?");
  SQLite::Statement& item = db.statement(kSql);
  item.bind(1, static_cast<std::int64_t>(quantity));
  item.bind(2, static_cast<std::int64_t>(item_id));
  item.exec();
}

void add_line_shipped_units(Db& db, std::int64_t po_line_id, std::int64_t quantity) {
  static const LineProgressCounter kCounter("shipped_units", true);
  add_to_line_progress(db, kCounter, po_line_id, quantity);
}

// One plain join, one row per carton item, summed and ordered here: the grouped CTE this
// replaces made SQLite build two temporary b-trees per shipment (a quarter of avedi-invoice).
std::map<std::int64_t, std::vector<ShippedLine>> shipped_lines(Db& db, std::int64_t shipment_id) {
  static const Sql kSql(
      "SELECT l.id, l.po_id, l.position, ci.shipped_units, l.line_id, l.uom, l.units_per_uom, "
      "l.unit_price, l.product_ids FROM cartons c JOIN carton_items ci ON ci.carton_id = c.id "
      "JOIN po_lines l ON l.id = ci.po_line_id WHERE c.shipment_id = ? AND ci.shipped_units > 0");
  FastQuery query(db, kSql);
  query.bind(1, static_cast<std::int64_t>(shipment_id));
  struct Found {
    std::int64_t po_id, position;
    ShippedLine line;
  };
  // Room for a shipment's lines up front (growing moved every line's strings again and again).
  constexpr std::size_t kLinesReserved = 256;
  std::vector<Found> found;
  found.reserve(kLinesReserved);
  std::unordered_map<std::int64_t, std::size_t> index_of_line;  // po_lines.id -> found[i]
  index_of_line.reserve(kLinesReserved);
  while (query.step()) {
    const std::int64_t po_line_id = query.int64(0);
    const std::int64_t eaches = query.int64(3);
    auto [at, first] = index_of_line.emplace(po_line_id, found.size());
    if (!first) {  // the line is packed in several cartons of the shipment
      found[at->second].line.eaches += eaches;
      continue;
    }
    Found& item = found.emplace_back();
    item.po_id = query.int64(1);
    item.position = query.int64(2);
    item.line.po_line_id = po_line_id;
    item.line.eaches = eaches;
    item.line.line_id = query.text(4);
    item.line.uom = query.text(5);
    item.line.units_per_uom = query.int64(6);  // NULL reads as 0
    item.line.unit_price = query.text(7);
    item.line.product_ids = query.text(8);
  }
  // Sorted by index: each line is moved once, into its PO's vector, sized beforehand.
  std::vector<std::size_t> order(found.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&found](std::size_t a, std::size_t b) {
    const Found& x = found[a];
    const Found& y = found[b];
    return x.po_id != y.po_id ? x.po_id < y.po_id : x.position < y.position;
  });
  std::map<std::int64_t, std::vector<ShippedLine>> lines;
  for (std::size_t begin = 0; begin < order.size();) {
    std::int64_t po_id = found[order[begin]].po_id;
    std::size_t end = begin;
    while (end < order.size() && found[order[end]].po_id == po_id) ++end;
    std::vector<ShippedLine>& of_po = lines[po_id];
    of_po.reserve(end - begin);
    for (; begin < end; ++begin) of_po.push_back(std::move(found[order[begin]].line));
  }
  return lines;
}

void add_invoice_due(Db& db, std::int64_t shipment_id, std::int64_t po_id) {
  SQLite::Statement& insert =
      db.statement("INSERT OR IGNORE INTO invoices_due (shipment_id, po_id) VALUES (?, ?)");
  insert.bind(1, static_cast<std::int64_t>(shipment_id));
  insert.bind(2, static_cast<std::int64_t>(po_id));
  insert.exec();
}

std::optional<std::int64_t> next_shipment_due(Db& db, std::int64_t after_shipment_id) {
  SQLite::Statement& query = db.statement(
      "SELECT shipment_id FROM invoices_due WHERE shipment_id > ? ORDER BY shipment_id LIMIT 1");
  query.bind(1, static_cast<std::int64_t>(after_shipment_id));
  if (!query.executeStep()) return std::nullopt;
  return query.getColumn(0).getInt64();
}

std::vector<StoredOrder> orders_due(Db& db, std::int64_t shipment_id) {
  SQLite::Statement& query = db.statement(
      "SELECT o.id, o.po_number, o.ship_to_fc, o.state, i.file_id FROM invoices_due d "
      "JOIN purchase_orders o ON o.id = d.po_id "
      "JOIN transaction_sets s ON s.id = o.transaction_set_id "
      "JOIN interchanges i ON i.id = s.interchange_id "
      "WHERE d.shipment_id = ? ORDER BY o.po_number");
  query.bind(1, static_cast<std::int64_t>(shipment_id));
  std::vector<StoredOrder> orders;
  while (query.executeStep()) {
    StoredOrder order;
    order.id = query.getColumn(0).getInt64();
    order.po_number = query.getColumn(1).getString();
    order.ship_to_fc = query.getColumn(2).getString();
    order.state = query.getColumn(3).getString();
    order.file_id = query.getColumn(4).getInt64();
    orders.push_back(std::move(order));
  }
  return orders;
}

void remove_invoice_due(Db& db, std::int64_t shipment_id, std::int64_t po_id) {
  SQLite::Statement& done =
      db.statement("DELETE FROM invoices_due WHERE shipment_id = ? AND po_id = ?");
  done.bind(1, static_cast<std::int64_t>(shipment_id));
  done.bind(2, static_cast<std::int64_t>(po_id));
  done.exec();
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
  remove_invoice_due(db, shipment_id, po_id);
  record_transition(db, actor, "invoice", id, "", "sent", file_id,
                    fmt::format("{}: {}.{:02} USD", number, total_cents / 100, total_cents % 100));
  return id;
}

bool everything_invoiced(Db& db, std::int64_t po_id) {
  // A due row whose invoice exists (only a store edited by hand has one) bills nothing more.
  SQLite::Statement& query = db.statement(
      "SELECT 1 FROM invoices_due d WHERE d.po_id = ? AND NOT EXISTS (SELECT 1 FROM invoices v "
      "WHERE v.po_id = d.po_id AND v.shipment_id = d.shipment_id) LIMIT 1");
  query.bind(1, static_cast<std::int64_t>(po_id));
  return !query.executeStep();
}

}  // namespace store
