// avedi-receive end to end: the real executable on files in a scratch installation.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "golden_support.h"
#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;
using testing_jobs::query_text;

namespace {

std::string sample_inbox(const std::string& name) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../sample-inbox/as2/" + name);
}

// The folders an operator looks at, as text: every path, and the content of what we sent.
std::string describe_tree(const JobTree& tree) {
  std::string out;
  for (const auto& [label, folder] :
       {std::pair{"outbox", tree.outbox()}, std::pair{"archive", tree.archive()},
        std::pair{"error", tree.error()}, std::pair{"inbox", tree.inbox()}}) {
    for (const auto& [path, content] : tree.files_under(folder)) {
      out += std::string(label) + "/" + path + "\n";
      bool reason = path.size() > 11 && path.substr(path.size() - 11) == ".reason.txt";
      if (std::string(label) == "outbox" || reason) {
        out += content;
      }
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("avedi-receive") {
  TEST_CASE("golden: sample-inbox gives byte-identical 997s and archive layout") {
    JobTree tree;
    for (const char* name : {"amazon-850-two-orders.edi", "amazon-850-bad-order-date.edi",
                             "amazon-997-accepting-our-855.edi"}) {
      tree.drop(name, sample_inbox(name));
    }
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 65);  // the bad order date is rejected
    std::string actual = describe_tree(tree);
    // The reason file names the scratch folder: make it stable.
    for (std::size_t at; (at = actual.find(tree.root().string())) != std::string::npos;) {
      actual.replace(at, tree.root().string().size(), "<root>");
    }
    CHECK(golden::compare_or_update(AVEDI_GOLDEN_DIR "/receive/sample-inbox.expected", actual) ==
          "");
    CHECK(count(tree, "SELECT count(*) FROM transaction_sets WHERE state = 'po_received'") == 2);
    CHECK(count(tree, "SELECT count(*) FROM purchase_orders WHERE state = 'received'") == 2);
    CHECK(count(tree, "SELECT count(*) FROM transaction_sets WHERE state = 'ack_unmatched'") == 1);
    CHECK(count(tree, "SELECT count(*) FROM runs WHERE exit_code = 65 AND ended_at IS NOT NULL") ==
          1);
  }

  TEST_CASE("every state change is a transition row") {
    JobTree tree;
    tree.drop("a", testing_jobs::amazon_850(11));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(count(tree,
                "SELECT count(*) FROM transitions WHERE entity_type = 'file' AND "
                "to_state = 'claiming'") == 1);
    CHECK(count(tree,
                "SELECT count(*) FROM transitions WHERE entity_type = 'file' AND "
                "from_state = 'claiming' AND to_state = 'archived'") == 1);
    CHECK(count(tree,
                "SELECT count(*) FROM transitions WHERE entity_type = 'document' AND "
                "to_state = 'delivered'") == 1);
    CHECK(count(tree, "SELECT count(*) FROM transitions WHERE entity_type = 'interchange'") == 1);
  }

  TEST_CASE("a redelivered file is a recorded duplicate answered with the identical 997") {
    JobTree tree;
    std::string file = testing_jobs::amazon_850(21, 2);
    tree.drop("msg-1", file);
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    std::map<std::string, std::string> first = tree.files_under(tree.outbox());
    REQUIRE(first.size() == 1);
    fs::remove(tree.outbox() / first.begin()->first);  // the gateway sent it

    SUBCASE("same bytes, same name (OpenAS2 keeps the message id)") { tree.drop("msg-1", file); }
    SUBCASE("same bytes, other name") { tree.drop("msg-2", file); }
    SUBCASE("same ISA13 from the same sender, other bytes") {
      std::string changed = file;
      changed.replace(changed.find("*0830*U"), 7, "*0831*U");
      tree.drop("msg-3", changed);
    }
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.outbox()) == first);  // same name, same bytes, same ISA13
    CHECK(count(tree, "SELECT count(*) FROM interchanges") == 1);
    CHECK(count(tree, "SELECT count(*) FROM transaction_sets") == 2);
    CHECK(count(tree, "SELECT count(*) FROM documents") == 1);
    CHECK(count(tree, "SELECT count(*) FROM files WHERE state = 'duplicate'") == 1);
    CHECK(count(tree, "SELECT deliveries FROM documents") == 2);
    CHECK(tree.files_under(tree.archive()).size() == 2);
    CHECK(tree.files_under(tree.inbox()).empty());
  }

  TEST_CASE("bad input ends in error with a reason, and the other files go on") {
    JobTree tree;
    tree.drop("good", testing_jobs::amazon_850(31));
    tree.drop("empty", "");
    tree.drop("garbage", std::string("\x7F"
                                     "ELF\x02\x01\x01\0\0\0garbage\xFF\xFE",
                                     20));
    tree.drop("name with spaces 'quotes' \"dq\" ünïcödé ..", testing_jobs::amazon_850(32));
    {
      std::ofstream sparse(tree.inbox() / "huge-sparse", std::ios::binary);
      sparse.seekp((1ll << 30) - 1);
      sparse.put('\0');
    }
    fs::create_symlink("/etc/passwd", tree.inbox() / "link-outside");
    REQUIRE(::mkfifo((tree.inbox() / "a-fifo").c_str(), 0600) == 0);
    tree.drop("wrong-sender", [] {
      std::string text = testing_jobs::amazon_850(33);
      text.replace(text.find("AMAZON         "), 15, "SOMEONEELSE    ");
      return text;
    }());

    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 65);
    CHECK(tree.files_under(tree.inbox()).empty());
    CHECK(fs::is_empty(tree.inbox()));
    std::map<std::string, std::string> archived = tree.files_under(tree.archive());
    CHECK(archived.size() == 2);
    std::map<std::string, std::string> errors = tree.files_under(tree.error());
    for (const char* name :
         {"empty", "garbage", "huge-sparse", "link-outside", "a-fifo", "wrong-sender"}) {
      CAPTURE(name);
      CHECK(fs::exists(fs::symlink_status(tree.error() / name)));
      REQUIRE(errors.count(std::string(name) + ".reason.txt") == 1);
    }
    CHECK(errors["empty.reason.txt"].find("empty is empty") != std::string::npos);
    CHECK(errors["huge-sparse.reason.txt"].find("1073741824 bytes, above the limit") !=
          std::string::npos);
    CHECK(errors["link-outside.reason.txt"].find("a symbolic link") != std::string::npos);
    CHECK(errors["a-fifo.reason.txt"].find("a FIFO") != std::string::npos);
    CHECK(errors["garbage.reason.txt"].find("found where an ISA must start") != std::string::npos);
    CHECK(errors["wrong-sender.reason.txt"].find("sender ZZ/SOMEONEELSE is not Amazon") !=
          std::string::npos);
    CHECK(fs::read_symlink(tree.error() / "link-outside") == "/etc/passwd");
    CHECK(tree.files_under(tree.outbox()).size() == 2);  // the two good files' 997s
  }

  TEST_CASE("--file takes a file from the error folder and archives it on success") {
    JobTree tree;
    std::string text = testing_jobs::amazon_850(41);
    text.replace(text.find("AMAZON         "), 15, "AMAZONTEST     ");
    tree.drop("from-test-id", text);
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    REQUIRE(fs::exists(tree.error() / "from-test-id"));
    tree.edit_config("isa_id: AMAZON,", "isa_id: AMAZONTEST,");
    testing_jobs::RunResult retry =
        tree.run("avedi-receive", {"--file", (tree.error() / "from-test-id").string()}, kFixedNow);
    CHECK(retry.exit_code == 0);
    CHECK_FALSE(fs::exists(tree.error() / "from-test-id"));
    CHECK(fs::exists(tree.archive() / "2026/11/26/from-test-id"));
    CHECK(tree.files_under(tree.outbox()).size() == 1);
    // The first record no longer claims a file in error/: status has nothing to report.
    CHECK(query_text(tree, "SELECT id, state FROM files ORDER BY id") == "1|retried\n2|archived\n");
    CHECK(tree.run_avedi({"status", "--check"}, kFixedNow).exit_code == 0);
  }

  TEST_CASE("--dry-run leaves folders and database byte for byte unchanged") {
    JobTree tree;
    tree.drop("first", testing_jobs::amazon_850(51));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    tree.drop("second", testing_jobs::amazon_850(52));
    tree.drop("broken", "ISA*garbage");
    std::map<std::string, std::string> before = tree.files_under(tree.root());
    testing_jobs::RunResult dry = tree.run("avedi-receive", {"--dry-run"}, kFixedNow);
    CHECK(dry.exit_code == 0);  // "broken" waits: it has no IEA and is young
    CHECK(tree.files_under(tree.root()) == before);
    CHECK(dry.output.find("would write") != std::string::npos);
    CHECK(dry.output.find("avedi_997_000000002.edi") != std::string::npos);
    CHECK(dry.output.find("file 2: claiming -> archived") != std::string::npos);
  }

  TEST_CASE("a second run while one holds the lock exits 75 at once") {
    JobTree tree;
    tree.drop("a", testing_jobs::amazon_850(61));
    std::string lock = tree.database().string() + ".avedi-receive.lock";
    int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0600);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    ::close(fd);
    CHECK(run.exit_code == 75);
    CHECK(run.output.find("another avedi-receive run holds the lock") != std::string::npos);
    CHECK(fs::exists(tree.inbox() / "a"));
  }

  TEST_CASE("a bad config stops the run before anything is touched (exit 78)") {
    JobTree tree;
    tree.drop("a", testing_jobs::amazon_850(71));
    fs::remove(tree.outbox());
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(run.exit_code == 78);
    CHECK(run.output.find("avedi.yaml: as2.outbox: folder does not exist") != std::string::npos);
    CHECK(fs::exists(tree.inbox() / "a"));
    CHECK_FALSE(fs::exists(tree.database()));
  }

  TEST_CASE("X12 still without IEA after intake.max_incomplete_seconds goes to error") {
    JobTree tree;
    std::string text = testing_jobs::amazon_850(82);
    tree.drop("stuck", text.substr(0, text.size() - 20));
    fs::last_write_time(tree.inbox() / "stuck",
                        fs::file_time_type::clock::now() - std::chrono::hours(2));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    CHECK(util::read_file((tree.error() / "stuck.reason.txt").string())
              .find("stuck still looks incomplete after 3600 seconds "
                    "(intake.max_incomplete_seconds)") != std::string::npos);
  }

  TEST_CASE("a stray word on the command line is a usage error") {
    JobTree tree;
    CHECK(tree.run("avedi-receive", {"now"}, kFixedNow).exit_code == 64);
  }

  TEST_CASE("re-running a rejected file after editing it does not hide that nothing was taken") {
    JobTree tree;
    std::string bad = testing_jobs::amazon_850(83);
    bad.replace(bad.find("*20261120~\nREF"), 10, "*20261399~");
    tree.drop("po", bad);
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    std::string fixed = testing_jobs::amazon_850(83);
    std::ofstream(tree.error() / "po", std::ios::trunc) << fixed;
    testing_jobs::RunResult again =
        tree.run("avedi-receive", {"--file", (tree.error() / "po").string()}, kFixedNow);
    CHECK(again.exit_code == 65);
    CHECK(fs::exists(tree.error() / "po"));
    CHECK(util::read_file((tree.error() / "po.reason.txt").string())
              .find("Amazon must send the corrected document under a new ISA13") !=
          std::string::npos);
    CHECK(count(tree, "SELECT count(*) FROM purchase_orders") == 0);
    // One file in error/, one record saying so (the first one was taken again).
    CHECK(query_text(tree, "SELECT id, state FROM files ORDER BY id") == "1|retried\n2|error\n");
  }

  TEST_CASE("incomplete X12 (no IEA yet) is left for a later run") {
    JobTree tree;
    std::string text = testing_jobs::amazon_850(81);
    tree.drop("arriving", text.substr(0, text.size() - 20));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(fs::exists(tree.inbox() / "arriving"));
    tree.drop("arriving", text);
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK_FALSE(fs::exists(tree.inbox() / "arriving"));
  }
}
