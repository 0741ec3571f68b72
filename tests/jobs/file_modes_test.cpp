// Every file avedi writes or stores gets `file_mode` from the config (default 0640) and the
// database 0600, whatever the umask of the process (cron's, a shell's 000) and whatever mode
// an inbound file arrived with.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>

#include "job_fixture.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::JobTree;

namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

// Runs receive, stock and acknowledge under `umask` on 0666 inbound files, one of them bad.
void run_story(JobTree& tree, int umask) {
  tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
  tree.drop("po-file", repo_file("sample-inbox/as2/amazon-850-two-orders.edi"));
  tree.drop("bad-po", repo_file("sample-inbox/as2/amazon-850-bad-order-date.edi"));
  tree.drop_3pl("inventory_1.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
  tree.drop_3pl("inventory_2.csv", "sku,available\nWID-100,ten\n");
  for (const fs::path& file :
       {tree.inbox() / "po-file", tree.inbox() / "bad-po", tree.tpl_inbox() / "inventory_1.csv",
        tree.tpl_inbox() / "inventory_2.csv"}) {
    fs::permissions(file, fs::perms(0666));
  }
  testing_jobs::RunLimits limits;
  limits.umask = umask;
  CHECK(tree.run_limited("avedi-receive", limits, {}, kDay1).exit_code == 65);
  // -wal and -shm take the database file's mode, whoever creates them; a connection held open
  // keeps them after the jobs end (the last connection to close removes them).
  SQLite::Database holder(tree.database().string(), SQLite::OPEN_READWRITE);
  holder.execAndGet("SELECT count(*) FROM files");
  CHECK(tree.run_limited("avedi-stock", limits, {}, kDay1).exit_code == 65);
  CHECK(tree.run_limited("avedi-acknowledge", limits, {}, kDay1).exit_code == 0);
  for (const char* suffix : {"-wal", "-shm"}) {
    fs::path path = tree.database().string() + suffix;
    CAPTURE(path.string());
    REQUIRE(fs::exists(path));
    CHECK(mode_of(path) == 0600);
  }
}

// Every file the story left in avedi's folders, with the mode it must have.
void check_modes(const JobTree& tree, unsigned file_mode) {
  int checked = 0;
  for (const fs::path& folder :
       {tree.archive(), tree.error(), tree.outbox(), tree.tpl_outbox(), tree.root() / "log"}) {
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (!entry.is_regular_file()) continue;
      CAPTURE(entry.path().string());
      CHECK(mode_of(entry.path()) == file_mode);
      ++checked;
    }
  }
  // 2 archived, 2 in error with 2 reasons, 2 997s, 1 855 (a set per PO), 1 order release, the
  // log.
  CHECK(checked == 11);
  CHECK(fs::exists(tree.error() / "bad-po.reason.txt"));
  CHECK(fs::exists(tree.error() / "inventory_2.csv.reason.txt"));
  CHECK(mode_of(tree.database()) == 0600);
}

}  // namespace

TEST_SUITE("file modes") {
  TEST_CASE("umask 000 and 0666 inbound files: everything 0640, the database 0600") {
    JobTree tree;
    run_story(tree, 0);
    check_modes(tree, 0640);
  }

  TEST_CASE("file_mode from the config holds even against a stricter umask") {
    JobTree tree;
    tree.edit_config("usage: T\n", "usage: T\nfile_mode: \"0644\"\n");
    run_story(tree, 077);
    check_modes(tree, 0644);
  }

  TEST_CASE("a database an older avedi left world-readable is made 0600 again") {
    JobTree tree;
    tree.drop("po", testing_jobs::amazon_850(700));
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    fs::permissions(tree.database(), fs::perms(0644));
    testing_jobs::RunLimits limits;
    limits.umask = 0;
    CHECK(tree.run_limited("avedi-stock", limits, {}, kDay1).exit_code == 0);
    CHECK(mode_of(tree.database()) == 0600);
  }
}
