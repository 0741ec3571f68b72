// The operator's `avedi` command on a store built by the real jobs.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::JobTree;

namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};

// One PO received, stock loaded, acknowledged: the 855 goes out in group GS06 2.
void acknowledged_po(JobTree& tree) {
  tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
  tree.drop("po", testing_jobs::amazon_850(3001));
  tree.drop_3pl("inventory.csv", "sku,available\nWID-100,50\n");
  REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
  REQUIRE(tree.run("avedi-stock", {}, kDay1).exit_code == 0);
  REQUIRE(tree.run("avedi-acknowledge", {}, kDay1).exit_code == 0);
}

std::string accepting_997(const std::string& group) {
  return "ISA*00*          *00*          *ZZ*AMAZON         *ZZ*VENDORID       *261127*0100*U*"
         "00401*000009100*0*T*>~\nGS*FA*AMAZON*VENDORID*20261127*0100*9100*X*004010~\n"
         "ST*997*0001~\nAK1*PR*" +
         group +
         "~\nAK9*A*1*1*1~\nSE*4*0001~\nGE*1*9100~\n"
         "IEA*1*000009100~\n";
}

// Aligned tables pad with spaces: compare with every run of spaces folded to one.
std::string folded(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace

TEST_SUITE("avedi operator command") {
  TEST_CASE("the timeline of a PO lists exactly its transitions, in order") {
    JobTree tree;
    acknowledged_po(tree);
    testing_jobs::RunResult order = tree.run_avedi({"order", "PO3001X1"}, kDay1);
    CHECK(order.exit_code == 0);
    std::string text = folded(order.output);
    std::size_t received = text.find("avedi-receive purchase_order 1 received");
    std::size_t built = text.find("avedi-acknowledge document 2 built");
    std::size_t acknowledged = text.find("purchase_order 1 received acknowledged");
    std::size_t released = text.find("purchase_order 1 acknowledged released");
    CHECK(received != std::string::npos);
    CHECK(received < built);
    CHECK(built < acknowledged);
    CHECK(acknowledged < released);
    CHECK(text.find("avedi_855_000000002.edi 000000002 2 0001 delivered no 997 yet") !=
          std::string::npos);
    CHECK(tree.run_avedi({"order", "NOSUCHPO"}, kDay1).exit_code == 65);
    testing_jobs::RunResult json = tree.run_avedi({"order", "PO3001X1", "--json"}, kDay1);
    CHECK(json.output.rfind("{\"order\":[{\"po_number\":\"PO3001X1\",\"state\":\"released\"", 0) ==
          0);
  }

  TEST_CASE("status --check exits 1 with an overdue 997 and 0 once it arrives") {
    JobTree tree;
    acknowledged_po(tree);
    const std::map<std::string, std::string> next_day = {{"AVEDI_NOW", "2026-11-27T09:00:00Z"}};
    CHECK(tree.run_avedi({"status", "--check"}, kDay1).exit_code == 0);
    testing_jobs::RunResult late = tree.run_avedi({"status", "--check"}, next_day);
    CHECK(late.exit_code == 1);
    CHECK(late.output.find("groups sent without Amazon's 997 past their limit") !=
          std::string::npos);
    CHECK(folded(late.output).find("855 avedi_855_000000002.edi") != std::string::npos);
    tree.drop("ack", accepting_997("2"));
    REQUIRE(tree.run("avedi-receive", {}, next_day).exit_code == 0);
    testing_jobs::RunResult clear = tree.run_avedi({"status", "--check"}, next_day);
    CHECK(clear.exit_code == 0);
    CHECK(clear.output.find("all clear") != std::string::npos);
    testing_jobs::RunResult json = tree.run_avedi({"status", "--json"}, next_day);
    CHECK(json.output.rfind("{\"needs_attention\":false,\"orders\":[{\"state\":\"released\"", 0) ==
          0);
  }

  TEST_CASE("metrics speaks Prometheus text with the status figures") {
    JobTree tree;
    acknowledged_po(tree);
    tree.drop("bad", "garbage");
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    testing_jobs::RunResult metrics =
        tree.run_avedi({"metrics"}, {{"AVEDI_NOW", "2026-11-27T09:00:00Z"}});
    CHECK(metrics.exit_code == 0);
    for (const char* line :
         {"avedi_purchase_orders{state=\"released\"} 1\n", "avedi_files_in_error 1\n",
          "avedi_groups_without_997{type=\"855\"} 1\n",
          "avedi_seconds_since_last_success{job=\"avedi-receive\"} 88200\n",
          "# TYPE avedi_documents_rejected gauge\n"}) {
      CAPTURE(line);
      CHECK(metrics.output.find(line) != std::string::npos);
    }
  }

  TEST_CASE("doctor says all is well, or one line per problem with what to do") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);  // creates the database
    testing_jobs::RunResult well = tree.run_avedi({"doctor"}, kDay1);
    CHECK(well.exit_code == 0);
    CHECK(well.output.find("all well") != std::string::npos);
    fs::remove_all(tree.tpl_outbox());
    tree.write_config_file("catalog.csv", "sku,case_pack\nWID-100,x\n");
    testing_jobs::RunResult sick = tree.run_avedi({"doctor"}, kDay1);
    CHECK(sick.exit_code == 1);
    CHECK(sick.output.find("PROBLEM: tpl.outbox (" + tree.tpl_outbox().string() +
                           ") does not exist") != std::string::npos);
    CHECK(sick.output.find("column case_pack: \"x\" is not a whole number above 0") !=
          std::string::npos);
    CHECK(sick.output.find("2 problem(s)") != std::string::npos);
  }

  TEST_CASE("doctor reports a read-only outbox and a folder on another filesystem") {
    JobTree tree;
    tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    std::string outbox = tree.outbox().string();
    std::string other = (tree.root() / "tmpfs-outbox").string();
    fs::create_directory(other);
    // A read-only bind mount and a small tmpfs need root; where they cannot be made, say so.
    if (std::system(("mount --bind " + outbox + " " + outbox + " 2>/dev/null && mount -o " +
                     "remount,ro,bind " + outbox + " 2>/dev/null")
                        .c_str()) != 0 ||
        std::system(("mount -t tmpfs -o size=1m tmpfs " + other + " 2>/dev/null").c_str()) != 0) {
      std::system(("umount " + outbox + " 2>/dev/null").c_str());
      MESSAGE("cannot mount here (not root?): read-only and cross-filesystem checks not run");
      return;
    }
    tree.edit_config("outbox: ../3pl/outbox", "outbox: ../tmpfs-outbox");
    testing_jobs::RunResult doctor = tree.run_avedi({"doctor"}, kDay1);
    std::system(("umount " + outbox + " " + other).c_str());
    CHECK(doctor.exit_code == 1);
    CHECK(doctor.output.find("PROBLEM: as2.outbox (" + outbox + ") is not writable") !=
          std::string::npos);
    CHECK(doctor.output.find("PROBLEM: staging and tpl.outbox are on different filesystems") !=
          std::string::npos);
  }

  TEST_CASE("orders lists POs, filtered by state and date") {
    JobTree tree;
    acknowledged_po(tree);
    CHECK(folded(tree.run_avedi({"orders"}, kDay1).output).find("PO3001X1 released") !=
          std::string::npos);
    CHECK(tree.run_avedi({"orders", "--state", "received"}, kDay1).output.find("(none)") !=
          std::string::npos);
    CHECK(tree.run_avedi({"orders", "--since", "2026-11-27"}, kDay1).output.find("(none)") !=
          std::string::npos);
    CHECK(tree.run_avedi({"orders", "--json"}, kDay1)
              .output.rfind("[{\"po_number\":\"PO3001X1\"", 0) == 0);
  }

  TEST_CASE("files and file show every file and one file's history") {
    JobTree tree;
    tree.drop("bad", "garbage");
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    testing_jobs::RunResult files = tree.run_avedi({"files", "--state", "error"}, kDay1);
    CHECK(folded(files.output).find("1 avedi-receive bad error") != std::string::npos);
    testing_jobs::RunResult file = tree.run_avedi({"file", "1"}, kDay1);
    CHECK(file.exit_code == 0);
    CHECK(file.output.find("state: error") != std::string::npos);
    CHECK(folded(file.output).find("claiming error") != std::string::npos);
    CHECK(tree.run_avedi({"status", "--check"}, kDay1).exit_code == 1);  // a file in error/
    CHECK(tree.run_avedi({"file", "x"}, kDay1).exit_code == 64);
  }
}

TEST_SUITE("avedi operator repairs") {
  TEST_CASE("retry moves a file from error/ back to its inbox, recorded, the next run takes it") {
    JobTree tree;
    std::string text = testing_jobs::amazon_850(3101);
    text.replace(text.find("AMAZON         "), 15, "AMAZONTEST     ");
    tree.drop("po-from-test-id", text);
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    tree.edit_config("isa_id: AMAZON,", "isa_id: AMAZONTEST,");
    testing_jobs::RunResult retry = tree.run_avedi({"retry", "1"}, kDay1);
    CAPTURE(retry.output);
    CHECK(retry.exit_code == 0);
    CHECK(fs::exists(tree.inbox() / "po-from-test-id"));
    CHECK_FALSE(fs::exists(tree.error() / "po-from-test-id.reason.txt"));
    CHECK(folded(tree.run_avedi({"file", "1"}, kDay1).output).find("error retried moved back") !=
          std::string::npos);
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    CHECK(fs::exists(tree.archive() / "2026/11/26/po-from-test-id"));
    CHECK(tree.run_avedi({"retry", "1"}, kDay1).exit_code == 65);  // no longer in error/
  }

  TEST_CASE("retry of an edited file whose interchange was rejected: it stays in error/") {
    JobTree tree;
    std::string bad = testing_jobs::amazon_850(3111);
    bad.replace(bad.find("*20261120~\nREF"), 10, "*20261399~");
    tree.drop("po", bad);
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    std::ofstream(tree.error() / "po", std::ios::trunc) << testing_jobs::amazon_850(3111);
    CHECK(tree.run_avedi({"retry", "1"}, kDay1).exit_code == 0);
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    CHECK(util::read_file((tree.error() / "po.reason.txt").string())
              .find("Amazon must send the corrected document under a new ISA13") !=
          std::string::npos);
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM purchase_orders") == 0);
  }

  TEST_CASE("retry refuses while the job that owns the file runs") {
    JobTree tree;
    tree.drop("bad", "garbage");
    CHECK(tree.run("avedi-receive", {}, kDay1).exit_code == 65);
    std::string lock = tree.database().string() + ".avedi-receive.lock";
    int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    testing_jobs::RunResult retry = tree.run_avedi({"retry", "1"}, kDay1);
    ::close(fd);
    CHECK(retry.exit_code == 75);
    CHECK(fs::exists(tree.error() / "bad"));
  }

  TEST_CASE("resend delivers the same bytes and control numbers again, recorded") {
    JobTree tree;
    tree.drop("po", testing_jobs::amazon_850(3201));
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    std::map<std::string, std::string> sent = tree.files_under(tree.outbox());
    fs::remove_all(tree.outbox());
    fs::create_directory(tree.outbox());
    testing_jobs::RunResult resend = tree.run_avedi({"resend", "1"}, kDay1);
    CAPTURE(resend.output);
    CHECK(resend.exit_code == 0);
    CHECK(tree.files_under(tree.outbox()) == sent);
    CHECK(folded(tree.run_avedi({"file", "1"}, kDay1).output)
              .find("delivered built re-sent by the operator (avedi resend)") != std::string::npos);
    CHECK(tree.run_avedi({"resend", "99"}, kDay1).exit_code == 65);
  }

  TEST_CASE(
      "a resend the gateway has not picked up yet: same bytes are left, other bytes refused") {
    // Delivery compares the outbox file with the stored bytes, read only for this case.
    JobTree tree;
    tree.drop("po", testing_jobs::amazon_850(3202));
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    std::map<std::string, std::string> sent = tree.files_under(tree.outbox());
    REQUIRE(sent.size() == 1);
    SUBCASE("the same bytes still in the outbox: delivered, nothing overwritten") {
      testing_jobs::RunResult resend = tree.run_avedi({"resend", "1"}, kDay1);
      CAPTURE(resend.output);
      CHECK(resend.exit_code == 0);
      CHECK(tree.files_under(tree.outbox()) == sent);
      CHECK(folded(tree.run_avedi({"file", "1"}, kDay1).output).find("(not yet picked up)") !=
            std::string::npos);
    }
    SUBCASE("other bytes under the document's name: refused, the document stays staged") {
      fs::path target = tree.outbox() / sent.begin()->first;
      std::ofstream(target.string()) << "not our 997\n";
      testing_jobs::RunResult resend = tree.run_avedi({"resend", "1"}, kDay1);
      CAPTURE(resend.output);
      CHECK(resend.exit_code == 74);
      CHECK(folded(resend.output)
                .find("avedi resend: " + target.string() +
                      ": exists with other content than document 1; refusing "
                      "to overwrite") != std::string::npos);
      CHECK(util::read_file(target.string()) == "not our 997\n");
      CHECK(testing_jobs::query_text(tree, "SELECT state FROM documents WHERE id = 1") ==
            "built\n");
      // Its bytes wait in staging for the next run, once the operator has cleared the name.
      CHECK(tree.files_under(tree.root() / "staging") ==
            std::map<std::string, std::string>{
                {"avedi-receive/" + sent.begin()->first, sent.begin()->second}});
    }
  }
}
