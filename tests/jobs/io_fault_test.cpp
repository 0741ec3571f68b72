// Disk and I/O faults: a full or unwritable outbox, a database locked by another process or on a
// read-only mount, a config naming a missing folder. Each must give a clear message and the
// right exit code, leave nothing half-done, and let the next run (fault gone) deliver the same
// bytes and control numbers as a run that never saw the fault.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <vector>

#include "job_fixture.h"

namespace fs = std::filesystem;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;

namespace {

bool shell(const std::string& command) { return std::system(command.c_str()) == 0; }

// Mounting needs root (CI and this project's machines run the tests as root). Without it the
// mount-based cases say so instead of passing silently.
bool can_mount() { return ::geteuid() == 0; }

// A small tmpfs at `where`, unmounted when the test ends (even when a CHECK fails).
class SmallFilesystem {
 public:
  SmallFilesystem(const fs::path& where, const std::string& size) : where_(where) {
    fs::create_directories(where_);
    mounted_ = shell("mount -t tmpfs -o size=" + size + " tmpfs " + where_.string());
  }
  ~SmallFilesystem() {
    if (mounted_) shell("umount " + where_.string());
  }
  bool mounted() const { return mounted_; }

  // Writes a filler file until the file system refuses another byte.
  void fill() {
    int fd = ::open((where_ / "filler").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char> block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    while (::write(fd, block.data(), 1) > 0) {
    }
    ::close(fd);
  }
  void make_room() { fs::remove(where_ / "filler"); }

 private:
  fs::path where_;
  bool mounted_ = false;
};

// `folder` remounted read-only in place (a bind mount) while this object lives.
class ReadOnlyFolder {
 public:
  explicit ReadOnlyFolder(const fs::path& folder) : folder_(folder) {
    mounted_ = shell("mount --bind " + folder.string() + " " + folder.string()) &&
               shell("mount -o remount,ro,bind " + folder.string());
    if (!mounted_) shell("umount " + folder.string() + " 2>/dev/null");
  }
  ~ReadOnlyFolder() { release(); }
  bool mounted() const { return mounted_; }
  void release() {
    if (mounted_) shell("umount " + folder_.string());
    mounted_ = false;
  }

 private:
  fs::path folder_;
  bool mounted_ = false;
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Documents the store says are delivered, each of which must be on disk with the same bytes.
// `outbox` is the folder the config key `outbox_key` names.
void check_delivered_are_on_disk(const JobTree& tree, const fs::path& outbox,
                                 const std::string& outbox_key = "as2.outbox") {
  SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
  SQLite::Statement delivered(db,
                              "SELECT file_name, content FROM documents JOIN document_contents "
                              "ON document_id = id WHERE state = 'delivered' AND outbox = ?");
  delivered.bind(1, outbox_key);
  std::map<std::string, std::string> on_disk = tree.files_under(outbox);
  while (delivered.executeStep()) {
    std::string name = delivered.getColumn(0).getString();
    INFO("delivered document " << name);
    REQUIRE(on_disk.count(name) == 1);
    CHECK(on_disk[name] == delivered.getColumn(1).getString());
  }
}

// Three 850 interchanges: each is answered by one 997.
void drop_three_850s(JobTree& tree) {
  tree.drop("po-1", testing_jobs::amazon_850(301));
  tree.drop("po-2", testing_jobs::amazon_850(302, 2));
  tree.drop("po-3", testing_jobs::amazon_850(303));
}

// What the AS2 outbox holds after receiving the three 850s with no fault at all.
std::map<std::string, std::string> reference_997s() {
  JobTree tree;
  drop_three_850s(tree);
  REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
  return tree.files_under(tree.outbox());
}

// Moves staging and both outboxes onto a small tmpfs (they must share a file system).
void outboxes_on(JobTree& tree, const fs::path& spool) {
  for (const char* folder : {"staging", "as2-outbox", "3pl-outbox"}) {
    fs::create_directories(spool / folder);
  }
  tree.edit_config("outbox: ../as2/outbox", "outbox: ../spool/as2-outbox");
  tree.edit_config("outbox: ../3pl/outbox", "outbox: ../spool/3pl-outbox");
  tree.edit_config("staging: ../staging", "staging: ../spool/staging");
}

}  // namespace

TEST_SUITE("I/O faults") {
  TEST_CASE("a full outbox file system: exit 74, nothing marked delivered, same bytes later") {
    if (!can_mount()) {
      MESSAGE("not root: cannot mount a small tmpfs, full-disk case not run");
      return;
    }
    std::map<std::string, std::string> expected = reference_997s();
    REQUIRE(expected.size() == 3);

    JobTree tree;
    SmallFilesystem spool(tree.root() / "spool", "256k");
    REQUIRE(spool.mounted());
    outboxes_on(tree, tree.root() / "spool");
    drop_three_850s(tree);
    spool.fill();

    testing_jobs::RunResult full = tree.run("avedi-receive", {}, kFixedNow);
    INFO(full.output);
    CHECK(full.exit_code == 74);
    CHECK(contains(full.output, "No space left on device"));
    CHECK(tree.files_under(tree.root() / "spool" / "as2-outbox").empty());
    check_delivered_are_on_disk(tree, tree.root() / "spool" / "as2-outbox");
    CHECK(tree.files_under(tree.error()).empty());  // a full disk is not the partner's fault
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM documents WHERE state = 'delivered'") ==
          0);

    spool.make_room();
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow);
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.root() / "spool" / "as2-outbox") == expected);
    check_delivered_are_on_disk(tree, tree.root() / "spool" / "as2-outbox");
    CHECK(tree.files_under(tree.inbox()).empty());
    CHECK(tree.files_under(tree.archive()).size() == 3);
    CHECK(tree.files_under(tree.root() / "work").empty());
  }

  TEST_CASE("a full disk after the staging write: the rename still delivers the same bytes") {
    if (!can_mount()) {
      MESSAGE("not root: cannot mount a small tmpfs, full-disk case not run");
      return;
    }
    std::map<std::string, std::string> expected = reference_997s();
    JobTree tree;
    SmallFilesystem spool(tree.root() / "spool", "256k");
    REQUIRE(spool.mounted());
    outboxes_on(tree, tree.root() / "spool");
    drop_three_850s(tree);
    // The first 997 is staged, then the process dies before its rename; the disk fills up.
    CHECK(tree.run("avedi-receive", {},
                   {{"AVEDI_NOW", kFixedNow.at("AVEDI_NOW")},
                    {"AVEDI_CRASH_AT", "before_outbox_rename"}})
              .signal == SIGKILL);
    spool.fill();
    testing_jobs::RunResult full = tree.run("avedi-receive", {}, kFixedNow);
    INFO(full.output);
    CHECK(full.exit_code == 74);
    check_delivered_are_on_disk(tree, tree.root() / "spool" / "as2-outbox");
    spool.make_room();
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow);
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.root() / "spool" / "as2-outbox") == expected);
  }

  TEST_CASE("an unwritable AS2 outbox: exit 74, the 997s stay built, then go out unchanged") {
    std::map<std::string, std::string> expected = reference_997s();
    JobTree tree;
    drop_three_850s(tree);
    ReadOnlyFolder read_only(tree.outbox());
    if (!read_only.mounted()) {
      MESSAGE("cannot bind-mount read-only here (not root?): unwritable outbox case not run");
      return;
    }
    testing_jobs::RunResult refused = tree.run("avedi-receive", {}, kFixedNow);
    INFO(refused.output);
    CHECK(refused.exit_code == 74);
    CHECK(contains(refused.output, tree.outbox().string()));
    check_delivered_are_on_disk(tree, tree.outbox());
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM documents WHERE state = 'built'") == 3);
    CHECK(tree.files_under(tree.archive()).size() == 3);  // the business events are recorded

    read_only.release();
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow);
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.outbox()) == expected);
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM documents WHERE state = 'built'") == 0);
  }

  TEST_CASE("an unwritable 3PL outbox: avedi-acknowledge exits 74, the release CSV follows later") {
    // Two acknowledged POs, run once without a fault to know the expected release CSV bytes.
    auto prepare = [](JobTree& tree) {
      tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
      tree.drop("po-1", testing_jobs::amazon_850(341, 2));
      REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
      tree.drop_3pl("inventory-1.csv", "sku,available\nWID-100,100\n");
      REQUIRE(tree.run("avedi-stock", {}, kFixedNow).exit_code == 0);
    };
    JobTree reference;
    prepare(reference);
    REQUIRE(reference.run("avedi-acknowledge", {}, kFixedNow).exit_code == 0);
    std::map<std::string, std::string> expected_release =
        reference.files_under(reference.tpl_outbox());
    std::map<std::string, std::string> expected_855s = reference.files_under(reference.outbox());
    REQUIRE(expected_release.size() == 1);

    JobTree tree;
    prepare(tree);
    ReadOnlyFolder read_only(tree.tpl_outbox());
    if (!read_only.mounted()) {
      MESSAGE("cannot bind-mount read-only here (not root?): unwritable 3PL outbox not run");
      return;
    }
    testing_jobs::RunResult refused = tree.run("avedi-acknowledge", {}, kFixedNow);
    INFO(refused.output);
    CHECK(refused.exit_code == 74);
    CHECK(contains(refused.output, "delivery stopped for this run"));
    CHECK(contains(refused.output, tree.tpl_outbox().string()));
    check_delivered_are_on_disk(tree, tree.outbox());
    check_delivered_are_on_disk(tree, tree.tpl_outbox(), "tpl.outbox");
    CHECK(tree.files_under(tree.tpl_outbox()).empty());
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM documents WHERE state = 'built'") >= 1);

    read_only.release();
    testing_jobs::RunResult again = tree.run("avedi-acknowledge", {}, kFixedNow);
    INFO(again.output);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.tpl_outbox()) == expected_release);
    CHECK(tree.files_under(tree.outbox()) == expected_855s);
    CHECK(testing_jobs::count(tree, "SELECT count(*) FROM documents WHERE state = 'built'") == 0);
  }

  TEST_CASE("a database locked by another process beyond the busy timeout: exit 75, untouched") {
    JobTree tree;
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);  // creates the database
    tree.drop("po-1", testing_jobs::amazon_850(311));
    {
      SQLite::Database other(tree.database().string(), SQLite::OPEN_READWRITE);
      other.exec("BEGIN EXCLUSIVE");
      testing_jobs::RunResult locked = tree.run("avedi-receive", {}, kFixedNow);
      INFO(locked.output);
      CHECK(locked.exit_code == 75);
      CHECK(contains(locked.output,
                     "database " + tree.database().string() + " is locked by another process"));
      other.exec("ROLLBACK");
    }
    CHECK(tree.files_under(tree.inbox()).size() == 1);
    CHECK(tree.files_under(tree.root() / "work").empty());
    CHECK(tree.files_under(tree.outbox()).empty());
    testing_jobs::RunResult again = tree.run("avedi-receive", {}, kFixedNow);
    CHECK(again.exit_code == 0);
    CHECK(tree.files_under(tree.archive()).size() == 1);
    CHECK(tree.files_under(tree.outbox()).size() == 1);
  }

  TEST_CASE("a database on a read-only mount: exit 74 naming the database, nothing moved") {
    JobTree tree;
    fs::create_directories(tree.root() / "db");
    tree.edit_config("database: ../avedi.db", "database: ../db/avedi.db");
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    tree.drop("po-1", testing_jobs::amazon_850(321));
    ReadOnlyFolder read_only(tree.root() / "db");
    if (!read_only.mounted()) {
      MESSAGE("cannot bind-mount read-only here (not root?): read-only database case not run");
      return;
    }
    testing_jobs::RunResult refused = tree.run("avedi-receive", {}, kFixedNow);
    INFO(refused.output);
    CHECK(refused.exit_code == 74);
    CHECK(contains(refused.output, (tree.root() / "db" / "avedi.db").string()));
    CHECK(tree.files_under(tree.inbox()).size() == 1);
    CHECK(tree.files_under(tree.root() / "work").empty());
    CHECK(tree.files_under(tree.outbox()).empty());
    read_only.release();
    CHECK(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);
    CHECK(tree.files_under(tree.outbox()).size() == 1);
  }

  TEST_CASE("a config naming a missing folder: exit 78 naming the key, for every job") {
    const std::vector<std::string> jobs = {"avedi-receive", "avedi-stock", "avedi-acknowledge",
                                           "avedi-route",   "avedi-ship",  "avedi-invoice"};
    for (const char* key : {"as2/inbox", "3pl/outbox", "archive", "staging"}) {
      JobTree tree;
      tree.write_config_file("catalog.csv", "sku,asin\nWID-100,B0EXAMPLE1\n");
      tree.drop("po-1", testing_jobs::amazon_850(331));
      fs::remove_all(tree.root() / key);
      std::string config_key = key == std::string("as2/inbox")    ? "as2.inbox"
                               : key == std::string("3pl/outbox") ? "tpl.outbox"
                                                                  : key;
      for (const std::string& job : jobs) {
        testing_jobs::RunResult run = tree.run(job, {}, kFixedNow);
        INFO(job << " without " << key << ": " << run.output);
        CHECK(run.exit_code == 78);
        CHECK(contains(run.output, "avedi.yaml: " + config_key + ": folder does not exist"));
      }
      CHECK_FALSE(fs::exists(tree.database()));
      if (fs::exists(tree.inbox())) CHECK(tree.files_under(tree.inbox()).size() == 1);
    }
  }
}
