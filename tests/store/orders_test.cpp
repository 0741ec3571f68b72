// The units open orders hold per SKU, which avedi-acknowledge subtracts from the 3PL's stock:
// every state of a PO counts as its lines say, without a po_lines(sku) index; what a line
// shipped is in line_progress, whose row a line gets with its first unit.
#include "store/orders.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "store/database.h"
#include "store/shipments.h"
#include "store/store_file.h"

namespace {

// A store on disk (Db::kReadWrite migrates it) with one received file and interchange.
class Store {
 public:
  Store() : file_("orders") {
    db_ = std::make_unique<store::Db>(file_.path(), store::OpenMode::kReadWrite);
    db_->sql().exec(
        "INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-receive', 't');"
        "INSERT INTO files (id, job, original_name, original_folder, work_path, size, kind, "
        "state, received_at, updated_at, run_id) VALUES (1, 'avedi-receive', 'f', 'in', 'w', 1, "
        "'x12', 'archived', 't', 't', 1);"
        "INSERT INTO interchanges (id, file_id, sender, receiver, control, version, status) "
        "VALUES (1, 1, 'ZZ/AMAZON', 'ZZ/VENDORID', '1', '00401', 'accepted');"
        "INSERT INTO transaction_sets (id, interchange_id, functional_id, group_control, set_id, "
        "set_control, state, first_segment) VALUES (1, 1, 'PO', '1', '850', '0001', 'stored', "
        "0)");
  }

  // A PO in `state` with one line of `sku`: accepted (in `units_per_uom` packs) and shipped.
  void order(const std::string& state, const std::string& sku, int accepted, int units_per_uom,
             int shipped) {
    ++orders_;
    db_->sql().exec(fmt::format(
        "INSERT INTO purchase_orders (id, po_number, vendor_code, order_type, order_date, "
        "ship_to_fc, deliver_not_before, deliver_not_after, backorder_allowed, freight_terms, "
        "state, canonical, transaction_set_id, received_at, ack_due_at) VALUES ({0}, 'PO{0}', "
        "'VEND01', 'NE', '20261120', 'ABE8', '20261201', '20261208', 1, 'collect', '{1}', '', "
        "1, 't', 't');"
        "INSERT INTO po_lines (po_id, position, line_id, quantity, uom, unit_price, "
        "product_ids, sku, units_per_uom, accepted) VALUES ({0}, 1, '1', {2}, "
        "'EA', '1', 'BP=B0', {3}, {4}, {2});"
        "INSERT INTO line_progress (po_line_id, shipped_units) "
        "SELECT id, {5} FROM po_lines WHERE po_id = {0} AND {5} <> 0",
        orders_, state, accepted, sku.empty() ? "NULL" : "'" + sku + "'", units_per_uom, shipped));
  }

  store::Db& db() { return *db_; }

 private:
  testing_store::StoreFile file_;  // declared first: removed after db_ closes
  std::unique_ptr<store::Db> db_;
  int orders_ = 0;
};

}  // namespace

TEST_SUITE("store::orders") {
  TEST_CASE("open orders hold what they accepted and did not ship, per SKU") {
    Store store;
    store.order("acknowledged", "WID-100", 5, 1, 0);
    store.order("released", "WID-100", 2, 6, 0);            // two cases of six
    store.order("partially_shipped", "WID-200", 10, 1, 4);  // six still to ship
    store.order("shipped", "WID-200", 3, 1, 3);
    store.order("invoiced", "WID-300", 3, 1, 3);
    // A received PO has decided nothing yet, whatever its columns say.
    store.order("received", "WID-300", 7, 1, 0);
    store.order("rejected", "", 0, 0, 0);
    store.order("backordered", "WID-400", 0, 1, 0);
    std::map<std::string, std::int64_t> expected{{"WID-100", 17}, {"WID-200", 6}};
    CHECK(store::allocated_units_by_sku(store.db()) == expected);
  }

  TEST_CASE("a line's first shipped units make its progress row") {
    Store store;
    store.order("partially_shipped", "WID-100", 10, 1, 0);  // line 1: no line_progress row
    store.order("shipped", "WID-200", 3, 1, 0);             // line 2: none either
    store::add_line_shipped_units(store.db(), 1, 4);
    store::add_line_shipped_units(store.db(), 1, 2);
    store::add_line_shipped_units(store.db(), 2, 3);
    CHECK(store.db()
              .sql()
              .execAndGet("SELECT group_concat(po_line_id || ':' || packed_units || '/' || "
                          "shipped_units, ' ') FROM line_progress")
              .getString() == "1:0/6 2:0/3");
    std::map<std::string, std::int64_t> expected{{"WID-100", 4}};  // a shipped PO holds none
    CHECK(store::allocated_units_by_sku(store.db()) == expected);
  }

  TEST_CASE("a PO counts as all invoiced once none of its shipments is still due") {
    Store store;
    store.order("shipped", "WID-100", 10, 1, 10);
    store.order("shipped", "WID-200", 5, 1, 5);
    store.db().sql().exec(
        "INSERT INTO shipments (id, supplier_reference, ship_from, ship_to_fc, ready_date, "
        "freight_terms, state, file_id, created_at) VALUES (1, 'AVD00000001', 'WH1', 'ABE8', "
        "'20261128', 'collect', 'shipped', 1, 't'), (2, 'AVD00000002', 'WH1', 'ABE8', "
        "'20261128', 'collect', 'shipped', 1, 't');"
        "INSERT INTO invoices_due (shipment_id, po_id) VALUES (1, 1), (2, 1), (2, 2)");
    store::Actor actor{"avedi-invoice", 1, "t"};
    store::insert_invoice(store.db(), actor, "INV000001", 1, 1, 600, 1);
    CHECK_FALSE(store::everything_invoiced(store.db(), 1));  // shipment 2 is still due
    CHECK_FALSE(store::everything_invoiced(store.db(), 2));
    store::insert_invoice(store.db(), actor, "INV000002", 1, 2, 400, 1);
    CHECK(store::everything_invoiced(store.db(), 1));
    // A due row put back by hand for an invoice that exists bills nothing more.
    store.db().sql().exec("INSERT INTO invoices_due (shipment_id, po_id) VALUES (1, 1)");
    CHECK(store::everything_invoiced(store.db(), 1));
    CHECK_FALSE(store::everything_invoiced(store.db(), 2));  // PO 2 is due on its own
    store::remove_invoice_due(store.db(), 2, 2);
    CHECK(store::everything_invoiced(store.db(), 2));
  }

  TEST_CASE("a shipment's contents list each line of a carton once, by no item when in two") {
    Store store;
    store.order("released", "WID-100", 10, 1, 0);  // line 1
    store.order("released", "WID-200", 5, 1, 0);   // line 2
    store.db().sql().exec(
        "INSERT INTO shipments (id, supplier_reference, ship_from, ship_to_fc, ready_date, "
        "freight_terms, state, file_id, created_at) VALUES (1, 'AVD00000001', 'WH1', 'ABE8', "
        "'20261128', 'collect', 'routed', 1, 't');"
        "INSERT INTO cartons (id, shipment_id, carton_ref, sscc, sscc_issued, weight_kg, "
        "length_cm, width_cm, height_cm) VALUES (7, 1, 'C7', '006141410000000012', 1, '1', '1', "
        "'1', '1'), (3, 1, 'C3', '006141410000000029', 1, '1', '1', '1', '1');"
        "INSERT INTO carton_items (id, carton_id, po_line_id, quantity) VALUES "
        "(11, 7, 2, 1), (12, 7, 1, 2), (13, 3, 1, 3), (14, 7, 2, 4)");
    store::ShipmentContents contents = store::contents_of(store.db(), 1);
    auto listed = [&](std::int64_t carton) {
      std::string text;
      for (const store::PackedLine& line : contents.packed_in(carton)) {
        text += fmt::format("{}:{} ", line.po_line_id, line.item_id);
      }
      return text;
    };
    CHECK(listed(3) == "1:13 ");
    CHECK(listed(7) == "1:12 2:0 ");  // line 2 is in items 11 and 14
    CHECK(listed(5).empty());
    CHECK(contents.cartons.at("006141410000000029").id == 3);
  }

  TEST_CASE("without open orders nothing is held") {
    Store store;
    store.order("received", "WID-100", 0, 0, 0);
    CHECK(store::allocated_units_by_sku(store.db()).empty());
  }
}
