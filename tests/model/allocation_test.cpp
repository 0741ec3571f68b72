// Line allocation: accepted, backordered and rejected units always add up to the quantity
// ordered, with the dates and the reason each outcome carries.
#include "model/allocation.h"

#include <doctest/doctest.h>

namespace {

const model::AllocationDates kDates{"20261128", "20261210"};

model::OrderLine line_of(std::int64_t quantity, const char* uom = "EA") {
  model::OrderLine line;
  line.line_id = "1";
  line.quantity = quantity;
  line.uom = uom;
  line.unit_price = model::Decimal::from_integer(10);
  line.ids = {{"BP", "B0X"}};
  return line;
}

model::LineFacts stock_of(std::int64_t free_units, std::int64_t case_pack = 0) {
  model::LineFacts facts;
  facts.sku = "SKU-1";
  facts.case_pack = case_pack;
  facts.free_units = free_units;
  return facts;
}

model::LineDecision decide(const model::OrderLine& line, const model::LineFacts& facts,
                           bool backorder_allowed) {
  model::LineDecision decision = model::allocate_line(line, facts, backorder_allowed, kDates);
  CHECK(decision.accepted + decision.backordered + decision.rejected == line.quantity);
  CHECK(decision.accepted >= 0);
  CHECK(decision.backordered >= 0);
  CHECK(decision.rejected >= 0);
  return decision;
}

}  // namespace

TEST_SUITE("model::allocate_line") {
  TEST_CASE("accepts the whole line when enough stock is free") {
    for (bool backorder_allowed : {true, false}) {
      CAPTURE(backorder_allowed);
      model::LineDecision d = decide(line_of(5), stock_of(12), backorder_allowed);
      CHECK(d.sku == "SKU-1");
      CHECK(d.units_per_uom == 1);
      CHECK(d.accepted == 5);
      CHECK(d.backordered == 0);
      CHECK(d.rejected == 0);
      CHECK(d.ship_date == "20261128");
      CHECK(d.backorder_date == "");
      CHECK(d.reason == "");
    }
  }

  TEST_CASE("accepts exactly the free stock and nothing else") {
    model::LineDecision d = decide(line_of(7), stock_of(7), true);
    CHECK(d.accepted == 7);
    CHECK(d.backordered == 0);
    CHECK(d.rejected == 0);
    CHECK(d.ship_date == "20261128");
    CHECK(d.backorder_date == "");
    CHECK(d.reason == "");
  }

  TEST_CASE("backorders the rest of a partly free line when the PO allows it") {
    model::LineDecision d = decide(line_of(10), stock_of(4), true);
    CHECK(d.accepted == 4);
    CHECK(d.backordered == 6);
    CHECK(d.rejected == 0);
    CHECK(d.ship_date == "20261128");
    CHECK(d.backorder_date == "20261210");
    CHECK(d.reason == "4 units of SKU-1 free");
  }

  TEST_CASE("rejects the rest of a partly free line when the PO allows no backorder") {
    model::LineDecision d = decide(line_of(10), stock_of(4), false);
    CHECK(d.accepted == 4);
    CHECK(d.backordered == 0);
    CHECK(d.rejected == 6);
    CHECK(d.ship_date == "20261128");
    CHECK(d.backorder_date == "");
    CHECK(d.reason == "4 units of SKU-1 free; the PO allows no backorder");
  }

  TEST_CASE("backorders or rejects the whole line when nothing is free") {
    struct Case {
      const char* name;
      std::int64_t free_units;
    };
    const Case cases[] = {{"no free stock", 0}, {"stock overpromised", -3}};
    for (const Case& c : cases) {
      SUBCASE(c.name) {
        model::LineDecision backordered = decide(line_of(5), stock_of(c.free_units), true);
        CHECK(backordered.accepted == 0);
        CHECK(backordered.backordered == 5);
        CHECK(backordered.rejected == 0);
        CHECK(backordered.ship_date == "");
        CHECK(backordered.backorder_date == "20261210");
        CHECK(backordered.reason == "0 units of SKU-1 free");

        model::LineDecision rejected = decide(line_of(5), stock_of(c.free_units), false);
        CHECK(rejected.accepted == 0);
        CHECK(rejected.backordered == 0);
        CHECK(rejected.rejected == 5);
        CHECK(rejected.ship_date == "");
        CHECK(rejected.backorder_date == "");
        CHECK(rejected.reason == "0 units of SKU-1 free; the PO allows no backorder");
      }
    }
  }

  TEST_CASE("rejects a line that did not resolve to one SKU, with the reason") {
    model::LineFacts facts;
    facts.unresolved = "no catalog SKU has BP B0X";
    facts.free_units = 100;
    for (bool backorder_allowed : {true, false}) {
      CAPTURE(backorder_allowed);
      model::LineDecision d = decide(line_of(5), facts, backorder_allowed);
      CHECK(d.sku == "");
      CHECK(d.units_per_uom == 0);
      CHECK(d.accepted == 0);
      CHECK(d.backordered == 0);
      CHECK(d.rejected == 5);
      CHECK(d.ship_date == "");
      CHECK(d.backorder_date == "");
      CHECK(d.reason == "no catalog SKU has BP B0X");
    }
  }

  TEST_CASE("rejects a discontinued SKU whatever the stock") {
    model::LineFacts facts = stock_of(100);
    facts.discontinued = true;
    for (bool backorder_allowed : {true, false}) {
      CAPTURE(backorder_allowed);
      model::LineDecision d = decide(line_of(5), facts, backorder_allowed);
      CHECK(d.sku == "SKU-1");
      CHECK(d.accepted == 0);
      CHECK(d.backordered == 0);
      CHECK(d.rejected == 5);
      CHECK(d.ship_date == "");
      CHECK(d.backorder_date == "");
      CHECK(d.reason == "SKU-1 is discontinued");
    }
  }

  TEST_CASE("accepts case lines in whole cases of the catalog's case pack") {
    model::LineDecision d = decide(line_of(4, "CA"), stock_of(20, 6), true);
    CHECK(d.units_per_uom == 6);
    CHECK(d.accepted == 3);
    CHECK(d.backordered == 1);
    CHECK(d.rejected == 0);
    CHECK(d.ship_date == "20261128");
    CHECK(d.backorder_date == "20261210");
    CHECK(d.reason == "20 units of SKU-1 free (6 per case)");

    model::LineDecision no_backorder = decide(line_of(4, "CA"), stock_of(20, 6), false);
    CHECK(no_backorder.accepted == 3);
    CHECK(no_backorder.rejected == 1);
    CHECK(no_backorder.reason == "20 units of SKU-1 free (6 per case); the PO allows no backorder");

    model::LineDecision exact = decide(line_of(4, "CA"), stock_of(24, 6), true);
    CHECK(exact.accepted == 4);
    CHECK(exact.backordered == 0);
    CHECK(exact.reason == "");

    model::LineDecision less_than_a_case = decide(line_of(2, "CA"), stock_of(5, 6), true);
    CHECK(less_than_a_case.accepted == 0);
    CHECK(less_than_a_case.backordered == 2);
    CHECK(less_than_a_case.ship_date == "");
    CHECK(less_than_a_case.reason == "5 units of SKU-1 free (6 per case)");
  }

  TEST_CASE("ignores the case pack for lines in eaches") {
    model::LineDecision d = decide(line_of(4), stock_of(20, 6), true);
    CHECK(d.units_per_uom == 1);
    CHECK(d.accepted == 4);
    CHECK(d.reason == "");
    model::LineDecision unknown_pack = decide(line_of(4), stock_of(20, 0), true);
    CHECK(unknown_pack.units_per_uom == 1);
    CHECK(unknown_pack.accepted == 4);
  }

  TEST_CASE("rejects a case line when the catalog has no case pack") {
    for (bool backorder_allowed : {true, false}) {
      CAPTURE(backorder_allowed);
      model::LineDecision d = decide(line_of(4, "CA"), stock_of(100, 0), backorder_allowed);
      CHECK(d.units_per_uom == 0);
      CHECK(d.accepted == 0);
      CHECK(d.backordered == 0);
      CHECK(d.rejected == 4);
      CHECK(d.ship_date == "");
      CHECK(d.backorder_date == "");
      CHECK(d.reason == "SKU-1 is ordered in cases but the catalog has no case_pack");
    }
  }
}
