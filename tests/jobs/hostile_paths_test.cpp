// Paths an attacker or a confused gateway can plant: symlinks (to outside files, to avedi's
// own database, dangling), hard links, FIFOs, device files, odd names, and path-like values
// inside the data (absolute paths and ../ in CSV cells, an ARN with slashes). None may make a
// job read, move or write anything outside avedi's folders, block a run, or change a file it
// shares with someone else.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <fstream>

#include "job_fixture.h"
#include "util/durable_file.h"
#include "util/file.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::kFixedNow;

namespace {

const std::map<std::string, std::string> kDay1 = {{"AVEDI_NOW", "2026-11-26T08:30:00Z"}};
const std::map<std::string, std::string> kDay2 = {{"AVEDI_NOW", "2026-11-27T10:00:00Z"}};

std::string repo_file(const std::string& path) {
  return util::read_file(std::string(AVEDI_TEST_DATA) + "/../../" + path);
}

testing_jobs::RunLimits short_leash() {
  testing_jobs::RunLimits limits;
  limits.timeout_seconds = 30;  // a job blocked on a FIFO would be killed and fail the test
  return limits;
}

struct stat lstat_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info;
}

// Plants every kind of non-regular or shared entry in `inbox`, each named so the job wants it
// (`prefix` + kind + `suffix`). Returns the names planted. `outside` holds the targets.
std::vector<std::string> plant(const fs::path& inbox, const fs::path& outside, const JobTree& tree,
                               const std::string& prefix, const std::string& suffix) {
  std::vector<std::string> names;
  auto name = [&](const std::string& kind) {
    names.push_back(prefix + kind + suffix);
    return inbox / names.back();
  };
  fs::create_symlink(outside / "secret.txt", name("link-to-outside-file"));
  fs::create_symlink(outside, name("link-to-outside-folder"));
  fs::create_symlink(tree.database(), name("link-to-avedi-db"));
  fs::create_symlink(outside / "does-not-exist", name("dangling-link"));
  fs::create_symlink("/dev/zero", name("link-to-dev-zero"));
  REQUIRE(::mkfifo(name("fifo").c_str(), 0600) == 0);
  // A real character device (1,3 is /dev/null) where allowed (root outside a restricted
  // container), else a symlink to /dev/null.
  if (::mknod(name("char-device").c_str(), S_IFCHR | 0600, ::makedev(1, 3)) != 0) {
    fs::create_symlink("/dev/null", inbox / names.back());
  }
  return names;
}

}  // namespace

TEST_SUITE("hostile paths") {
  TEST_CASE("links, FIFOs and devices in either inbox go to error unfollowed, and never block") {
    JobTree tree;
    fs::path outside = tree.root() / "outside";
    fs::create_directories(outside);
    std::ofstream(outside / "secret.txt") << "not for avedi\n";
    fs::permissions(outside / "secret.txt", fs::perms(0604));
    tree.drop("good-850", testing_jobs::amazon_850(501));
    // Run once so the database exists and a link to it is a link to something real.
    REQUIRE(tree.run("avedi-receive", {}, kFixedNow).exit_code == 0);

    std::vector<std::string> as2 = plant(tree.inbox(), outside, tree, "", "");
    std::vector<std::string> tpl = plant(tree.tpl_inbox(), outside, tree, "inventory_", ".csv");
    // A sub-folder named like a wanted file is the gateway's business: left alone.
    fs::create_directories(tree.tpl_inbox() / "inventory_folder.csv");

    testing_jobs::RunResult receive = tree.run_limited("avedi-receive", short_leash(), {}, kDay1);
    testing_jobs::RunResult stock = tree.run_limited("avedi-stock", short_leash(), {}, kDay1);
    CAPTURE(receive.output);
    CAPTURE(stock.output);
    REQUIRE_FALSE(receive.timed_out);
    REQUIRE_FALSE(stock.timed_out);
    CHECK(receive.exit_code == 65);
    CHECK(stock.exit_code == 65);

    for (const auto& [names, inbox] :
         {std::pair{as2, tree.inbox()}, std::pair{tpl, tree.tpl_inbox()}}) {
      for (const std::string& name : names) {
        CAPTURE(name);
        CHECK_FALSE(util::entry_exists((inbox / name).string()));
        struct stat kept = lstat_of(tree.error() / name);
        CHECK_FALSE(S_ISREG(kept.st_mode));  // moved as the entry it was, never copied through
        std::string reason = util::read_file((tree.error() / (name + ".reason.txt")).string());
        CHECK(reason.find("only regular files are processed (it was not followed or opened)") !=
              std::string::npos);
      }
    }
    CHECK(util::read_file((tree.error() / "fifo.reason.txt").string()).find("fifo is a FIFO") !=
          std::string::npos);
    if (S_ISCHR(lstat_of(tree.error() / "char-device").st_mode)) {
      MESSAGE("a real character device was planted");
      CHECK(util::read_file((tree.error() / "char-device.reason.txt").string())
                .find("char-device is a device") != std::string::npos);
    }
    CHECK(fs::is_directory(tree.tpl_inbox() / "inventory_folder.csv"));
    // Nothing outside changed, the database is still the database.
    CHECK(util::read_file((outside / "secret.txt").string()) == "not for avedi\n");
    CHECK((lstat_of(outside / "secret.txt").st_mode & 07777) == 0604);
    CHECK(fs::read_symlink(tree.error() / "link-to-avedi-db") == tree.database());
    CHECK(S_ISREG(lstat_of(tree.database()).st_mode));
    CHECK(count(tree, "SELECT count(*) FROM files WHERE state = 'archived'") == 1);
  }

  TEST_CASE("a hard-linked inbox file is processed and moved, its shared inode never changed") {
    // Decision: the file's data is shared with a name outside avedi's folders. avedi reads it
    // and moves its own link (rename never touches the inode), but does not set its mode or
    // write to it, since that would change the outside file too.
    JobTree tree;
    fs::path outside = tree.root() / "outside";
    fs::create_directories(outside);
    std::string po = testing_jobs::amazon_850(502);
    std::string inventory = repo_file("sample-inbox/3pl/inventory_20261126.csv");
    std::ofstream(outside / "po.edi", std::ios::binary) << po;
    std::ofstream(outside / "stock.csv", std::ios::binary) << inventory;
    for (const char* file : {"po.edi", "stock.csv"})
      fs::permissions(outside / file, fs::perms(0666));
    fs::create_hard_link(outside / "po.edi", tree.inbox() / "hard-linked-po");
    fs::create_hard_link(outside / "stock.csv", tree.tpl_inbox() / "inventory_hard.csv");
    ino_t po_inode = lstat_of(outside / "po.edi").st_ino;

    testing_jobs::RunResult receive = tree.run_limited("avedi-receive", short_leash(), {}, kDay1);
    testing_jobs::RunResult stock = tree.run_limited("avedi-stock", short_leash(), {}, kDay1);
    CHECK(receive.exit_code == 0);
    CHECK(stock.exit_code == 0);
    CHECK(receive.output.find("hard-linked-po: has other hard links; stored as it is") !=
          std::string::npos);
    fs::path archived = tree.archive() / "2026/11/26/hard-linked-po";
    REQUIRE(fs::exists(archived));
    CHECK(lstat_of(archived).st_ino == po_inode);  // moved, not copied
    CHECK(fs::exists(tree.archive() / "2026/11/26/inventory_hard.csv"));
    CHECK(util::read_file((outside / "po.edi").string()) == po);
    CHECK(util::read_file((outside / "stock.csv").string()) == inventory);
    CHECK((lstat_of(outside / "po.edi").st_mode & 07777) == 0666);
    CHECK((lstat_of(outside / "stock.csv").st_mode & 07777) == 0666);
    CHECK(count(tree, "SELECT count(*) FROM purchase_orders") == 1);
    CHECK(count(tree, "SELECT count(*) FROM stock_snapshots") == 1);
  }

  TEST_CASE("odd names: dots, percent-encoded slashes, newlines, 255 bytes") {
    JobTree tree;
    // ".." itself cannot be a file name; "..." can. Names starting with a dot are transfers in
    // progress by convention and stay in the inbox.
    std::vector<std::string> names = {"...",  "..%2F..%2Fetc%2Fpasswd", "%2E%2E%2Fetc", "a..b",
                                      "a\nb", std::string(255, 'n'),    "-rf",          "*"};
    int control = 600;
    for (const std::string& name : names) tree.drop(name, testing_jobs::amazon_850(control++));
    testing_jobs::RunResult run = tree.run_limited("avedi-receive", short_leash(), {}, kDay1);
    CAPTURE(run.output);
    CHECK(run.exit_code == 0);
    CHECK(fs::exists(tree.inbox() / "..."));
    CHECK(fs::exists(tree.inbox() / "..%2F..%2Fetc%2Fpasswd"));
    // Names over kMaxStoredName (180) are cut in the archive: count the stored files instead.
    CHECK(count(tree, "SELECT count(*) FROM files WHERE state = 'archived'") == 6);
    CHECK(tree.files_under(tree.archive()).size() == 6);
    // Nothing landed anywhere but avedi's and the test's own places.
    for (const auto& entry : tree.files_under(tree.root())) {
      const std::string& path = entry.first;  // clang 14 cannot CAPTURE a structured binding
      CAPTURE(path);
      bool expected_place = path.rfind("archive/", 0) == 0 || path.rfind("as2/", 0) == 0 ||
                            path.rfind("config/", 0) == 0 || path.rfind("log/", 0) == 0 ||
                            path.rfind("avedi.db", 0) == 0;
      CHECK(expected_place);
    }
  }

  TEST_CASE("absolute paths and ../ inside CSV cells and an ARN are data, never paths") {
    JobTree tree;
    tree.write_config_file("catalog.csv", repo_file("config/catalog.csv"));
    tree.drop("po-file", repo_file("sample-inbox/as2/amazon-850-two-orders.edi"));
    tree.drop_3pl("inventory_1.csv", repo_file("sample-inbox/3pl/inventory_20261126.csv"));
    REQUIRE(tree.run("avedi-receive", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-stock", {}, kDay1).exit_code == 0);
    REQUIRE(tree.run("avedi-acknowledge", {}, kDay1).exit_code == 0);
    std::string ready = repo_file("sample-inbox/3pl/ready_20261127.csv");
    ready.replace(ready.find(",C1,"), 4, ",/etc/passwd,");
    ready.replace(ready.find(",C2,"), 4, ",../../../../tmp/avedi-escape,");
    ready.replace(ready.find(",P1,"), 4, ",/dev/null,");
    ready.replace(ready.find(",P1,"), 4, ",/dev/null,");
    tree.drop_3pl("ready_1.csv", ready);
    REQUIRE(tree.run("avedi-route", {}, kDay2).exit_code == 0);
    std::string routing = repo_file("sample-inbox/as2/amazon-754-routing-two-shipments.edi");
    tree.drop("routing", routing);
    REQUIRE(tree.run("avedi-receive", {}, kDay2).exit_code == 0);
    // Amazon re-routes shipment 1 with an ARN full of slashes: the second routing file is
    // named after the ARN, which must not turn the name into a path.
    std::string reroute = routing.substr(0, routing.find("IEA*1*000002001~\n") + 17);
    reroute.replace(reroute.find("3481234567"), 10, "../../../../tmp/x");
    for (std::string from : {"000002001", "*2001*", "GE*1*2001"}) {
      std::string to = from;
      to.replace(to.find("2001"), 4, "2009");
      for (std::size_t at; (at = reroute.find(from)) != std::string::npos;) {
        reroute.replace(at, from.size(), to);
      }
    }
    tree.drop("reroute", reroute);
    testing_jobs::RunResult run = tree.run("avedi-receive", {}, kDay2);
    CAPTURE(run.output);
    CHECK(run.exit_code == 0);
    CHECK(fs::exists(tree.tpl_outbox() / "routing_AVD00000001_.._.._.._.._tmp_x.csv"));
    CHECK_FALSE(fs::exists("/tmp/x.csv"));
    CHECK_FALSE(fs::exists("/tmp/avedi-escape"));
    std::string labels = util::read_file((tree.tpl_outbox() / "labels_AVD00000001.csv").string());
    CHECK(labels.find("/etc/passwd") != std::string::npos);  // carried as data
    CHECK(labels.find("../../../../tmp/avedi-escape") != std::string::npos);
    for (const auto& entry : tree.files_under(tree.tpl_outbox())) {
      const std::string& path = entry.first;
      CAPTURE(path);
      CHECK(path.find('/') == std::string::npos);
    }
    CHECK(tree.files_under(tree.root() / "work").empty());
  }
}
