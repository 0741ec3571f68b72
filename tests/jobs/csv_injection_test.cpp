// Formula injection end to end: hostile values from Amazon (PO number, line id, FC code, carrier
// name in a 754) and from the 3PL (carton and pallet ids) travel through every job, and no cell
// of any CSV avedi writes to the 3PL outbox starts with = + - @ (or a tab or CR) unless it is a
// plain number: a spreadsheet opening it must never run a formula.
#include <doctest/doctest.h>

#include "exchange/csv.h"
#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;

namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};
const std::map<std::string, std::string> kDay2 = {{"AVEDI_NOW", "2026-11-27T10:00:00Z"}};

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
}

// Hostile values, each valid for its X12 element (AN, no delimiter) or CSV column.
const std::string kPoNumber = "=cmd|'/C calc'!A0";     // BEG03, AN 1/22
const std::string kLineId = "@SUM(1+1)";               // PO101, AN 1/20
const std::string kFc = "+HYPERLINK(\"http://x\")";    // N104, AN 2/80
const std::string kCarrier = "-2+3+cmd|'/C calc'!A0";  // N102 of the 754, AN 1/60
const std::string kCarton = "=1+2";                    // carton_id of a ready file
const std::string kPallet = "@pallet";                 // pallet_id of a ready file

bool dangerous(const std::string& cell) {
  if (cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos) {
    return false;
  }
  // A plain number (a negative quantity, say) is what it looks like.
  std::size_t at = cell[0] == '-' || cell[0] == '+' ? 1 : 0;
  bool digits = false;
  for (; at < cell.size(); ++at) {
    if (cell[at] >= '0' && cell[at] <= '9') {
      digits = true;
    } else if (cell[at] != '.') {
      return true;
    }
  }
  return !digits;
}

}  // namespace

TEST_SUITE("csv injection") {
  TEST_CASE("hostile values from Amazon and the 3PL never start a formula in a 3PL CSV") {
    JobTree tree;
    std::string po = repo_file("sample-inbox/as2/amazon-850-two-orders.edi");
    std::string ready = repo_file("sample-inbox/3pl/ready_20261127.csv");
    std::string routing = repo_file("sample-inbox/as2/amazon-754-routing-two-shipments.edi");
    replace_all(po, "2XK4FDJ3", kPoNumber);
    replace_all(po, "PO1*1*", "PO1*" + kLineId + "*");
    replace_all(po, "*92*ABE8~", "*92*" + kFc + "~");
    replace_all(ready, "2XK4FDJ3", "\"" + kPoNumber + "\"");
    replace_all(ready, ",C1,", "," + kCarton + ",");
    replace_all(ready, ",P1,", "," + kPallet + ",");
    replace_all(routing, "2XK4FDJ3", kPoNumber);
    replace_all(routing, "UNITED PARCEL SERVICE", kCarrier);
    // The catalog's own SKUs are the operator's, but a leading '-' is a plausible SKU too.
    std::string catalog = repo_file("config/catalog.csv");
    replace_all(catalog, "WID-200,", "-WID200,");
    replace_all(ready, "WID-200", "-WID200");
    tree.write_config_file("catalog.csv", catalog);
    std::string inventory = repo_file("sample-inbox/3pl/inventory_20261126.csv");
    replace_all(inventory, "WID-200,", "-WID200,");

    tree.drop("po", po);
    tree.drop_3pl("inventory_1.csv", inventory);
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kDay1).exit_code == 0);
    tree.drop_3pl("ready_1.csv", ready);
    testing_jobs::RunResult route = tree.run("avedi-route", {}, kDay2);
    CAPTURE(route.output);
    REQUIRE(route.exit_code == 0);
    tree.drop("routing", routing);
    REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);

    int cells = 0;
    std::string everything;
    std::map<std::string, std::string> written = tree.files_under(tree.tpl_outbox());
    CHECK(written.size() == 5);  // orders, 2 labels, 2 routing
    for (const auto& entry : written) {
      const std::string& name = entry.first;  // clang 14 cannot CAPTURE a structured binding
      const std::string& content = entry.second;
      CAPTURE(name);
      std::vector<exchange::CsvProblem> problems;
      exchange::CsvTable table = exchange::parse_csv(content, {}, problems);
      CHECK(problems.empty());
      for (const std::string& cell : table.header) CHECK_FALSE(dangerous(cell));
      for (std::size_t r = 0; r < table.row_count(); ++r) {
        for (std::string_view view : table.row(r)) {
          std::string cell(view);
          CAPTURE(cell);
          CHECK_FALSE(dangerous(cell));
          everything += cell + "\n";
          ++cells;
        }
      }
    }
    CHECK(cells > 50);
    // Each hostile value arrived (defused), so the scan above looked at them.
    for (const std::string& value :
         {kPoNumber, kLineId, kFc, kCarrier, kCarton, kPallet, std::string("-WID200")}) {
      CAPTURE(value);
      CHECK(everything.find("'" + value + "\n") != std::string::npos);
    }
    CHECK(count(tree, "SELECT count(*) FROM shipments WHERE arn IS NOT NULL") == 2);
  }
}
