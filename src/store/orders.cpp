// Orders and stock in SQLite.
#include "store/orders.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/database.h"

namespace store {
namespace {

// The po_lines columns read_line() reads, in its order.
// The po_lines columns read_line() reads, in its order. NULLs are read as "" and 0 (no
// coalesce(): SQLite copies every value a function returns, a million lines in a backlog).
constexpr const char* kLineColumns =
    "l.id, l.position, l.line_id, l.quantity, l.uom, l.unit_price, l.price_basis, "
    "l.product_ids, l.sku, l.units_per_uom, l.accepted, l.backordered, l.rejected, "
    "l.ship_date, l.backorder_date, l.resolution ";

// The line whose kLineColumns start at column `first` of `query`'s current row.
StoredLine read_line(SQLite::Statement& query, int first) {
  StoredLine line;
  line.id = query.getColumn(first).getInt64();
  line.position = query.getColumn(first + 1).getInt();
  line.line_id = query.getColumn(first + 2).getString();
  line.quantity = query.getColumn(first + 3).getInt64();
  line.uom = query.getColumn(first + 4).getString();
  line.unit_price = query.getColumn(first + 5).getString();
  line.price_basis = query.getColumn(first + 6).getString();
  line.ids = model::decode_product_ids(query.getColumn(first + 7).getString());
  line.sku = query.getColumn(first + 8).getString();
  line.units_per_uom = query.getColumn(first + 9).getInt64();
  line.accepted = query.getColumn(first + 10).getInt64();
  line.backordered = query.getColumn(first + 11).getInt64();
  line.rejected = query.getColumn(first + 12).getInt64();
  line.ship_date = query.getColumn(first + 13).getString();
  line.backorder_date = query.getColumn(first + 14).getString();
  line.resolution = query.getColumn(first + 15).getString();
  return line;
}

void load_lines(Db& db, StoredOrder& order) {
  SQLite::Statement& query = db.statement(std::string("SELECT ") + kLineColumns +
                                          "FROM po_lines l WHERE l.po_id = ? ORDER BY l.position");
  query.bind(1, static_cast<std::int64_t>(order.id));
  while (query.executeStep()) order.lines.push_back(read_line(query, 0));
}

// The purchase_orders columns read_order_row() reads, in its order, and the joins they need.
constexpr const char* kOrderSelect =
    "SELECT o.id, po_number, vendor_code, order_type, order_date, ship_to_fc, "
    "deliver_not_before, deliver_not_after, backorder_allowed, freight_terms, o.state, "
    "canonical, received_at, ack_due_at, i.file_id, purpose, fob_payment ";
constexpr const char* kOrderFrom =
    "FROM purchase_orders o "
    "JOIN transaction_sets s ON s.id = o.transaction_set_id "
    "JOIN interchanges i ON i.id = s.interchange_id ";

// The order of kOrderSelect in `query`'s current row, without its lines.
StoredOrder read_order_row(SQLite::Statement& query) {
  StoredOrder order;
  order.id = query.getColumn(0).getInt64();
  order.po_number = query.getColumn(1).getString();
  order.vendor_code = query.getColumn(2).getString();
  order.order_type = query.getColumn(3).getString();
  order.order_date = query.getColumn(4).getString();
  order.ship_to_fc = query.getColumn(5).getString();
  order.deliver_not_before = query.getColumn(6).getString();
  order.deliver_not_after = query.getColumn(7).getString();
  order.backorder_allowed = query.getColumn(8).getInt() != 0;
  order.freight_terms = query.getColumn(9).getString();
  order.state = query.getColumn(10).getString();
  order.canonical = query.getColumn(11).getString();
  order.received_at = query.getColumn(12).getString();
  order.ack_due_at = query.getColumn(13).getString();
  order.file_id = query.getColumn(14).getInt64();
  order.purpose = query.getColumn(15).getString();
  order.fob_payment = query.getColumn(16).getString();
  return order;
}

StoredOrder read_order(Db& db, SQLite::Statement& query) {
  StoredOrder order = read_order_row(query);
  load_lines(db, order);
  return order;
}

// Binds `value`, or NULL when it is empty. Without a copy (a million line updates in a
// backlog): `value` must live until the statement has run, as every caller's does.
void bind_optional(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.bind(index);
  } else {
    statement.bindNoCopy(index, value);
  }
}

}  // namespace

model::PurchaseOrder to_purchase_order(const StoredOrder& stored) {
  model::PurchaseOrder order;
  order.po_number = stored.po_number;
  order.order_type = stored.order_type;
  order.order_date = stored.order_date;
  order.vendor_code = stored.vendor_code;
  order.backorder_allowed = stored.backorder_allowed;
  order.deliver_not_before = stored.deliver_not_before;
  order.deliver_not_after = stored.deliver_not_after;
  order.ship_to_fc = stored.ship_to_fc;
  for (const StoredLine& stored_line : stored.lines) {
    model::OrderLine line;
    line.line_id = stored_line.line_id;
    line.quantity = stored_line.quantity;
    line.uom = stored_line.uom;
    line.unit_price = model::Decimal::parse(stored_line.unit_price).value_or(model::Decimal());
    line.price_basis = stored_line.price_basis;
    line.ids = stored_line.ids;
    order.lines.push_back(std::move(line));
  }
  return order;
}

std::string canonical_text(const StoredOrder& stored) {
  if (!stored.canonical.empty()) return stored.canonical;  // received before version 9
  model::PurchaseOrder order = to_purchase_order(stored);
  order.purpose = stored.purpose;
  order.fob_payment = stored.fob_payment;
  return order.canonical_text();
}

std::optional<StoredOrder> find_order(Db& db, const std::string& po_number) {
  SQLite::Statement& query =
      db.statement(std::string(kOrderSelect) + kOrderFrom + "WHERE po_number = ?");
  query.bind(1, po_number);
  if (!query.executeStep()) return std::nullopt;
  return read_order(db, query);
}

std::vector<StoredOrder> orders_in_state(Db& db, const std::string& state, std::int64_t after_id,
                                         int limit) {
  // Three reads of one snapshot: the page's last id, its orders, then their lines over the same
  // id range, each row read straight from its table (a LIMIT subquery joined to po_lines made
  // SQLite copy every order column into each line's row: a third of acknowledge's CPU).
  ReadSnapshot snapshot(db);
  SQLite::Statement& bound = db.statement(
      "SELECT max(id) FROM (SELECT id FROM purchase_orders WHERE state = ? AND id > ? "
      "ORDER BY id LIMIT ?)");
  bound.bind(1, state);
  bound.bind(2, static_cast<std::int64_t>(after_id));
  bound.bind(3, limit);
  bound.executeStep();
  std::optional<std::int64_t> last;
  if (!bound.getColumn(0).isNull()) last = bound.getColumn(0).getInt64();
  bound.reset();
  std::vector<StoredOrder> orders;
  if (!last) return orders;
  SQLite::Statement& query = db.statement(std::string(kOrderSelect) + kOrderFrom +
                                          "WHERE o.state = ? AND o.id > ? AND o.id <= ? "
                                          "ORDER BY o.id");
  query.bind(1, state);
  query.bind(2, static_cast<std::int64_t>(after_id));
  query.bind(3, *last);
  while (query.executeStep()) orders.push_back(read_order_row(query));
  SQLite::Statement& lines =
      db.statement(std::string("SELECT l.po_id, ") + kLineColumns +
                   "FROM purchase_orders o JOIN po_lines l ON l.po_id = o.id "
                   "WHERE o.state = ? AND o.id > ? AND o.id <= ? ORDER BY o.id, l.position");
  lines.bind(1, state);
  lines.bind(2, static_cast<std::int64_t>(after_id));
  lines.bind(3, *last);
  auto order = orders.begin();
  while (lines.executeStep()) {
    std::int64_t po_id = lines.getColumn(0).getInt64();
    while (order != orders.end() && order->id < po_id) ++order;
    if (order == orders.end() || order->id != po_id) {
      throw std::logic_error("orders_in_state: a line of a PO outside the page");
    }
    order->lines.push_back(read_line(lines, 1));
  }
  return orders;
}

std::int64_t count_orders_in_state(Db& db, const std::string& state) {
  SQLite::Statement& query = db.statement("SELECT count(*) FROM purchase_orders WHERE state = ?");
  query.bind(1, state);
  query.executeStep();
  return query.getColumn(0).getInt64();
}

std::int64_t insert_order(Db& db, const Actor& actor, const model::PurchaseOrder& order,
                          const std::string& freight_terms, std::int64_t transaction_set_id,
                          std::int64_t file_id, const std::string& ack_due_at) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO purchase_orders (po_number, vendor_code, order_type, order_date, ship_to_fc, "
      "deliver_not_before, deliver_not_after, backorder_allowed, fob_payment, freight_terms, "
      "state, canonical, transaction_set_id, received_at, ack_due_at, purpose) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', '', ?, ?, ?, ?)");
  insert.bind(1, order.po_number);
  insert.bind(2, order.vendor_code);
  insert.bind(3, order.order_type);
  insert.bind(4, order.order_date);
  insert.bind(5, order.ship_to_fc);
  insert.bind(6, order.deliver_not_before);
  insert.bind(7, order.deliver_not_after);
  insert.bind(8, order.backorder_allowed ? 1 : 0);
  bind_optional(insert, 9, order.fob_payment);
  insert.bind(10, freight_terms);
  // The canonical text is rebuilt from these columns when needed (canonical_text()).
  insert.bind(11, static_cast<std::int64_t>(transaction_set_id));
  insert.bind(12, actor.now);
  insert.bind(13, ack_due_at);
  bind_optional(insert, 14, order.purpose);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  SQLite::Statement& line_insert = db.statement(
      "INSERT INTO po_lines (po_id, position, line_id, quantity, uom, "
      "unit_price, price_basis, product_ids) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  int position = 0;
  for (const model::OrderLine& line : order.lines) {
    // Bound without a copy (a million lines in a backlog): every bound string lives until
    // exec() below, `order` and these two locals alike.
    const std::string unit_price = line.unit_price.to_string();
    const std::string product_ids = model::encode_product_ids(line.ids);
    line_insert.reset();
    line_insert.bind(1, static_cast<std::int64_t>(id));
    line_insert.bind(2, ++position);
    line_insert.bindNoCopy(3, line.line_id);
    line_insert.bind(4, static_cast<std::int64_t>(line.quantity));
    line_insert.bindNoCopy(5, line.uom);
    line_insert.bindNoCopy(6, unit_price);
    if (line.price_basis.empty()) {
      line_insert.bind(7);
    } else {
      line_insert.bindNoCopy(7, line.price_basis);
    }
    line_insert.bindNoCopy(8, product_ids);
    line_insert.exec();
  }
  record_transition(db, actor, "purchase_order", id, "", "received", file_id,
                    fmt::format("PO {}: {} line(s), ship to {}", order.po_number,
                                order.lines.size(), order.ship_to_fc));
  return id;
}

void record_acknowledgment(Db& db, const Actor& actor, const StoredOrder& order,
                           const std::string& detail) {
  SQLite::Statement& update = db.statement(
      "UPDATE po_lines SET sku = ?, units_per_uom = ?, accepted = ?, "
      "backordered = ?, rejected = ?, ship_date = ?, backorder_date = ?, "
      "resolution = ? WHERE id = ?");
  for (const StoredLine& line : order.lines) {
    update.reset();
    bind_optional(update, 1, line.sku);
    if (line.units_per_uom > 0) {
      update.bind(2, static_cast<std::int64_t>(line.units_per_uom));
    } else {
      update.bind(2);
    }
    update.bind(3, static_cast<std::int64_t>(line.accepted));
    update.bind(4, static_cast<std::int64_t>(line.backordered));
    update.bind(5, static_cast<std::int64_t>(line.rejected));
    bind_optional(update, 6, line.ship_date);
    bind_optional(update, 7, line.backorder_date);
    bind_optional(update, 8, line.resolution);
    update.bind(9, static_cast<std::int64_t>(line.id));
    update.exec();
  }
  SQLite::Statement& state = db.statement(
      "UPDATE purchase_orders SET state = 'acknowledged', acknowledged_at = ? "
      "WHERE id = ?");
  state.bind(1, actor.now);
  state.bind(2, static_cast<std::int64_t>(order.id));
  state.exec();
  record_transition(db, actor, "purchase_order", order.id, order.state, "acknowledged",
                    order.file_id, detail);
}

void set_order_state(Db& db, const Actor& actor, const StoredOrder& order,
                     const std::string& to_state, const std::string& detail) {
  SQLite::Statement& update = db.statement("UPDATE purchase_orders SET state = ? WHERE id = ?");
  update.bind(1, to_state);
  update.bind(2, static_cast<std::int64_t>(order.id));
  update.exec();
  record_transition(db, actor, "purchase_order", order.id, order.state, to_state, order.file_id,
                    detail);
}

std::map<std::string, std::int64_t> allocated_units_by_sku(Db& db) {
  // One indexed range of purchase_orders_by_state per state, then each order's lines by
  // (po_id, position): no scan of po_lines.
  SQLite::Statement& query = db.statement(
      "SELECT l.sku, sum(l.accepted * l.units_per_uom - coalesce(p.shipped_units, 0)) "
      "FROM purchase_orders o JOIN po_lines l ON l.po_id = o.id "
      "LEFT JOIN line_progress p ON p.po_line_id = l.id "
      "WHERE o.state IN ('acknowledged', 'released', 'partially_shipped') "
      "AND l.sku IS NOT NULL GROUP BY l.sku");
  std::map<std::string, std::int64_t> allocated;
  while (query.executeStep()) {
    std::int64_t units = query.getColumn(1).getInt64();
    if (units != 0) allocated.emplace(query.getColumn(0).getString(), units);
  }
  return allocated;
}

std::optional<Snapshot> latest_snapshot(Db& db) {
  SQLite::Statement& query = db.statement(
      "SELECT id, as_of, coalesce(warehouse, '') FROM stock_snapshots "
      "ORDER BY as_of DESC, id DESC LIMIT 1");
  if (!query.executeStep()) return std::nullopt;
  return Snapshot{query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                  query.getColumn(2).getString()};
}

std::int64_t available_units(Db& db, std::int64_t snapshot_id, const std::string& sku) {
  SQLite::Statement& query =
      db.statement("SELECT available FROM stock_levels WHERE snapshot_id = ? AND sku = ?");
  query.bind(1, static_cast<std::int64_t>(snapshot_id));
  query.bind(2, sku);
  return query.executeStep() ? query.getColumn(0).getInt64() : 0;
}

std::int64_t insert_snapshot(Db& db, const Actor& actor, std::int64_t file_id,
                             const std::string& as_of, const std::string& warehouse,
                             const std::map<std::string, std::int64_t>& levels) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO stock_snapshots (file_id, as_of, warehouse, loaded_at, "
      "sku_count) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(file_id));
  insert.bind(2, as_of);
  bind_optional(insert, 3, warehouse);
  insert.bind(4, actor.now);
  insert.bind(5, static_cast<std::int64_t>(levels.size()));
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  SQLite::Statement& level =
      db.statement("INSERT INTO stock_levels (snapshot_id, sku, available) VALUES (?, ?, ?)");
  for (const auto& [sku, available] : levels) {
    level.reset();
    level.bind(1, static_cast<std::int64_t>(id));
    level.bind(2, sku);
    level.bind(3, static_cast<std::int64_t>(available));
    level.exec();
  }
  record_transition(db, actor, "stock_snapshot", id, "", "current", file_id,
                    fmt::format("{} SKU(s) as of {}", levels.size(), as_of));
  return id;
}

}  // namespace store
