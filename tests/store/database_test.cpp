// Db::migrate on stores written by older versions of avedi. Schema version 10 moves the packed,
// shipped and invoiced units of PO lines out of po_lines into line_progress: a store migrated
// in the middle of a flow keeps what each line had. Version 13 stops counting the invoiced
// units (they are derived from the invoices), and each line still shows what it had. Version 12
// moves each document's bytes into document_contents: every byte of every document sent
// survives.
#include "store/database.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "store/query_text.h"
#include "store/records.h"
#include "store/shipments.h"
#include "store/store_file.h"
#include "util/file.h"

namespace {

// The migrations of src/store/schema/ up to and including `version`, in order.
std::vector<std::string> migrations_up_to(int version) {
  std::filesystem::path folder =
      std::filesystem::path(AVEDI_TEST_DATA) / ".." / ".." / "src" / "store" / "schema";
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".sql" && std::stoi(name.substr(0, 3)) <= version) {
      paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_SUITE("store::Db") {
  TEST_CASE("versions 10 and 13 keep each line's packed, shipped and invoiced units") {
    testing_store::StoreFile file("line-progress");
    {
      SQLite::Database old(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      std::vector<std::string> migrations = migrations_up_to(9);
      REQUIRE(migrations.size() == 9);
      for (const std::string& path : migrations) old.exec(util::read_file(path));
      old.exec("PRAGMA user_version = 9");
      // One PO of three lines: packed, shipped and half invoiced (two shipments, one of them
      // invoiced); packed only; untouched.
      old.exec(
          "INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-receive', 't');"
          "INSERT INTO files (id, job, original_name, original_folder, work_path, size, kind, "
          "state, received_at, updated_at, run_id) VALUES (1, 'avedi-receive', 'f', 'in', 'w', "
          "1, 'x12', 'archived', 't', 't', 1);"
          "INSERT INTO interchanges (id, file_id, sender, receiver, control, version, status) "
          "VALUES (1, 1, 'ZZ/AMAZON', 'ZZ/VENDORID', '1', '00401', 'accepted');"
          "INSERT INTO transaction_sets (id, interchange_id, functional_id, group_control, "
          "set_id, set_control, state, first_segment) VALUES (1, 1, 'PO', '1', '850', '0001', "
          "'stored', 0);"
          "INSERT INTO purchase_orders (id, po_number, vendor_code, order_type, order_date, "
          "ship_to_fc, deliver_not_before, deliver_not_after, backorder_allowed, freight_terms, "
          "state, canonical, transaction_set_id, received_at, ack_due_at) VALUES (1, 'PO1', "
          "'VEND01', 'NE', '20261120', 'ABE8', '20261201', '20261208', 1, 'collect', "
          "'partially_shipped', '', 1, 't', 't');"
          "INSERT INTO po_lines (id, po_id, position, line_id, quantity, uom, unit_price, "
          "product_ids, sku, units_per_uom, accepted, packed_units, shipped_units, "
          "invoiced_units) VALUES "
          "(7, 1, 1, '1', 12, 'EA', '1', 'BP=B0', 'A', 1, 12, 12, 12, 6), "
          "(8, 1, 2, '2', 2, 'CA', '1', 'BP=B1', 'B', 6, 2, 12, 0, 0), "
          "(9, 1, 3, '3', 5, 'EA', '1', 'BP=B2', 'C', 1, 5, 0, 0, 0);"
          // Rows that reference the lines: the columns are dropped with foreign keys on.
          "INSERT INTO shipments (id, supplier_reference, ship_from, ship_to_fc, ready_date, "
          "freight_terms, state, file_id, created_at) VALUES (1, 'AVD00000001', 'WH1', 'ABE8', "
          "'20261128', 'collect', 'shipped', 1, 't'), (2, 'AVD00000002', 'WH1', 'ABE8', "
          "'20261128', 'collect', 'shipped', 1, 't');"
          "INSERT INTO cartons (id, shipment_id, carton_ref, sscc, sscc_issued, weight_kg, "
          "length_cm, width_cm, height_cm, shipped) VALUES (1, 1, 'C1', '006141410000000012', 1, "
          "'1', '1', '1', '1', 1), (2, 2, 'C2', '006141410000000029', 1, '1', '1', '1', '1', 1);"
          "INSERT INTO carton_items (carton_id, po_line_id, quantity, shipped_units) VALUES "
          "(1, 7, 6, 6), (1, 8, 12, 0), (2, 7, 6, 6);"
          "INSERT INTO invoices (id, invoice_number, po_id, shipment_id, total_cents, state, "
          "created_at) VALUES (1, 'INV000001', 1, 1, 600, 'sent', 't');"
          "INSERT INTO invoices_due (shipment_id, po_id) VALUES (2, 1)");
    }
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    CHECK(db.schema_version() == store::Db::latest_version());
    // Since version 13 what a line was invoiced is not counted: the view derives it from the
    // invoices and the shipped carton items, and finds the same 6.
    CHECK(testing_store::query_text(db.sql(), "SELECT * FROM line_progress ORDER BY po_line_id") ==
          "7|12|12\n8|12|0\n");
    CHECK(testing_store::query_text(db.sql(), "PRAGMA foreign_key_check") == "");
    CHECK(testing_store::query_text(
              db.sql(), "SELECT po_line_id, shipped_units FROM carton_items ORDER BY id") ==
          "7|6\n8|0\n7|6\n");
    CHECK(testing_store::query_text(
              db.sql(),
              "SELECT count(*) FROM pragma_table_info('po_lines') WHERE name IN "
              "('packed_units', 'shipped_units', 'invoiced_units')") == "0\n");
    CHECK(testing_store::query_text(db.sql(),
                                    "SELECT count(*) FROM pragma_table_info('line_progress') "
                                    "WHERE name = 'invoiced_units'") == "0\n");
    CHECK_FALSE(store::everything_invoiced(db, 1));  // shipment 2 is still due
    CHECK(testing_store::query_text(
              db.sql(),
              "SELECT line_id, accepted_units, packed_units, shipped_units, invoiced_units "
              "FROM v_line_progress") == "1|12|12|12|6\n2|12|12|0|0\n3|5|0|0|0\n");
  }

  TEST_CASE("version 12 keeps every document's bytes, byte for byte, beside a smaller row") {
    testing_store::StoreFile file("document-contents");
    // Bytes are bytes: a NUL, a CR LF, a byte above 0x7f, and a size past many pages.
    const std::string release = std::string("po_number\r\n\0\xff", 13) + std::string(70000, 'x');
    {
      SQLite::Database old(file.path(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      std::vector<std::string> migrations = migrations_up_to(11);
      REQUIRE(migrations.size() == 11);
      for (const std::string& path : migrations) old.exec(util::read_file(path));
      old.exec("PRAGMA user_version = 11");
      old.exec("INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-acknowledge', 't')");
      SQLite::Statement insert(
          old,
          "INSERT INTO documents (id, job, type, business_key, partner, file_name, outbox, "
          "content, sha256, state, created_at, run_id) VALUES (?, 'avedi-acknowledge', ?, ?, "
          "'p', ?, 'as2.outbox', ?, 'h', 'delivered', 't', 1)");
      for (int id : {1, 2}) {
        std::string content = id == 1 ? "ISA*00~\nIEA*1*000000001~\n" : release;
        insert.bind(1, id);
        insert.bind(2, id == 1 ? "855" : "release");
        insert.bind(3, "key" + std::to_string(id));
        insert.bind(4, "file" + std::to_string(id));
        insert.bind(5, content.data(), static_cast<int>(content.size()));
        insert.exec();
        insert.reset();
      }
    }
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    CHECK(db.schema_version() >= 12);
    CHECK(store::document_content(db, 1) == "ISA*00~\nIEA*1*000000001~\n");
    CHECK(store::document_content(db, 2) == release);
    CHECK(store::find_document(db, 2)->content == release);
    CHECK(testing_store::query_text(db.sql(),
                                    "SELECT count(*) FROM pragma_table_info('documents') "
                                    "WHERE name = 'content'") == "0\n");
    CHECK(testing_store::query_text(db.sql(), "PRAGMA foreign_key_check") == "");
  }
}
