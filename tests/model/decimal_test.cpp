// Decimal: exact parsing, refusal of what it cannot keep exactly, shortest text, cent rounding.
#include "model/decimal.h"

#include <doctest/doctest.h>

TEST_SUITE("model::Decimal") {
  TEST_CASE("parses whole, fractional, negative and leading-point amounts") {
    struct Case {
      const char* text;
      std::int64_t units;
      const char* shortest;
    };
    const Case cases[] = {
        {"12", 120000, "12"},         {"12.5", 125000, "12.5"}, {"-0.0625", -625, "-0.0625"},
        {".5", 5000, "0.5"},          {"007.10", 71000, "7.1"}, {"0", 0, "0"},
        {"12.50000", 125000, "12.5"}, {"0.0001", 1, "0.0001"},
    };
    for (const Case& c : cases) {
      SUBCASE(c.text) {
        std::optional<model::Decimal> parsed = model::Decimal::parse(c.text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->units() == c.units);
        CHECK(parsed->to_string() == c.shortest);
      }
    }
  }

  TEST_CASE("refuses text that is not a plain decimal") {
    const char* const cases[] = {"", "-", ".", "1.2.3", "1e5", "12a", " 12", "12 ", "1,5", "--1"};
    for (const char* text : cases) {
      SUBCASE(text) { CHECK_FALSE(model::Decimal::parse(text).has_value()); }
    }
  }

  TEST_CASE("refuses more than 4 significant decimals instead of rounding") {
    CHECK_FALSE(model::Decimal::parse("12.34567").has_value());
    CHECK_FALSE(model::Decimal::parse("0.00005").has_value());
    CHECK_FALSE(model::Decimal::parse("-0.00001").has_value());
    REQUIRE(model::Decimal::parse("12.34560000").has_value());
    CHECK(model::Decimal::parse("12.34560000")->units() == 123456);
  }

  TEST_CASE("refuses values beyond about 9e14") {
    REQUIRE(model::Decimal::parse("900000000000000").has_value());
    CHECK(model::Decimal::parse("900000000000000")->to_string() == "900000000000000");
    CHECK_FALSE(model::Decimal::parse("1000000000000000").has_value());
    CHECK_FALSE(model::Decimal::parse("99999999999999999999").has_value());
  }

  TEST_CASE("writes the shortest exact text, without trailing zeros or exponent") {
    CHECK(model::Decimal::from_units(125000).to_string() == "12.5");
    CHECK(model::Decimal::from_units(30000).to_string() == "3");
    CHECK(model::Decimal::from_units(625).to_string() == "0.0625");
    CHECK(model::Decimal::from_units(-625).to_string() == "-0.0625");
    CHECK(model::Decimal::from_units(-10000).to_string() == "-1");
    CHECK(model::Decimal::from_units(10).to_string() == "0.001");
    CHECK(model::Decimal::from_integer(1000000).to_string() == "1000000");
    CHECK(model::Decimal().to_string() == "0");
  }

  TEST_CASE("rounds to cents half away from zero") {
    struct Case {
      const char* text;
      std::int64_t cents;
    };
    const Case cases[] = {
        {"0.005", 1},     {"-0.005", -1},     {"0.0049", 0},     {"-0.0049", 0},
        {"12.345", 1235}, {"-12.345", -1235}, {"12.3449", 1234}, {"7", 700},
        {"0.01", 1},      {"19.99", 1999},    {"0", 0},
    };
    for (const Case& c : cases) {
      SUBCASE(c.text) {
        std::optional<model::Decimal> parsed = model::Decimal::parse(c.text);
        REQUIRE(parsed.has_value());
        CHECK(parsed->to_cents() == c.cents);
      }
    }
  }

  TEST_CASE("multiplies by a quantity and adds exactly") {
    model::Decimal price = *model::Decimal::parse("19.99");
    CHECK((price * 3).to_string() == "59.97");
    CHECK((price + *model::Decimal::parse("0.01")).to_string() == "20");
    CHECK(*model::Decimal::parse("0.1") + *model::Decimal::parse("0.2") ==
          *model::Decimal::parse("0.3"));
    CHECK(*model::Decimal::parse("-1") < *model::Decimal::parse("0.0001"));
  }
}
