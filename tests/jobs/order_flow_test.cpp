// Order intake end to end with the real jobs: 850 in (avedi-receive), stock (avedi-stock),
// 855s and the order release (avedi-acknowledge).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <csignal>

#include "golden_support.h"
#include "job_fixture.h"
#include "transactions/amazon_mapping.h"
#include "util/file.h"
#include "x12/reader.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;
using testing_jobs::query_text;

namespace {

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

// An Amazon 850 for `po` with one EA line of B0EXAMPLE1 (catalog WID-100).
std::string one_line_850(int control, const std::string& po, int quantity,
                         const std::string& backorder = "Y") {
  std::string q = std::to_string(quantity);
  std::string body = "BEG*00*NE*" + po + "**20261120~\nREF*CR*VEND01~\nCSH*" + backorder +
                     "~\nDTM*064*20261201~\nDTM*063*20261208~\nN1*ST**92*ABE8~\nPO1*1*" + q +
                     "*EA*12.5*PE*BP*B0EXAMPLE1~\nCTT*1*" + q + "~\n";
  std::string c = std::to_string(control);
  std::string isa13 = std::string(9 - c.size(), '0') + c;
  return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*U*"
         "00401*" +
         isa13 + "*0*T*>~\nGS*PO*AMAZON*VENDORID*20261120*0830*" + c +
         "*X*004010~\nST*850*0001~\n" + body + "SE*10*0001~\nGE*1*" + c + "~\nIEA*1*" + isa13 +
         "~\n";
}

const char* kInventory = "sku,available\nWID-100,6\nWID-200,30\n";

// The outbox 855s, the release CSV and the line decisions, as text.
std::string describe_orders(const JobTree& tree) {
  std::string out;
  for (const auto& [name, content] : tree.files_under(tree.outbox())) {
    if (name.find("_855_") == std::string::npos) continue;
    out += "== " + name + "\n" + content;
  }
  for (const auto& [name, content] : tree.files_under(tree.tpl_outbox())) {
    out += "== " + name + "\n" + content;
  }
  out += "== po_lines\n" +
         query_text(tree,
                    "SELECT po_number, position, sku, quantity, uom, accepted, backordered, "
                    "rejected, coalesce(ship_date, ''), coalesce(backorder_date, ''), "
                    "coalesce(resolution, '') FROM v_order_lines");
  out += "== orders\n" + query_text(tree, "SELECT po_number, state FROM v_orders");
  return out;
}

}  // namespace

TEST_SUITE("order intake") {
  TEST_CASE("golden: sample 850s + catalog + inventory give byte-identical 855s and release") {
    JobTree tree;
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    for (const char* name : {"amazon-850-two-orders.edi", "amazon-850-bad-order-date.edi"}) {
      tree.drop(name, repo_file(std::string("sample-inbox/as2/") + name));
    }
    tree.drop_3pl("inventory_20261126.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    CHECK(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    testing_jobs::RunResult acknowledge = tree.run("avedi-acknowledge", {}, kFixedNow);
    CHECK(acknowledge.exit_code == 0);
    CHECK(golden::compare_or_update(AVEDI_GOLDEN_DIR "/orders/sample-flow.expected",
                                    describe_orders(tree)) == "");
    // Every 855 avedi wrote reads back through the X12 engine without a single problem: the
    // run's two POs are the two sets of one interchange.
    int acknowledgments = 0;
    for (const auto& [file_name, content] : tree.files_under(tree.outbox())) {
      const std::string& name = file_name;  // clang 14 cannot capture a structured binding
      x12::Issues issues;
      x12::Document read = x12::read_document(content, name, issues);
      CAPTURE(name);
      CHECK(issues.empty());
      if (name.find("_855_") == std::string::npos) continue;
      ++acknowledgments;
      REQUIRE(read.interchanges.size() == 1);
      REQUIRE(read.interchanges[0].groups.size() == 1);
      CHECK(read.interchanges[0].groups[0].sets.size() == 2);
    }
    CHECK(acknowledgments == 1);
  }

  TEST_CASE(
      "a PO with an unknown vendor code is rejected in the 997, the file's other PO is stored") {
    JobTree tree;
    std::string good = one_line_850(451, "POGOOD01", 2);
    std::string other = one_line_850(452, "POOTHER2", 2);
    std::size_t st = other.find("ST*850");
    std::string second_set = other.substr(st, other.find("GE*") - st);
    second_set.replace(second_set.find("0001"), 4, "0002");
    second_set.replace(second_set.rfind("0001"), 4, "0002");
    second_set.replace(second_set.find("REF*CR*VEND01"), 13, "REF*CR*NOTOURS");
    good.insert(good.find("GE*1"), second_set);
    good.replace(good.find("GE*1"), 4, "GE*2");
    tree.drop("mixed", good);
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    CHECK(query_text(tree, "SELECT po_number FROM v_orders") == "POGOOD01\n");
    std::string answer = tree.files_under(tree.outbox()).begin()->second;
    CHECK(answer.find("AK2*850*0001~\nAK5*A~\nAK2*850*0002~\nAK3*REF*3**8~\n"
                      "AK4*2*127*7*NOTOURS~\nAK5*R*5~\nAK9*P*2*2*1~\n") != std::string::npos);
  }

  TEST_CASE("a PO accepted in full is acknowledged with BAK AD") {
    JobTree tree;
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("po", one_line_850(481, "POFULL01", 5));
    tree.drop_3pl("inventory.csv", kInventory);
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    std::string answer;
    for (const auto& [name, content] : tree.files_under(tree.outbox())) {
      if (name.find("_855_") != std::string::npos) answer = content;
    }
    CHECK(answer.find("BAK*00*AD*POFULL01*20261120~\nPO1*1*5*EA*12.5*PE*BP*B0EXAMPLE1~\n"
                      "ACK*IA*5*EA*068*20261128~\nCTT*1*5~\n") != std::string::npos);
  }

  TEST_CASE("two POs compete for the same stock: the oldest wins") {
    JobTree tree;
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("older", one_line_850(501, "POOLD001", 5));
    tree.drop("newer", one_line_850(502, "PONEW002", 5));
    tree.drop_3pl("inventory.csv", kInventory);
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    CHECK(query_text(tree, "SELECT po_number, accepted, backordered FROM v_order_lines") ==
          "POOLD001|5|0\nPONEW002|1|4\n");
    // A later run allocates from what is left: nothing.
    tree.drop("latest", one_line_850(503, "POLAST03", 2, "N"));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    CHECK(query_text(tree,
                     "SELECT accepted, rejected, resolution FROM v_order_lines WHERE "
                     "po_number = 'POLAST03'") ==
          "0|2|0 units of WID-100 free; the PO allows no backorder\n");
    CHECK(query_text(tree, "SELECT state FROM v_orders WHERE po_number = 'POLAST03'") ==
          "rejected\n");
  }

  TEST_CASE("a known PO number is never a second order") {
    JobTree tree;
    tree.drop("first", one_line_850(601, "PODUP001", 5));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);

    SUBCASE("same content under a new ISA13: a recorded duplicate") {
      tree.drop("again", one_line_850(602, "PODUP001", 5));
      CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
      CHECK(count(tree, "SELECT count(*) FROM purchase_orders") == 1);
      CHECK(count(tree, "SELECT count(*) FROM transaction_sets WHERE state = 'po_duplicate'") == 1);
      CHECK(fs::exists(tree.archive() / "2026/11/26/again"));
    }
    SUBCASE("other content: error/ with what changed") {
      tree.drop("changed", one_line_850(603, "PODUP001", 7));
      CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
      CHECK(count(tree, "SELECT count(*) FROM purchase_orders") == 1);
      std::string reason = util::read_file((tree.error() / "changed.reason.txt").string());
      CHECK(reason.find("PO PODUP001 was already received (file #1) with other content; it is "
                        "not a second order. What changed (- before, + now):\n"
                        "- line 1: 5 EA at 12.5 PE BP=B0EXAMPLE1\n"
                        "+ line 1: 7 EA at 12.5 PE BP=B0EXAMPLE1\n") != std::string::npos);
      // Syntactically the file was fine: Amazon gets an accepting 997.
      CHECK(count(tree, "SELECT count(*) FROM documents WHERE type = '997'") == 2);
    }
  }

  TEST_CASE("a resent PO is compared field by field with what was stored (schema 9)") {
    // Since schema version 9 the text compared is rebuilt from the stored PO: each field of
    // it must survive the store, ids with the stored text's separators and a line without a
    // price basis included, or a resent PO would be taken for a changed one (or the reverse).
    auto po = [](int control, const std::string& purpose, const std::string& fob) {
      std::string c = std::to_string(control);
      std::string isa13 = std::string(9 - c.size(), '0') + c;
      std::string body = "BEG*" + purpose + "*SA*PORESEND1**20261120~\nREF*CR*VEND01~\n" +
                         (fob.empty() ? "" : "FOB*" + fob + "~\n") +
                         "CSH*Y~\nDTM*064*20261201~\nDTM*063*20261208~\nN1*ST**92*ABE8~\n"
                         "PO1*1*5*EA*12.50*PE*BP*B0EXAMPLE1*VN*A;B=C\\D~\n"
                         "PO1*2*3*CA*7.00**UP*012345678905~\nCTT*2*8~\n";
      int segments = fob.empty() ? 11 : 12;
      return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261120*0830*"
             "U*00401*" +
             isa13 + "*0*T*>~\nGS*PO*AMAZON*VENDORID*20261120*0830*" + c +
             "*X*004010~\nST*850*0001~\n" + body + "SE*" + std::to_string(segments) +
             "*0001~\nGE*1*" + c + "~\nIEA*1*" + isa13 + "~\n";
    };
    JobTree tree;
    tree.drop("first", po(701, "00", "PP"));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(count(tree, "SELECT count(*) FROM purchase_orders WHERE canonical = ''") == 1);

    SUBCASE("the same PO under a new ISA13 is a duplicate") {
      tree.drop("again", po(702, "00", "PP"));
      CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
      CHECK(count(tree, "SELECT count(*) FROM transaction_sets WHERE state = 'po_duplicate'") == 1);
    }
    SUBCASE("another purpose or FOB is a change, shown as such") {
      tree.drop("purpose", po(703, "05", "PP"));
      tree.drop("fob", po(704, "00", ""));
      CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
      CHECK(util::read_file((tree.error() / "purpose.reason.txt").string())
                .find("- purpose: 00\n+ purpose: 05\n") != std::string::npos);
      CHECK(util::read_file((tree.error() / "fob.reason.txt").string())
                .find("- fob: PP\n+ fob: \n") != std::string::npos);
    }
  }

  TEST_CASE("a bad inventory file is refused whole, a stale one too") {
    JobTree tree;
    tree.drop_3pl("inventory_1.csv",
                  "sku,available,as_of\nWID-100,6,2026-11-26\nWID-200,30,2026-11-26\n");
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    tree.drop_3pl("inventory_2.csv",
                  "sku,available\nWID-100,4\nWID-200,ten\nWID-S,-1\nWID-100,2\n");
    tree.drop_3pl("inventory_3.csv", "sku,available,as_of\nWID-100,1,2026-11-25\n");
    tree.drop_3pl("not-inventory.csv", "sku,available\nX,1\n");
    CHECK(tree.run("avedi-stock", {}, kFixedNow).exit_code == 65);
    CHECK(util::read_file((tree.error() / "inventory_2.csv.reason.txt").string())
              .find("inventory_2.csv: row 3, column available: \"ten\" is not a whole number\n"
                    "inventory_2.csv: row 4, column available: \"-1\" is negative\n"
                    "inventory_2.csv: row 5, column sku: \"WID-100\" is listed again (first on "
                    "row 2)\n"
                    "nothing was loaded: a file with a bad row is refused whole") !=
          std::string::npos);
    CHECK(util::read_file((tree.error() / "inventory_3.csv.reason.txt").string())
              .find("stale: as of 2026-11-25T00:00:00Z, older than the current stock snapshot #1 "
                    "(as of 2026-11-26T00:00:00Z)") != std::string::npos);
    CHECK(count(tree, "SELECT count(*) FROM stock_snapshots") == 1);
    CHECK(query_text(tree, "SELECT sku, available FROM v_stock") == "WID-100|6\nWID-200|30\n");
    CHECK(fs::exists(tree.tpl_inbox() / "not-inventory.csv"));  // not avedi-stock's file
  }

  TEST_CASE("without a stock snapshot POs wait, a bad catalog stops the job (78)") {
    JobTree tree;
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("po", one_line_850(701, "POWAIT01", 3));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    testing_jobs::RunResult waiting = tree.run("avedi-acknowledge", {}, kFixedNow);
    CHECK(waiting.exit_code == 0);
    CHECK(waiting.output.find("no stock snapshot yet (run avedi-stock): 1 PO(s) wait") !=
          std::string::npos);
    CHECK(query_text(tree, "SELECT state FROM v_orders") == "received\n");
    tree.write_config_file("catalog.csv", "sku,case_pack\nWID-100,zero\n");
    testing_jobs::RunResult bad = tree.run("avedi-acknowledge", {}, kFixedNow);
    CHECK(bad.exit_code == 78);
    CHECK(bad.output.find("catalog.csv: row 2, column case_pack: \"zero\" is not a whole number "
                          "above 0") != std::string::npos);
    // The failed run is closed with its exit code, not left looking like a run still going.
    CHECK(query_text(tree,
                     "SELECT exit_code, ended_at IS NOT NULL FROM runs "
                     "WHERE job = 'avedi-acknowledge' ORDER BY id DESC LIMIT 1") == "78|1\n");
  }

  TEST_CASE("the 855 deadline is logged when near and when past") {
    JobTree tree;
    tree.drop("po", one_line_850(801, "POLATE01", 3));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    testing_jobs::RunResult near =
        tree.run("avedi-acknowledge", {}, {{"AVEDI_NOW", "2026-11-27T06:00:00Z"}});
    CHECK(near.output.find("PO POLATE01 must be acknowledged by 2026-11-27T08:30:00Z (2 h 30 min "
                           "left)") != std::string::npos);
    testing_jobs::RunResult past =
        tree.run("avedi-acknowledge", {}, {{"AVEDI_NOW", "2026-11-27T09:00:00Z"}});
    CHECK(past.output.find("PO POLATE01 is PAST its 855 deadline (2026-11-27T08:30:00Z, 0 h 30 "
                           "min ago)") != std::string::npos);
  }

  TEST_CASE("a run's 855s go out up to amazon::kSetsPerInterchange sets an interchange") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    const int orders = amazon::kSetsPerInterchange + 1;
    tree.drop("po", testing_jobs::amazon_850(2001, orders));
    tree.drop_3pl("inventory.csv", "sku,available\nWID-100,100000\n");
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    CHECK(query_text(tree,
                     "SELECT d.file_name, count(*), min(s.set_control), max(s.set_control) FROM "
                     "documents d JOIN document_sets s ON s.document_id = d.id GROUP BY d.id "
                     "ORDER BY d.id") ==
          fmt::format(
              "avedi_855_000000002.edi|{0}|0001|{0:04}\navedi_855_000000003.edi|1|0001|0001\n",
              amazon::kSetsPerInterchange));
    // Each set's bytes are where its row says, and answer its own PO.
    CHECK(query_text(tree,
                     "SELECT count(*) FROM document_sets s JOIN document_contents d ON "
                     "d.document_id = s.document_id JOIN purchase_orders o ON s.business_key = "
                     "'855:po:' || o.id "
                     "WHERE CAST(substr(d.content, s.content_offset + 1, s.content_length) AS "
                     "TEXT) LIKE 'ST*855*' || s.set_control || '~%BAK*00*AD*' || o.po_number || "
                     "'*%SE*%*' || s.set_control || '~\n'") == std::to_string(orders) + "\n");
    // A second run sends nothing again.
    REQUIRE(tree.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    CHECK(count(tree, "SELECT count(*) FROM documents WHERE type = '855'") == 2);
    CHECK(count(tree, "SELECT count(*) FROM document_sets") == orders);
  }

  TEST_CASE("SIGKILL during avedi-acknowledge: each PO gets exactly one 855, released once") {
    const char* points[] = {"after_staging_write", "before_commit", "after_commit",
                            "before_outbox_rename", "after_outbox_rename"};
    for (const char* point : points) {
      for (int occurrence = 1; occurrence <= 3; ++occurrence) {
        CAPTURE(point);
        CAPTURE(occurrence);
        JobTree tree;
        tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
        tree.drop("a", one_line_850(901, "POCRASH1", 2));
        tree.drop("b", one_line_850(902, "POCRASH2", 3));
        tree.drop_3pl("inventory.csv", kInventory);
        REQUIRE(tree.run("avedi-receive").exit_code == 0);
        REQUIRE(tree.run("avedi-stock").exit_code == 0);
        std::string crash = std::string(point) + ":" + std::to_string(occurrence);
        tree.run("avedi-acknowledge", {}, {{"AVEDI_CRASH_AT", crash}});
        CHECK(tree.run("avedi-acknowledge").exit_code == 0);
        // One interchange with a set per PO, whichever run built it.
        CHECK(count(tree, "SELECT count(*) FROM documents WHERE type = '855'") == 1);
        CHECK(query_text(tree,
                         "SELECT business_key, set_control FROM document_sets ORDER BY "
                         "id") == "855:po:1|0001\n855:po:2|0002\n");
        CHECK(count(tree, "SELECT count(*) FROM documents WHERE state != 'delivered'") == 0);
        int in_outbox = 0;
        for (const auto& [name, content] : tree.files_under(tree.outbox())) {
          if (name.find("_855_") == std::string::npos) continue;
          ++in_outbox;
          CHECK(content.find("BAK*00*AD*POCRASH1*") < content.find("BAK*00*AD*POCRASH2*"));
          CHECK(content.find("ST*855*0002~") != std::string::npos);
        }
        CHECK(in_outbox == 1);
        std::string released;
        for (const auto& [name, content] : tree.files_under(tree.tpl_outbox())) released += content;
        CHECK(released.find("POCRASH1,1,WID-100,2") != std::string::npos);
        CHECK(released.find("POCRASH2,1,WID-100,3") != std::string::npos);
        CHECK(released.find("POCRASH1") == released.rfind("POCRASH1"));
        CHECK(query_text(tree, "SELECT DISTINCT state FROM v_orders") == "released\n");
      }
    }
  }
}
