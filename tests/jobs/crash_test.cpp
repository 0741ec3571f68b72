// Kill avedi-receive (SIGKILL) at named points and at random instants, run it again, and check
// from the folders and the database that nothing was lost, nothing was done twice, and every
// 997 went out exactly once with a unique ISA13. Also: two runs started together.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <csignal>
#include <future>
#include <random>
#include <set>

#include "job_fixture.h"

namespace fs = std::filesystem;
using testing_jobs::JobTree;

namespace {

// The batch every crash case runs on: three good interchanges (one with two POs) and one
// file with a syntax error (rejected, moved to error/, answered with a rejecting 997).
std::map<std::string, std::string> batch() {
  std::string bad = testing_jobs::amazon_850(904);
  bad.replace(bad.find("BEG*00*NE"), 9, "BEG*00*N!");
  bad.replace(bad.find("*20261120~\nREF"), 10, "*20261399~");
  return {{"msg-a", testing_jobs::amazon_850(901)},
          {"msg-b", testing_jobs::amazon_850(902, 2)},
          {"msg-c", testing_jobs::amazon_850(903)},
          {"msg-d bad", bad}};
}

void drop_batch(JobTree& tree) {
  for (const auto& [name, content] : batch()) tree.drop(name, content);
}

std::multiset<std::string> contents(const std::map<std::string, std::string>& files) {
  std::multiset<std::string> out;
  for (const auto& [path, content] : files) {
    if (path.size() < 11 || path.substr(path.size() - 11) != ".reason.txt") out.insert(content);
  }
  return out;
}

// Checks every guarantee from the folders and the database, not from logs.
void check_invariants(const JobTree& tree) {
  std::multiset<std::string> expected;
  for (const auto& [name, content] : batch()) expected.insert(content);
  std::multiset<std::string> landed = contents(tree.files_under(tree.archive()));
  std::multiset<std::string> errors = contents(tree.files_under(tree.error()));
  landed.insert(errors.begin(), errors.end());
  CHECK(landed == expected);  // every input in exactly one of archive/error
  CHECK(tree.files_under(tree.inbox()).empty());
  CHECK(tree.files_under(tree.root() / "work").empty());
  CHECK(tree.files_under(tree.root() / "staging").empty());

  SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  SQLite::Statement foreign_keys(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(foreign_keys.executeStep());
  CHECK(db.execAndGet("SELECT count(*) FROM interchanges").getInt() == 4);
  CHECK(db.execAndGet("SELECT count(*) FROM transaction_sets").getInt() == 5);
  CHECK(db.execAndGet("SELECT count(*) FROM files WHERE state NOT IN "
                      "('archived', 'error', 'duplicate')")
            .getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM documents WHERE state != 'delivered'").getInt() == 0);

  // Exactly one 997 per interchange in the outbox, unique ISA13s, bytes as stored.
  std::map<std::string, std::string> outbox = tree.files_under(tree.outbox());
  CHECK(outbox.size() == 4);
  std::set<std::string> controls;
  SQLite::Statement documents(db,
                              "SELECT file_name, content, interchange_control FROM documents "
                              "JOIN document_contents ON document_id = id");
  int stored = 0;
  while (documents.executeStep()) {
    ++stored;
    std::string name = documents.getColumn(0).getString();
    SQLite::Column content = documents.getColumn(1);
    std::string bytes(static_cast<const char*>(content.getBlob()),
                      static_cast<std::size_t>(content.getBytes()));
    CAPTURE(name);
    CHECK(outbox[name] == bytes);
    CHECK(bytes.substr(90, 9) == documents.getColumn(2).getString());
    controls.insert(documents.getColumn(2).getString());
  }
  CHECK(stored == 4);
  CHECK(controls.size() == 4);
}

}  // namespace

TEST_SUITE("avedi-receive under faults") {
  TEST_CASE("SIGKILL at each named point, then a re-run, loses and duplicates nothing") {
    const char* points[] = {"before_claim",        "after_claim",         "after_staging_write",
                            "before_commit",       "after_commit",        "before_outbox_rename",
                            "after_outbox_rename", "before_archive_move", "after_archive_move"};
    int kills = 0;
    for (const char* point : points) {
      for (int occurrence = 1; occurrence <= 3; ++occurrence) {
        CAPTURE(point);
        CAPTURE(occurrence);
        JobTree tree;
        drop_batch(tree);
        std::string crash = std::string(point) + ":" + std::to_string(occurrence);
        testing_jobs::RunResult killed = tree.run("avedi-receive", {}, {{"AVEDI_CRASH_AT", crash}});
        REQUIRE(killed.signal == SIGKILL);
        ++kills;
        testing_jobs::RunResult again = tree.run("avedi-receive");
        CHECK(again.exit_code == 65);  // the bad file's rejection is reported by the run
        check_invariants(tree);
      }
    }
    MESSAGE("named kill points exercised: " << kills);
  }

  TEST_CASE("SIGKILL at random instants, then a re-run, loses and duplicates nothing") {
    const unsigned seed = 20261126;
    std::mt19937 random(seed);
    std::uniform_int_distribution<long> delay_us(200, 40000);
    int kills = 0;
    for (int round = 0; round < 25; ++round) {
      JobTree tree;
      drop_batch(tree);
      long delay = delay_us(random);
      CAPTURE(delay);
      testing_jobs::RunResult first = tree.run("avedi-receive", {}, {}, delay);
      kills += first.signal == SIGKILL;
      testing_jobs::RunResult again = tree.run("avedi-receive");
      CHECK((again.exit_code == 65 || again.exit_code == 0));
      check_invariants(tree);
    }
    MESSAGE("random kills (seed " << seed << "): " << kills << " of 25 runs killed mid-way");
  }

  TEST_CASE("two runs started together process each file exactly once") {
    for (int round = 0; round < 5; ++round) {
      JobTree tree;
      drop_batch(tree);
      auto first = std::async(std::launch::async, [&] { return tree.run("avedi-receive"); });
      auto second = std::async(std::launch::async, [&] { return tree.run("avedi-receive"); });
      int a = first.get().exit_code;
      int b = second.get().exit_code;
      CAPTURE(a);
      CAPTURE(b);
      CHECK(((a == 65 && b == 75) || (a == 75 && b == 65) || (a == 65 && b == 0) ||
             (a == 0 && b == 65)));
      check_invariants(tree);
    }
  }
}
