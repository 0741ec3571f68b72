// SSCC-18 construction and validation against GS1's own examples.
#include "model/sscc.h"

#include <doctest/doctest.h>

TEST_SUITE("model::sscc") {
  TEST_CASE("check digits of GS1's examples") {
    CHECK(model::gs1_check_digit("09528765432101234") == 6);
    CHECK(model::check_sscc("(00)095287654321012346") == "");
    CHECK(model::check_sscc("095287654321012346") == "");
    CHECK(model::check_sscc("00095287654321012346") == "");
  }

  TEST_CASE("an SSCC from company prefix and serial") {
    CHECK(model::make_sscc(0, "800200800", 1234) == "080020080000012346");
    CHECK(model::make_sscc(0, "9528765", 432101234) == "095287654321012346");
    CHECK(model::make_sscc(0, "1234567890", 999999) == "012345678909999997");
    CHECK(model::make_sscc(0, "1234567890", 1000000) == std::nullopt);  // serial too long
    CHECK(model::make_sscc(0, "123456", 1) == std::nullopt);            // prefix too short
  }

  TEST_CASE("invalid SSCCs say why") {
    CHECK(model::check_sscc("095287654321012345") ==
          "\"095287654321012345\" has check digit 5, GS1 mod 10 gives 6");
    CHECK(model::check_sscc("09528765432101234") ==
          "\"09528765432101234\" has 17 digits, an SSCC has 18");
    CHECK(model::check_sscc("0952876543210123X6") == "\"0952876543210123X6\" is not all digits");
  }
}
