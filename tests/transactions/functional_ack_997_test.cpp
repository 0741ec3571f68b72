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
    // A document of one set: AK9 A with that set's AK5 R is a rejection.
    CHECK(ack("A", {"R"}).status_text() == "rejected");
    CHECK(ack("E", {"M"}).status_text() == "rejected");
    CHECK(ack("A", {"A", "W"}).status_text() == "partial");
    CHECK(ack("A", {"E"}).status_text() == "accepted_with_errors");
    CHECK(ack("A", {"A", "X"}).verdict() == "P");
  }

  TEST_CASE("answers each set of a group: its AK5 when listed, else what AK9 says of all") {
    // ST02 of the sets ack() lists: 1, 2, ...
    transactions::FunctionalAck partial = ack("P", {"A", "R"});
    partial.sets[1].codes = {"5", "(AK3 BAK 2 8)"};
    CHECK(partial.answer_for("1").status == "accepted");
    CHECK(partial.answer_for("1").codes == "");
    CHECK(partial.answer_for("2").status == "rejected");
    CHECK(partial.answer_for("2").codes == "AK5 R 5 (AK3 BAK 2 8)");
    CHECK(partial.answer_for("3").status == "accepted");  // AK2s name the rejected ones
    // A group-level 997 (Amazon's usual: AK1 and AK9 only) says the same of every set.
    CHECK(ack("A", {}).answer_for("0042").status == "accepted");
    CHECK(ack("A", {}).answer_for("0042").codes == "");
    CHECK(ack("E", {}).answer_for("0001").status == "accepted_with_errors");
    transactions::FunctionalAck rejected = ack("R", {});
    rejected.group_codes = {"5"};
    CHECK(rejected.answer_for("0007").status == "rejected");
    CHECK(rejected.answer_for("0007").codes == "AK9 R 5");
    // AK9 P and no set listed: which sets were accepted is unknown.
    CHECK(ack("P", {}).answer_for("0001").status == "partial");
    // A rejected group rejects every set, whatever its AK5 says (the worse of the two).
    transactions::FunctionalAck group_rejected = ack("R", {"A", "R"});
    group_rejected.group_codes = {"5"};
    CHECK(group_rejected.answer_for("1").status == "rejected");
    CHECK(group_rejected.answer_for("1").codes == "AK9 R 5");
    CHECK(group_rejected.answer_for("2").codes == "AK5 R; AK9 R 5");
    CHECK(group_rejected.answer_for("3").status == "rejected");
    // An AK2 without its AK5 says nothing of the set: the group's word holds.
    transactions::FunctionalAck no_ak5 = ack("A", {""});
    CHECK(no_ak5.answer_for("1").status == "accepted");
    CHECK(no_ak5.answer_for("1").codes == "");
    CHECK(ack("P", {""}).answer_for("1").status == "partial");
    // AK9 A, yet the set's AK5 rejects it: the set is rejected, its neighbours accepted.
    transactions::FunctionalAck contradicting = ack("A", {"A", "R"});
    CHECK(contradicting.answer_for("2").status == "rejected");
    CHECK(contradicting.answer_for("2").codes == "AK5 R");
    CHECK(contradicting.answer_for("3").status == "accepted");
  }
}
