// The shipment confirmation's rows: views into the file's text, or into the file's own decoded
// cells, and each run of a shipment's facts kept once.
#include "exchange/shipped_csv.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

const std::string kHeader =
    "shipment_id,po_number,sku,quantity,sscc,pallet_sscc,ship_date,carrier_scac,bol_number,"
    "pro_number,tracking_number,estimated_delivery\n";

bool views_into(std::string_view cell, std::string_view text) {
  return cell.data() >= text.data() && cell.data() + cell.size() <= text.data() + text.size();
}

}  // namespace

TEST_SUITE("exchange::parse_shipped") {
  TEST_CASE("a decoded cell outlives the table it was read into") {
    std::string text = kHeader +
                       "AVD1,PO1,\"AB\"\"C\",2,006141410000000012,,2026-12-15,ABFS,BOL1,,,"
                       "2026-12-19\n"
                       "AVD1, PO1 ,SKU-2,3,006141410000000012,,2026-12-15,ABFS,BOL1,,,2026-12-19\n";
    std::vector<exchange::CsvProblem> problems;
    std::optional<exchange::ShippedFile> file = exchange::parse_shipped(text, problems);
    CHECK(problems.empty());
    REQUIRE(file);
    REQUIRE(file->rows.size() == 2);
    const exchange::ShippedRow& first = file->rows[0];
    CHECK(first.sku == "AB\"C");
    CHECK_FALSE(views_into(first.sku, text));
    REQUIRE(file->decoded.size() == 1);
    CHECK(first.sku.data() == file->decoded.front().data());
    CHECK(first.shipment_id == "AVD1");
    CHECK(views_into(first.shipment_id, text));
    CHECK(file->rows[1].po_number == "PO1");  // trimmed, still a view
    CHECK(views_into(file->rows[1].po_number, text));
    CHECK(first.quantity == 2);
    // Moved again (as the job holds it), the rows still read their cells.
    exchange::ShippedFile moved = std::move(*file);
    CHECK(moved.rows[0].sku == "AB\"C");
  }

  TEST_CASE("a shipment's facts are kept once per run of its rows") {
    std::string text = kHeader +
                       "AVD1,PO1,A,1,006141410000000012,,2026-12-15,ABFS,BOL1,PRO1,,2026-12-19\n"
                       "AVD1,PO1,B,1,006141410000000012,,2026-12-15,ABFS,BOL1,PRO1,,2026-12-19\n"
                       "AVD2,PO2,C,1,006141410000000029,,2026-12-16,ABFS,BOL2,,TRK,2026-12-20\n";
    std::vector<exchange::CsvProblem> problems;
    std::optional<exchange::ShippedFile> file = exchange::parse_shipped(text, problems);
    CHECK(problems.empty());
    REQUIRE(file);
    REQUIRE(file->facts.size() == 2);
    CHECK(file->rows[0].facts == 0);
    CHECK(file->rows[1].facts == 0);
    CHECK(file->rows[2].facts == 1);
    const exchange::ShippingFacts& second = file->facts_of(file->rows[2]);
    CHECK(second.ship_date == "20261216");
    CHECK(second.bol_number == "BOL2");
    CHECK(second.pro_number.empty());
    CHECK(second.tracking_number == "TRK");
    CHECK(second.estimated_delivery == "20261220");
    CHECK(file->facts_of(file->rows[0]).pro_number == "PRO1");
  }

  TEST_CASE("facts checked once per run of equal cells still refuse every row they are bad in") {
    std::string text =
        kHeader +
        // Good facts, then the same shipment with a bad date: the run of good cells ends.
        "AVD1,PO1,A,1,006141410000000012,,2026-12-15,ABFS,BOL1,,,2026-12-19\n"
        "AVD1,PO1,B,1,006141410000000012,,2026-12-15,ABFS,BOL1,,,2026-12-19\n"
        "AVD1,PO1,C,1,006141410000000012,,2026-12-32,ABFS,BOL1,,,2026-12-19\n"
        // The same bad date again: named again, on its own row.
        "AVD1,PO1,D,1,006141410000000012,,2026-12-32,ABFS,BOL1,,,2026-12-19\n"
        // Back to the good cells after a bad row: checked again, and fine.
        "AVD1,PO1,E,1,006141410000000012,,2026-12-15,ABFS,BOL1,,,2026-12-19\n"
        // An empty carrier and a bad quantity: in the order the columns are checked.
        "AVD1,PO1,F,x,006141410000000012,,2026-12-15,,BOL1,,,2026-12-19\n";
    std::vector<exchange::CsvProblem> problems;
    CHECK_FALSE(exchange::parse_shipped(text, problems));
    std::string named;
    for (const exchange::CsvProblem& problem : problems) {
      named += std::to_string(problem.row) + " " + problem.column + "\n";
    }
    CHECK(named ==
          "4 ship_date\n"
          "5 ship_date\n"
          "7 carrier_scac\n"
          "7 quantity\n");
  }
}
