// Amazon's 997 as avedi records it: the group's verdict from AK9, unless an AK5 says worse.
#include "transactions/functional_ack_997.h"

#include <doctest/doctest.h>

namespace {

transactions::FunctionalAck ack(const std::string& ak9, std::vector<std::string> ak5s) {
  transactions::FunctionalAck result;
  result.functional_id = "PR";
  result.group_control = "7";
  result.status = ak9;
  int control = 1;
  for (std::string& ak5 : ak5s) {
    result.sets.push_back({"855", std::to_string(control++), std::move(ak5), {}});
  }
  return result;
}

}  // namespace

TEST_SUITE("transactions::FunctionalAck") {
  TEST_CASE("takes AK9's verdict when the sets agree or are not listed") {
    CHECK(ack("A", {}).status_text() == "accepted");
    CHECK(ack("A", {"A"}).status_text() == "accepted");
    CHECK(ack("E", {"E"}).status_text() == "accepted_with_errors");
    CHECK(ack("P", {"A", "R"}).status_text() == "partial");
    CHECK(ack("R", {}).status_text() == "rejected");
    CHECK(ack("R", {"R"}).status_text() == "rejected");
  }

  TEST_CASE("believes an AK5 that says worse than AK9") {
    // Our documents are one set per group: AK9 A with that set's AK5 R is a rejection.
    CHECK(ack("A", {"R"}).status_text() == "rejected");
    CHECK(ack("E", {"M"}).status_text() == "rejected");
    CHECK(ack("A", {"A", "W"}).status_text() == "partial");
    CHECK(ack("A", {"E"}).status_text() == "accepted_with_errors");
    CHECK(ack("A", {"A", "X"}).verdict() == "P");
  }
}
