// Amazon's 997s reconcile the groups we sent; a missing one becomes overdue.
#include <doctest/doctest.h>

#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;
using testing_jobs::query_text;

namespace {

// Amazon's 997 for our group `functional_id` `group` (ISA13 `control`), with `body` segments.
std::string amazon_997(int control, const std::string& functional_id, const std::string& group,
                       const std::string& body) {
  std::string c = std::to_string(control);
  std::string isa13 = std::string(9 - c.size(), '0') + c;
  int segments = 2;
  for (char ch : body) segments += ch == '~';
  return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*0100*U*"
         "00401*" +
         isa13 + "*0*T*>~\nGS*FA*AMAZON*VENDORID*20261127*0100*" + c +
         "*X*004010~\nST*997*0001~\nAK1*" + functional_id + "*" + group + "~\n" + body + "SE*" +
         std::to_string(segments + 1) + "*0001~\nGE*1*" + c + "~\nIEA*1*" + isa13 + "~\n";
}

// Receives one PO and acknowledges it: the 855 goes out in group GS06 3.
void acknowledge_one_po(JobTree& tree) {
  tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
  tree.drop("po", testing_jobs::amazon_850(2001));
  tree.drop_3pl("inventory.csv", "sku,available\nWID-100,50\n");
  REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
  REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
  REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
  REQUIRE(query_text(tree, "SELECT group_control FROM documents WHERE type = '855'") == "2\n");
}

}  // namespace

TEST_SUITE("997 reconciliation") {
  TEST_CASE("Amazon's group-level 997 marks our 855 accepted, and is never answered") {
    JobTree tree;
    acknowledge_one_po(tree);
    tree.drop("ack", amazon_997(7001, "PR", "2", "AK9*A*1*1*1~\n"));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(query_text(tree, "SELECT type, coalesce(ack_status, '-') FROM documents ORDER BY id") ==
          "997|-\n855|accepted\nrelease|-\n");
    CHECK(query_text(tree, "SELECT state FROM transaction_sets WHERE set_id = '997'") ==
          "ack_matched\n");
  }

  TEST_CASE("a rejecting 997 is recorded with Amazon's codes and logged") {
    JobTree tree;
    acknowledge_one_po(tree);
    tree.drop("ack", amazon_997(7002, "PR", "2",
                                "AK2*855*0001~\nAK3*BAK*2**8~\nAK4*4*373*8*2026~\nAK5*R*5~\n"
                                "AK9*R*1*1*0~\n"));
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 0);
    CHECK(query_text(tree, "SELECT ack_status, ack_codes FROM documents WHERE type = '855'") ==
          "rejected|AK9 R; AK2 855 0001: AK5 R 5 (AK3 BAK 2 8)\n");
    CHECK(run.output.find("Amazon's 997: 855 avedi_855_000000002.edi rejected") !=
          std::string::npos);
  }

  TEST_CASE("a 997 whose AK9 accepts while the AK5 rejects our set is recorded as rejected") {
    JobTree tree;
    acknowledge_one_po(tree);
    tree.drop("ack", amazon_997(7004, "PR", "2", "AK2*855*0001~\nAK5*R*5~\nAK9*A*1*1*1~\n"));
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 0);
    CHECK(query_text(tree, "SELECT ack_status, ack_codes FROM documents WHERE type = '855'") ==
          "rejected|AK9 A; AK2 855 0001: AK5 R 5\n");
    CHECK(run.output.find("Amazon's 997: 855 avedi_855_000000002.edi rejected") !=
          std::string::npos);
  }

  TEST_CASE("a 997 for nothing we sent is kept and visible") {
    JobTree tree;
    tree.drop("ack", amazon_997(7003, "SH", "999", "AK9*A*1*1*1~\n"));
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 0);
    CHECK(run.output.find("997 for group SH 999 matches nothing avedi sent") != std::string::npos);
    CHECK(query_text(tree, "SELECT state FROM transaction_sets") == "ack_unmatched\n");
  }

  TEST_CASE("a group without its 997 past the limit is reported by every run") {
    JobTree tree;
    acknowledge_one_po(tree);
    testing_jobs::RunResult early =
        tree.run("avedi-receive", {}, {{"AVEDI_NOW", "2026-11-27T08:00:00Z"}});
    CHECK(early.output.find("no 997 from Amazon") == std::string::npos);
    testing_jobs::RunResult late =
        tree.run("avedi-receive", {}, {{"AVEDI_NOW", "2026-11-27T09:00:00Z"}});
    CHECK(late.output.find("no 997 from Amazon for 855 avedi_855_000000002.edi (sent "
                           "2026-11-26T08:30:00Z, limit 24 h)") != std::string::npos);
    CHECK(late.output.find("1 awaiting an overdue 997") != std::string::npos);
  }

  TEST_CASE("a backlog of overdue groups is named up to 20 per type and counted beyond") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    tree.drop("po", testing_jobs::amazon_850(2001, 23));
    tree.drop_3pl("inventory.csv", "sku,available\nWID-100,5000\n");
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    REQUIRE(count(tree, "SELECT count(*) FROM documents WHERE type = '855'") == 23);
    testing_jobs::RunResult late =
        tree.run("avedi-receive", {}, {{"AVEDI_NOW", "2026-11-27T09:00:00Z"}});
    std::size_t named = 0;
    for (std::size_t at = late.output.find("no 997 from Amazon for 855 avedi_855_");
         at != std::string::npos;
         at = late.output.find("no 997 from Amazon for 855 avedi_855_", at + 1)) {
      ++named;
    }
    CHECK(named == 20);
    CHECK(late.output.find("no 997 from Amazon for 3 more 855 document(s) past 24 h") !=
          std::string::npos);
    CHECK(late.output.find("23 awaiting an overdue 997") != std::string::npos);
  }
}
