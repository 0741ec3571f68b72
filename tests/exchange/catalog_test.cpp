// The catalog: parsing config/catalog.csv with every problem named, and resolving a PO line's
// Amazon ids to exactly one SKU or saying why not.
#include "exchange/catalog.h"

#include <doctest/doctest.h>

#include <ostream>

namespace {

// Problem texts; a failed check prints them one a line.
struct Lines {
  std::vector<std::string> lines;
  Lines() = default;
  Lines(std::initializer_list<std::string> list) : lines(list) {}
  bool operator==(const Lines&) const = default;
  friend std::ostream& operator<<(std::ostream& out, const Lines& printed) {
    out << "{";
    for (const std::string& line : printed.lines) out << "\n  " << line;
    return out << "}";
  }
};

using Ids = std::vector<model::ProductId>;

exchange::Catalog catalog_of(std::string_view text) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::Catalog> catalog = exchange::Catalog::parse(text, problems);
  for (const exchange::CsvProblem& problem : problems) {
    FAIL_CHECK(exchange::format_csv_problem("catalog.csv", problem));
  }
  REQUIRE(catalog.has_value());
  return *catalog;
}

// Parses `text`, requires that it is refused and returns the problems as the jobs print them.
Lines refusal_of(std::string_view text) {
  std::vector<exchange::CsvProblem> problems;
  std::optional<exchange::Catalog> catalog = exchange::Catalog::parse(text, problems);
  CHECK_FALSE(catalog.has_value());
  Lines out;
  for (const exchange::CsvProblem& problem : problems) {
    out.lines.push_back(exchange::format_csv_problem("catalog.csv", problem));
  }
  return out;
}

const char* const kHeader = "sku,asin,ean,upc,gtin,isbn,vendor_item,case_pack,cost,discontinued\n";

// SKU-1 has every id; B0Y is the ASIN of both SKU-2 and SKU-3.
const char* const kResolveCatalog =
    "sku,asin,ean,upc,gtin,isbn,vendor_item\n"
    "SKU-1,B0X,EAN1,UPC1,GTIN1,ISBN1,VN1\n"
    "SKU-2,B0Y,,UPC2,,,\n"
    "SKU-3,B0Y,,,,,\n";

std::string sku_of(const exchange::Resolution& resolution) {
  return resolution.item == nullptr ? "" : resolution.item->sku;
}

}  // namespace

TEST_SUITE("exchange::Catalog") {
  TEST_CASE("parses every column, empty cells allowed except sku") {
    exchange::Catalog catalog = catalog_of(std::string(kHeader) +
                                           "SKU-1,B0X,4006381333931,012345678905,,,,6,4.25,\n"
                                           "SKU-2,B0Y,,,00012345678905,,V-2,,,yes\n"
                                           " SKU-3 ,,,,,9780306406157,,12,0,0\n");
    CHECK(catalog.size() == 3);

    const exchange::CatalogItem* one = catalog.find("SKU-1");
    REQUIRE(one != nullptr);
    CHECK(one->ids == std::map<std::string, std::string>{
                          {"asin", "B0X"}, {"ean", "4006381333931"}, {"upc", "012345678905"}});
    CHECK(one->case_pack == 6);
    REQUIRE(one->cost.has_value());
    CHECK(one->cost->to_string() == "4.25");
    CHECK_FALSE(one->discontinued);

    const exchange::CatalogItem* two = catalog.find("SKU-2");
    REQUIRE(two != nullptr);
    CHECK(two->ids == std::map<std::string, std::string>{
                          {"asin", "B0Y"}, {"gtin", "00012345678905"}, {"vendor_item", "V-2"}});
    CHECK(two->case_pack == 0);
    CHECK_FALSE(two->cost.has_value());
    CHECK(two->discontinued);

    const exchange::CatalogItem* three = catalog.find("SKU-3");
    REQUIRE(three != nullptr);
    CHECK(three->ids == std::map<std::string, std::string>{{"isbn", "9780306406157"}});
    CHECK(three->case_pack == 12);
    REQUIRE(three->cost.has_value());
    CHECK(three->cost->units() == 0);
    CHECK_FALSE(three->discontinued);

    CHECK(catalog.find("SKU-4") == nullptr);
  }

  TEST_CASE("needs only the sku column") {
    exchange::Catalog catalog = catalog_of("SKU\nA\nB\n");
    CHECK(catalog.size() == 2);
    REQUIRE(catalog.find("B") != nullptr);
    CHECK(catalog.find("B")->ids.empty());
    CHECK(catalog.find("B")->case_pack == 0);
    CHECK_FALSE(catalog.find("B")->discontinued);
  }

  TEST_CASE("reads discontinued as yes/no, 1/0, true/false or y/n") {
    struct Case {
      const char* cell;
      bool discontinued;
    };
    const Case cases[] = {{"", false},   {"0", false}, {"false", false}, {"no", false},
                          {"n", false},  {"N", false}, {"1", true},      {"true", true},
                          {"yes", true}, {"y", true},  {"Y", true}};
    for (const Case& c : cases) {
      SUBCASE(c.cell) {
        exchange::Catalog catalog = catalog_of(std::string("sku,discontinued\nA,") + c.cell + "\n");
        REQUIRE(catalog.find("A") != nullptr);
        CHECK(catalog.find("A")->discontinued == c.discontinued);
      }
    }
  }

  TEST_CASE("refuses an empty sku and a sku listed twice") {
    CHECK(refusal_of(std::string(kHeader) + ",B0X,,,,,,,,\n") ==
          Lines{"catalog.csv: row 2, column sku: is empty"});
    CHECK(refusal_of("sku,asin\nA,B0X\nB,B0Y\n  ,B0Z\n") ==
          Lines{"catalog.csv: row 4, column sku: is empty"});
    CHECK(refusal_of("sku,asin\nA,B0X\nB,B0Y\nA,B0Z\n") ==
          Lines{"catalog.csv: row 4, column sku: \"A\" appears twice"});
  }

  TEST_CASE("refuses a case pack that is not a whole number above 0") {
    const char* const cases[] = {"0", "x", "-6", "2.5"};
    for (const char* pack : cases) {
      SUBCASE(pack) {
        CHECK(refusal_of(std::string("sku,case_pack\nA,") + pack + "\n") ==
              Lines{"catalog.csv: row 2, column case_pack: \"" + std::string(pack) +
                    "\" is not a whole number above 0"});
      }
    }
  }

  TEST_CASE("refuses a cost that is not a price") {
    CHECK(refusal_of("sku,cost\nA,abc\n") ==
          Lines{"catalog.csv: row 2, column cost: \"abc\" is not a price"});
    CHECK(refusal_of("sku,cost\nA,-1.50\n") ==
          Lines{"catalog.csv: row 2, column cost: \"-1.50\" is not a price"});
    CHECK(refusal_of("sku,cost\nA,1.23456\n") ==
          Lines{"catalog.csv: row 2, column cost: \"1.23456\" is not a price"});
  }

  TEST_CASE("refuses a discontinued flag that is not yes or no") {
    CHECK(refusal_of("sku,discontinued\nA,maybe\n") ==
          Lines{"catalog.csv: row 2, column discontinued: \"maybe\" is not yes/no (1/0, "
                "true/false, y/n)"});
  }

  TEST_CASE("names every problem of every row") {
    CHECK(refusal_of(std::string(kHeader) + "A,,,,,,,0,abc,maybe\n"
                                            "A,,,,,,,6,1,\n") ==
          Lines{"catalog.csv: row 2, column case_pack: \"0\" is not a whole number above 0",
                "catalog.csv: row 2, column cost: \"abc\" is not a price",
                "catalog.csv: row 2, column discontinued: \"maybe\" is not yes/no (1/0, "
                "true/false, y/n)",
                "catalog.csv: row 3, column sku: \"A\" appears twice"});
  }

  TEST_CASE("refuses an empty file") {
    CHECK(refusal_of("") == Lines{"catalog.csv: row 1: the file is empty (no header row)"});
  }
}

TEST_SUITE("exchange::Catalog::resolve") {
  TEST_CASE("resolves one id that matches one SKU") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    exchange::Resolution resolution = catalog.resolve({{"BP", "B0X"}});
    CHECK(resolution.item == catalog.find("SKU-1"));
    CHECK(resolution.reason == "");
  }

  TEST_CASE("resolves several ids that all match the same SKU") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    exchange::Resolution resolution =
        catalog.resolve({{"BP", "B0X"}, {"UP", "UPC1"}, {"VN", "VN1"}});
    CHECK(sku_of(resolution) == "SKU-1");
    CHECK(resolution.reason == "");
  }

  TEST_CASE("refuses an id that matches two SKUs, naming both") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    exchange::Resolution resolution = catalog.resolve({{"BP", "B0Y"}});
    CHECK(resolution.item == nullptr);
    CHECK(resolution.reason == "BP B0Y matches SKUs SKU-2 and SKU-3 in the catalog");
    CHECK(catalog.resolve({{"UP", "UPC2"}, {"BP", "B0Y"}}).reason ==
          "BP B0Y matches SKUs SKU-2 and SKU-3 in the catalog");
  }

  TEST_CASE("refuses ids that point to different SKUs") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    exchange::Resolution resolution = catalog.resolve({{"BP", "B0X"}, {"UP", "UPC2"}});
    CHECK(resolution.item == nullptr);
    CHECK(resolution.reason == "the line's ids point to different SKUs (SKU-1 and SKU-2)");
  }

  TEST_CASE("refuses ids no SKU has, listing the ids tried") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    exchange::Resolution resolution = catalog.resolve({{"BP", "B0Z"}, {"UP", "123"}});
    CHECK(resolution.item == nullptr);
    CHECK(resolution.reason == "no catalog SKU has BP B0Z, UP 123");
    CHECK(catalog.resolve({}).reason == "no catalog SKU has any of its ids");
  }

  TEST_CASE("looks each qualifier up in its own column") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    struct Case {
      const char* qualifier;
      const char* value;
    };
    const Case cases[] = {{"BP", "B0X"},   {"EN", "EAN1"},  {"UP", "UPC1"}, {"UK", "GTIN1"},
                          {"UA", "GTIN1"}, {"IB", "ISBN1"}, {"VN", "VN1"}};
    for (const Case& c : cases) {
      SUBCASE(c.qualifier) {
        exchange::Resolution resolution = catalog.resolve({{c.qualifier, c.value}});
        CHECK(sku_of(resolution) == "SKU-1");
        CHECK(resolution.reason == "");
      }
    }
    SUBCASE("a value in another column does not match") {
      exchange::Resolution resolution = catalog.resolve({{"EN", "UPC1"}});
      CHECK(resolution.item == nullptr);
      CHECK(resolution.reason == "no catalog SKU has EN UPC1");
    }
  }

  TEST_CASE("ignores qualifiers the catalog has no column for") {
    exchange::Catalog catalog = catalog_of(kResolveCatalog);
    CHECK(sku_of(catalog.resolve({{"ZZ", "B0Y"}, {"BP", "B0X"}})) == "SKU-1");
    CHECK(catalog.resolve({{"ZZ", "B0X"}}).reason == "no catalog SKU has any of its ids");
    CHECK(catalog.resolve({{"ZZ", "B0X"}, {"BP", "NOPE"}}).reason == "no catalog SKU has BP NOPE");
  }

  TEST_CASE("maps Amazon qualifiers to catalog columns") {
    struct Case {
      const char* qualifier;
      const char* column;
    };
    const Case cases[] = {{"BP", "asin"},        {"EN", "ean"},  {"UP", "upc"},
                          {"UK", "gtin"},        {"UA", "gtin"}, {"IB", "isbn"},
                          {"VN", "vendor_item"}, {"ZZ", ""},     {"", ""}};
    for (const Case& c : cases) {
      CAPTURE(c.qualifier);
      CHECK(exchange::catalog_column_for(c.qualifier) == c.column);
    }
  }
}
