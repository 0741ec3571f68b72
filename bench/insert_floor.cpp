// avedi-bench-floor DB FILE: the floor avedi-receive is measured against. Stores the POs and
// lines of an 850 file in tables shaped like purchase_orders and po_lines, through SQLiteCpp,
// one prepared statement each, in one transaction, with the store's own settings (WAL,
// synchronous FULL). The rows are cut from the file by a plain split (no validation): what is
// left is the cost of storing alone. Prints one JSON line; fails unless every PO was stored.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "util/file.h"

namespace {

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

std::string_view at(const std::vector<std::string_view>& parts, std::size_t index) {
  return index < parts.size() ? parts[index] : std::string_view{};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: avedi-bench-floor DB FILE\n");
    return 64;
  }
  auto start = std::chrono::steady_clock::now();
  std::string content = util::read_file(argv[2]);
  SQLite::Database db(argv[1], SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = FULL");
  db.exec(
      "CREATE TABLE purchase_orders (id INTEGER PRIMARY KEY, po_number TEXT NOT NULL UNIQUE, "
      "vendor_code TEXT NOT NULL, order_type TEXT NOT NULL, order_date TEXT NOT NULL, "
      "ship_to_fc TEXT NOT NULL, deliver_not_before TEXT NOT NULL, deliver_not_after TEXT NOT "
      "NULL, backorder_allowed INTEGER NOT NULL, fob_payment TEXT, state TEXT NOT NULL);"
      "CREATE INDEX purchase_orders_by_state ON purchase_orders(state, id);"
      "CREATE TABLE po_lines (id INTEGER PRIMARY KEY, po_id INTEGER NOT NULL REFERENCES "
      "purchase_orders(id), position INTEGER NOT NULL, line_id TEXT NOT NULL, quantity INTEGER "
      "NOT NULL, uom TEXT NOT NULL, unit_price TEXT NOT NULL, price_basis TEXT, product_ids TEXT "
      "NOT NULL, UNIQUE (po_id, position));");
  SQLite::Statement order(db,
                          "INSERT INTO purchase_orders (po_number, vendor_code, order_type, "
                          "order_date, ship_to_fc, deliver_not_before, deliver_not_after, "
                          "backorder_allowed, fob_payment, state) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received')");
  SQLite::Statement line(db,
                         "INSERT INTO po_lines (po_id, position, line_id, quantity, uom, "
                         "unit_price, price_basis, product_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Transaction transaction(db);
  long orders = 0, lines = 0;
  std::string po, vendor, type, date, fc, not_before, not_after, fob;
  bool backorder = false;
  std::vector<std::vector<std::string_view>> pending;
  auto flush = [&] {
    order.reset();
    order.bind(1, po);
    order.bind(2, vendor);
    order.bind(3, type);
    order.bind(4, date);
    order.bind(5, fc);
    order.bind(6, not_before);
    order.bind(7, not_after);
    order.bind(8, backorder ? 1 : 0);
    order.bind(9, fob);
    order.exec();
    std::int64_t id = db.getLastInsertRowid();
    int position = 0;
    for (const auto& parts : pending) {
      std::string ids;
      for (std::size_t pair = 6; pair + 1 < parts.size(); pair += 2) {
        if (!ids.empty()) ids += ';';
        ids.append(parts[pair]).append("=").append(parts[pair + 1]);
      }
      line.reset();
      line.bind(1, id);
      line.bind(2, ++position);
      line.bind(3, std::string(at(parts, 1)));
      line.bind(4, static_cast<std::int64_t>(std::stoll(std::string(at(parts, 2)))));
      line.bind(5, std::string(at(parts, 3)));
      line.bind(6, std::string(at(parts, 4)));
      line.bind(7, std::string(at(parts, 5)));
      line.bind(8, ids);
      line.exec();
      ++lines;
    }
    pending.clear();
    ++orders;
  };
  for (std::string_view segment : split(content, '~')) {
    while (!segment.empty() && (segment.front() == '\n' || segment.front() == '\r')) {
      segment.remove_prefix(1);
    }
    std::vector<std::string_view> parts = split(segment, '*');
    std::string_view id = parts[0];
    if (id == "BEG") {
      type = at(parts, 2);
      po = at(parts, 3);
      date = at(parts, 5);
    } else if (id == "REF" && at(parts, 1) == "CR") {
      vendor = at(parts, 2);
    } else if (id == "FOB") {
      fob = at(parts, 1);
    } else if (id == "CSH") {
      backorder = at(parts, 1) == "Y";
    } else if (id == "DTM") {
      (at(parts, 1) == "064" ? not_before : not_after) = at(parts, 2);
    } else if (id == "N1") {
      fc = at(parts, 4);
    } else if (id == "PO1") {
      pending.push_back(std::move(parts));
    } else if (id == "SE") {
      flush();
    }
  }
  transaction.commit();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  long stored = db.execAndGet("SELECT count(*) FROM purchase_orders").getInt64();
  std::printf("{\"orders\": %ld, \"lines\": %ld, \"seconds\": %.3f}\n", orders, lines, seconds);
  return stored == orders && orders > 0 ? 0 : 1;
}
