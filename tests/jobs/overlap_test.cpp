// Overlapping runs: four invocations of each job started together on the same folders (as cron
// does when a run is slow), a run that finds its job's lock taken, and the operator's retry and
// resend racing the job that owns the file or document. Checked from the folders and the store.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <future>
#include <random>
#include <thread>

#include "fault_support.h"
#include "job_scenarios.h"

namespace fs = std::filesystem;
using testing_jobs::count;
using testing_jobs::JobTree;
using testing_jobs::RunResult;

namespace {

constexpr int kRounds = 3;
constexpr int kInvocations = 4;

// Starts `invocations` runs of `job` at once; their exit codes.
std::vector<int> run_together(const JobTree& tree, const std::string& job,
                              const std::map<std::string, std::string>& env, int invocations) {
  std::vector<std::future<RunResult>> runs;
  for (int i = 0; i < invocations; ++i) {
    runs.push_back(std::async(std::launch::async, [&] { return tree.run(job, {}, env); }));
  }
  std::vector<int> codes;
  for (auto& run : runs) codes.push_back(run.get().exit_code);
  return codes;
}

// Every file under the tree but the log (a run that leaves says so in the log).
std::map<std::string, std::string> everything_but_the_log(const JobTree& tree) {
  std::map<std::string, std::string> files = tree.files_under(tree.root());
  std::erase_if(files, [](const auto& entry) { return entry.first.rfind("log/", 0) == 0; });
  return files;
}

// The prepared installation of `job`'s scenario and what one undisturbed run leaves.
struct Reference {
  testing_jobs::JobScenario scenario;
  JobTree prepared;
  int exit_code = 0;
  testing_jobs::TreeState state;

  explicit Reference(const std::string& job) : scenario(testing_jobs::job_scenario(job)) {
    scenario.upstream(prepared);
    JobTree tree;
    testing_jobs::copy_installation(prepared, tree);
    scenario.batch(tree);
    exit_code = tree.run(job, {}, scenario.now).exit_code;
    state = testing_jobs::capture(tree);
  }
};

}  // namespace

TEST_SUITE("jobs overlapping") {
  TEST_CASE("four runs of a job started together take each file once, the others exit 75") {
    for (const testing_jobs::JobScenario& each : testing_jobs::job_scenarios()) {
      CAPTURE(each.job);
      Reference reference(each.job);
      for (int round = 0; round < kRounds; ++round) {
        JobTree tree;
        testing_jobs::copy_installation(reference.prepared, tree);
        testing_jobs::Before before = testing_jobs::before_run(tree);
        std::multiset<std::string> inputs = reference.scenario.batch(tree);
        long runs_before = count(tree, "SELECT count(*) FROM runs WHERE job = '" + each.job + "'");
        std::vector<int> codes = run_together(tree, each.job, each.now, kInvocations);
        CAPTURE(codes);
        int ran = 0;
        for (int code : codes) {
          CHECK((code == 75 || code == 0 || code == reference.exit_code));
          ran += code != 75;
        }
        CHECK(ran >= 1);
        // A run that found the lock taken left before opening the store: no run row.
        CHECK(count(tree, "SELECT count(*) FROM runs WHERE job = '" + each.job + "'") ==
              runs_before + ran);
        testing_jobs::check_guarantees(tree, before, inputs);
        CHECK(testing_jobs::first_difference(reference.state, testing_jobs::capture(tree)) == "");
      }
    }
  }

  TEST_CASE("a run that finds its job's lock taken exits 75 and changes no file and no row") {
    for (const testing_jobs::JobScenario& each : testing_jobs::job_scenarios()) {
      CAPTURE(each.job);
      JobTree tree;
      each.upstream(tree);
      each.batch(tree);
      std::string lock = tree.database().string() + "." + each.job + ".lock";
      int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0600);
      REQUIRE(::flock(fd, LOCK_EX) == 0);
      std::map<std::string, std::string> before = everything_but_the_log(tree);
      std::vector<int> codes = run_together(tree, each.job, each.now, kInvocations);
      ::close(fd);
      CHECK(codes == std::vector<int>(kInvocations, 75));
      CHECK(everything_but_the_log(tree) == before);  // the store's bytes included
    }
  }

  TEST_CASE("every job at once, twice each, on one store: no run fails, nothing is lost") {
    // As cron starts them all in the same minute: different locks, one SQLite store. Each
    // queues on the store's busy timeout; none may give up (74). Then one pass in pipeline
    // order finishes what the order of the race left (e.g. a PO received after ack ran).
    testing_jobs::JobScenario receive = testing_jobs::job_scenario("avedi-receive");
    JobTree prepared;
    receive.upstream(prepared);
    for (int round = 0; round < kRounds; ++round) {
      CAPTURE(round);
      JobTree tree;
      testing_jobs::copy_installation(prepared, tree);
      testing_jobs::Before before = testing_jobs::before_run(tree);
      std::multiset<std::string> inputs = receive.batch(tree);
      std::string inventory = "sku,available\nWID-100,40\nWID-200,30\n";
      tree.drop_3pl("inventory_late.csv", inventory);
      inputs.insert(inventory);
      std::vector<std::future<std::vector<int>>> jobs;
      for (const testing_jobs::JobScenario& each : testing_jobs::job_scenarios()) {
        jobs.push_back(std::async(std::launch::async, [&tree, &receive, job = each.job] {
          return run_together(tree, job, receive.now, 2);
        }));
      }
      for (auto& job : jobs) {
        for (int code : job.get()) CHECK((code == 0 || code == 65 || code == 75));
      }
      for (const testing_jobs::JobScenario& each : testing_jobs::job_scenarios()) {
        int code = tree.run(each.job, {}, receive.now).exit_code;
        CAPTURE(each.job);
        CHECK((code == 0 || code == 65));
      }
      testing_jobs::check_guarantees(tree, before, inputs);
    }
  }

  TEST_CASE("retry racing avedi-receive on the same file: it is taken once, never lost") {
    // File #1 was refused (a test sender id); the config now accepts it. The operator retries
    // it while a receive run (with more files, or with --file on the very file) starts.
    JobTree prepared;
    std::string refused = testing_jobs::amazon_850(3101);
    refused.replace(refused.find("AMAZON         "), 15, "AMAZONTEST     ");
    prepared.drop("po-from-test-id", refused);
    REQUIRE(prepared.run("avedi-receive", {}, testing_jobs::kFixedNow).exit_code == 65);
    prepared.edit_config("isa_id: AMAZON,", "isa_id: AMAZONTEST,");
    std::mt19937 random(7);
    std::uniform_int_distribution<int> stagger_us(0, 30000);
    std::map<int, int> outcomes;  // retry's exit code -> rounds
    for (int round = 0; round < 12; ++round) {
      JobTree tree;
      testing_jobs::copy_installation(prepared, tree);
      testing_jobs::Before before = testing_jobs::before_run(tree);
      std::multiset<std::string> inputs;
      std::vector<std::string> args;
      if (round % 2 == 0) {
        for (int other = 0; other < 3; ++other) {
          std::string content = testing_jobs::amazon_850(3200 + other, 2);
          content.replace(content.find("AMAZON         "), 15, "AMAZONTEST     ");
          tree.drop("other-" + std::to_string(other), content);
          inputs.insert(content);
        }
      } else {
        args = {"--file", (tree.error() / "po-from-test-id").string()};
      }
      int stagger = stagger_us(random);
      CAPTURE(round);
      CAPTURE(stagger);
      auto job = std::async(std::launch::async, [&] {
        return tree.run("avedi-receive", args, testing_jobs::kFixedNow);
      });
      std::this_thread::sleep_for(std::chrono::microseconds(stagger));
      RunResult retry = tree.run_avedi({"retry", "1"}, testing_jobs::kFixedNow);
      RunResult run = job.get();
      CAPTURE(retry.output);
      CAPTURE(run.output);
      CHECK((retry.exit_code == 0 || retry.exit_code == 75 || retry.exit_code == 65));
      // --file on a file that retry already moved back to the inbox: nothing to read (74).
      bool file_gone = !args.empty() && retry.exit_code == 0;
      CHECK((run.exit_code == 0 || run.exit_code == 75 || (file_gone && run.exit_code == 74)));
      ++outcomes[retry.exit_code];
      // Whatever won, a later retry (if still needed) and run finish the file.
      if (fs::exists(tree.error() / "po-from-test-id")) {
        CHECK(tree.run_avedi({"retry", "1"}, testing_jobs::kFixedNow).exit_code == 0);
      }
      CHECK(tree.run("avedi-receive", {}, testing_jobs::kFixedNow).exit_code == 0);
      // The refused file was in error/ before: now it is in the archive, once.
      before.stored_inputs.erase(before.stored_inputs.find(refused));
      inputs.insert(refused);
      testing_jobs::check_guarantees(tree, before, inputs);
      CHECK(tree.files_under(tree.error()).empty());
      CHECK(count(tree, "SELECT count(*) FROM purchase_orders WHERE po_number = 'PO3101X1'") == 1);
      // Every record's place holds its file.
      SQLite::Database db(tree.database().string(), SQLite::OPEN_READONLY);
      SQLite::Statement places(db,
                               "SELECT id, stored_path FROM files WHERE state IN "
                               "('archived', 'duplicate', 'error')");
      while (places.executeStep()) {
        CAPTURE(places.getColumn(0).getInt());
        CHECK(fs::exists(places.getColumn(1).getString()));
      }
    }
    MESSAGE("retry exit codes over the races (code: rounds): "
            << outcomes.size() << " kinds, 0:" << outcomes[0] << " 75:" << outcomes[75]
            << " 65:" << outcomes[65]);
  }

  TEST_CASE("resend racing avedi-receive and other resends: one delivery at a time, same bytes") {
    // Document #1 (a 997) was delivered and picked up by the gateway; Amazon asks for it again
    // while new files arrive.
    JobTree prepared;
    prepared.drop("po", testing_jobs::amazon_850(4001));
    REQUIRE(prepared.run("avedi-receive", {}, testing_jobs::kFixedNow).exit_code == 0);
    std::map<std::string, std::string> sent = prepared.files_under(prepared.outbox());
    REQUIRE(sent.size() == 1);
    fs::remove(prepared.outbox() / sent.begin()->first);
    std::mt19937 random(11);
    std::uniform_int_distribution<int> stagger_us(0, 30000);
    for (int round = 0; round < 8; ++round) {
      JobTree tree;
      testing_jobs::copy_installation(prepared, tree);
      testing_jobs::Before before = testing_jobs::before_run(tree);
      std::multiset<std::string> inputs;
      for (int other = 0; other < 3; ++other) {
        std::string content = testing_jobs::amazon_850(4100 + other, 2);
        tree.drop("other-" + std::to_string(other), content);
        inputs.insert(content);
      }
      int stagger = stagger_us(random);
      CAPTURE(round);
      CAPTURE(stagger);
      auto job = std::async(std::launch::async,
                            [&] { return tree.run("avedi-receive", {}, testing_jobs::kFixedNow); });
      std::this_thread::sleep_for(std::chrono::microseconds(stagger));
      std::vector<std::future<RunResult>> resends;
      for (int i = 0; i < 3; ++i) {
        resends.push_back(std::async(std::launch::async, [&] {
          return tree.run_avedi({"resend", "1"}, testing_jobs::kFixedNow);
        }));
      }
      int delivered = 0;
      for (auto& resend : resends) {
        RunResult result = resend.get();
        CAPTURE(result.output);
        CHECK((result.exit_code == 0 || result.exit_code == 75));
        delivered += result.exit_code == 0;
      }
      RunResult run = job.get();
      CHECK((run.exit_code == 0 || run.exit_code == 75));
      if (run.exit_code == 75) {
        CHECK(tree.run("avedi-receive", {}, testing_jobs::kFixedNow).exit_code == 0);
      }
      if (delivered == 0) {
        CHECK(tree.run_avedi({"resend", "1"}, testing_jobs::kFixedNow).exit_code == 0);
        delivered = 1;
      }
      testing_jobs::check_guarantees(tree, before, inputs);
      CHECK(tree.files_under(tree.outbox())[sent.begin()->first] == sent.begin()->second);
      CHECK(count(tree, "SELECT deliveries FROM documents WHERE id = 1") == 1 + delivered);
      CHECK(count(tree, "SELECT count(*) FROM documents") == 1 + 3);  // one 997 per new file
    }
  }
}
