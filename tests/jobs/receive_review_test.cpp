// avedi-receive against the holes an independent review found: recovery must re-check what it
// reads, one file must not stop the others, a copy of a duplicate still gets its answer,
// --file stays out of avedi's own folders, a dry run after a crash touches nothing.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <csignal>
#include <fstream>

#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;

TEST_SUITE("avedi-receive review") {
  TEST_CASE("after a crash, recovery does not follow a symlink nor wait on a FIFO") {
    JobTree tree;
    fs::path outside = tree.root() / "outside.edi";
    std::ofstream(outside) << testing_jobs::amazon_850(1101);
    fs::create_symlink(outside, tree.inbox() / "link");
    REQUIRE(::mkfifo((tree.inbox() / "fifo").c_str(), 0600) == 0);
    for (const char* point : {"before_claim:1", "after_claim:1", "after_claim:2"}) {
      CAPTURE(point);
      testing_jobs::RunResult crashed = tree.run("avedi-receive", {}, {{"AVEDI_CRASH_AT", point}});
      (void)crashed;
    }
    // A hang would be killed after 5 s and show up as a signal.
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow, 5000000);
    CHECK(again.signal == 0);
    CHECK((again.exit_code == 0 || again.exit_code == 65));
    CHECK(fs::is_symlink(tree.error() / "link"));
    CHECK(fs::exists(outside));
    CHECK(count(tree, "SELECT count(*) FROM interchanges") == 0);
    CHECK(tree.files_under(tree.outbox()).empty());
    CHECK(fs::exists(fs::symlink_status(tree.error() / "fifo")));
  }

  TEST_CASE("a 255-byte file name is processed like any other") {
    JobTree tree;
    std::string name(255, 'n');
    tree.drop(name, testing_jobs::amazon_850(1201));
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(fs::exists(tree.archive() / "2026/11/26" / name.substr(0, 180)));
    CHECK(tree.files_under(tree.inbox()).empty());
  }

  TEST_CASE("names already taken in error/ are never overwritten") {
    JobTree tree;
    for (const char* taken : {"bad", "bad.1", "bad.1.reason.txt"}) {
      std::ofstream(tree.error() / taken) << "earlier " << taken;
    }
    tree.drop("bad", "not X12 at all");
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    CHECK(util::read_file((tree.error() / "bad.1.reason.txt").string()) ==
          "earlier bad.1.reason.txt");
    CHECK(util::read_file((tree.error() / "bad.1.2").string()) == "not X12 at all");
    CHECK(fs::exists(tree.error() / "bad.1.2.reason.txt"));
  }

  TEST_CASE("a copy of a duplicate still gets the original 997") {
    JobTree tree;
    std::string original = testing_jobs::amazon_850(1301);
    std::string same_isa13 = original;
    same_isa13.replace(same_isa13.find("*0830*U"), 7, "*0831*U");
    tree.drop("msg-1", original);
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    std::map<std::string, std::string> answer = tree.files_under(tree.outbox());
    for (const char* name : {"msg-2", "msg-2-again"}) {
      fs::remove_all(tree.outbox());
      fs::create_directory(tree.outbox());
      tree.drop(name, same_isa13);
      CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
      CHECK(tree.files_under(tree.outbox()) == answer);
    }
    CHECK(count(tree, "SELECT count(*) FROM files WHERE state = 'duplicate'") == 2);
  }

  TEST_CASE("--file refuses avedi's own folders and accepts a relative path") {
    JobTree tree;
    tree.drop("a", testing_jobs::amazon_850(1401));
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    testing_jobs::RunResult archived = tree.run(
        "avedi-receive", {"--file", (tree.archive() / "2026/11/26/a").string()}, kFixedNow);
    CHECK(archived.exit_code == 64);
    CHECK(archived.output.find("one of avedi's own folders") != std::string::npos);
    std::string answer = tree.files_under(tree.outbox()).begin()->first;
    CHECK(tree.run("avedi-receive", {"--file", (tree.outbox() / answer).string()}, kFixedNow)
              .exit_code == 64);
    CHECK(fs::exists(tree.outbox() / answer));

    std::ofstream(tree.root() / "loose.edi") << testing_jobs::amazon_850(1402);
    fs::path here = fs::current_path();
    fs::current_path(tree.root());
    testing_jobs::RunResult relative =
        tree.run("avedi-receive", {"--file", "loose.edi"}, kFixedNow);
    fs::current_path(here);
    CHECK(relative.exit_code == 0);
    CHECK(fs::exists(tree.archive() / "2026/11/26/loose.edi"));
  }

  TEST_CASE("a test interchange is refused by a production installation") {
    JobTree tree;
    tree.edit_config("usage: T", "usage: P");
    tree.drop("test-file", testing_jobs::amazon_850(1501));  // ISA15 T
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 65);
    CHECK(util::read_file((tree.error() / "test-file.reason.txt").string())
              .find("usage indicator ISA15 T does not match this installation's usage P") !=
          std::string::npos);
    CHECK(count(tree, "SELECT count(*) FROM interchanges") == 0);
  }

  TEST_CASE("a dry run after a crash leaves every byte as it was") {
    JobTree tree;
    tree.drop("a", testing_jobs::amazon_850(1601));
    tree.drop("b", testing_jobs::amazon_850(1602));
    tree.run("avedi-receive", {}, {{"AVEDI_CRASH_AT", "after_commit:1"}});
    REQUIRE(fs::exists(tree.database().string() + "-wal"));
    std::map<std::string, std::string> before = tree.files_under(tree.root());
    testing_jobs::RunResult dry = tree.run("avedi-receive", {"--dry-run"}, kFixedNow);
    CHECK(dry.exit_code == 0);
    CHECK(tree.files_under(tree.root()) == before);
    CHECK(dry.output.find("would move") != std::string::npos);
  }

  TEST_CASE("a reason file cut short by a kill is finished, not taken for another file's") {
    JobTree tree;
    tree.drop("bad", "garbage that is no X12 at all\n");
    // Killed after the reason was written, before the move; then the reason is cut to a prefix,
    // as a kill in the middle of writing it leaves it.
    CHECK(tree.run("avedi-receive", {},
                   {{"AVEDI_NOW", kFixedNow.at("AVEDI_NOW")},
                    {"AVEDI_CRASH_AT", "before_archive_move"}})
              .signal == SIGKILL);
    fs::path reason = tree.error() / "bad.reason.txt";
    std::string full = util::read_file(reason.string());
    REQUIRE(full.size() > 10);
    std::ofstream(reason, std::ios::trunc) << full.substr(0, 10);

    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    std::map<std::string, std::string> errors = tree.files_under(tree.error());
    CHECK(errors.size() == 2);  // the file and its reason, under the original name
    CHECK(errors["bad"] == "garbage that is no X12 at all\n");
    CHECK(errors["bad.reason.txt"] == full);
  }
}
