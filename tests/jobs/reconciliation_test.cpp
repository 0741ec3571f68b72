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

  TEST_CASE("a 997 rejecting one set of a batch's 855 marks only that PO's set") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    tree.drop("po", testing_jobs::amazon_850(2001, 3));
    tree.drop_3pl("inventory.csv", "sku,available\nWID-100,50\n");
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    REQUIRE(query_text(tree, "SELECT group_control FROM documents WHERE type = '855'") == "2\n");
    tree.drop("ack", amazon_997(7005, "PR", "2",
                                "AK2*855*0001~\nAK5*A~\nAK2*855*0002~\nAK3*BAK*2**8~\nAK5*R*5~\n"
                                "AK2*855*0003~\nAK5*A~\nAK9*P*3*3*2~\n"));
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 0);
    CHECK(query_text(tree, "SELECT ack_status FROM documents WHERE type = '855'") == "partial\n");
    CHECK(query_text(tree,
                     "SELECT o.po_number, s.set_control, s.ack_status, coalesce(s.ack_codes, '') "
                     "FROM document_sets s JOIN purchase_orders o ON s.business_key = "
                     "'855:po:' || o.id ORDER BY s.id") ==
          "PO2001X1|0001|accepted|\nPO2001X2|0002|rejected|AK5 R 5 (AK3 BAK 2 8)\n"
          "PO2001X3|0003|accepted|\n");
    CHECK(run.output.find("Amazon's 997: 855 avedi_855_000000002.edi set 0002 (855:po:2) "
                          "rejected (AK5 R 5 (AK3 BAK 2 8))") != std::string::npos);
    CHECK(run.output.find("set 0001") == std::string::npos);
    // The PO's own view: its set, Amazon's word on it, and the transition that recorded it.
    testing_jobs::RunResult rejected = tree.run_avedi({"order", "PO2001X2"}, kFixedNow);
    CHECK(rejected.output.find("0002") != std::string::npos);
    CHECK(rejected.output.find("rejected") != std::string::npos);
    CHECK(rejected.output.find("set 0002 (855:po:2): AK5 R 5") != std::string::npos);
    testing_jobs::RunResult accepted = tree.run_avedi({"order", "PO2001X3"}, kFixedNow);
    CHECK(accepted.output.find("0003") != std::string::npos);
    CHECK(accepted.output.find("accepted") != std::string::npos);
    CHECK(accepted.output.find("set 0002") == std::string::npos);
  }

  TEST_CASE("a group-level 997 accepts every set of a batch's 855") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    tree.drop("po", testing_jobs::amazon_850(2001, 2));
    tree.drop_3pl("inventory.csv", "sku,available\nWID-100,50\n");
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    tree.drop("ack", amazon_997(7006, "PR", "2", "AK9*A*2*2*2~\n"));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(query_text(tree, "SELECT set_control, ack_status FROM document_sets ORDER BY id") ==
          "0001|accepted\n0002|accepted\n");
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
    tree.drop_3pl("inventory.csv", "sku,available\nWID-100,5000\n");
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    // One PO per run: each run's 855s share an interchange, so 23 runs send 23 groups.
    for (int po = 0; po < 23; ++po) {
      tree.drop("po" + std::to_string(po), testing_jobs::amazon_850(2001 + po));
      REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
      REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    }
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
