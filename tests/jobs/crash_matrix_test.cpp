// The crash matrix: every job, on a realistic batch, killed (SIGKILL) at every passage through
// every named crash point and at seeded random instants, then run again to completion. After
// each kill the folders and the store must hold exactly what one undisturbed run under the same
// AVEDI_NOW leaves (same files, same bytes, same control numbers, same rows), every guarantee
// of fault_support.h must hold, and the next run must exit 0 and change nothing.
// AVEDI_CRASH_SEED=<n> replays the random kills of a failed run (the seed is printed).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <random>
#include <sstream>

#include "fault_support.h"
#include "job_scenarios.h"

namespace fs = std::filesystem;
using testing_jobs::JobTree;
using testing_jobs::RunResult;

namespace {

// Every named point in src/ (see util/crash_point.h); a job that never passes one is run
// once with it set, which must then change nothing about the outcome.
const char* const kCrashPoints[] = {
    "before_claim",        "after_claim",           "after_staging_write",  "before_commit",
    "after_commit",        "before_release_commit", "after_release_commit", "before_outbox_rename",
    "after_outbox_rename", "before_archive_move",   "after_archive_move"};

// Passages per point killed at; above every batch's largest count (a receive run passes
// before_claim once per file, six files), so each passage is a case of its own.
constexpr int kMaxPassages = 10;

// Random kills per job (delays that outlast a run are drawn again, up to as many more), and
// the default seed (AVEDI_CRASH_SEED overrides it).
constexpr int kRandomKills = 10;
constexpr unsigned kDefaultSeed = 20261126;

long microseconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

unsigned crash_seed() {
  const char* given = std::getenv("AVEDI_CRASH_SEED");
  return given != nullptr && *given != '\0'
             ? static_cast<unsigned>(std::strtoul(given, nullptr, 10))
             : kDefaultSeed;
}

class CrashMatrix {
 public:
  explicit CrashMatrix(const std::string& job) : scenario_(testing_jobs::job_scenario(job)) {
    scenario_.upstream(prepared_);
    JobTree reference;
    testing_jobs::copy_installation(prepared_, reference);
    testing_jobs::Before before = testing_jobs::before_run(reference);
    std::multiset<std::string> inputs = scenario_.batch(reference);
    auto start = std::chrono::steady_clock::now();
    RunResult run = reference.run(scenario_.job, {}, scenario_.now);
    complete_runs_us_.push_back(microseconds_since(start));
    CAPTURE(run.output);
    REQUIRE((run.exit_code == 0 || run.exit_code == 65));
    reference_exit_ = run.exit_code;
    testing_jobs::check_guarantees(reference, before, inputs);
    expected_ = testing_jobs::capture(reference);
    RunResult next = reference.run(scenario_.job, {}, scenario_.now);
    CHECK(next.exit_code == 0);
    REQUIRE(testing_jobs::first_difference(expected_, testing_jobs::capture(reference)) == "");
  }

  // Kills the job at each passage of each named point; returns the kills.
  int named_points() {
    int kills = 0;
    std::ostringstream passages;
    for (const char* point : kCrashPoints) {
      int passed = 0;
      while (passed < kMaxPassages &&
             one_case({{"AVEDI_CRASH_AT", std::string(point) + ":" + std::to_string(passed + 1)}},
                      0)) {
        ++passed;
      }
      kills += passed;
      passages << " " << point << " x" << passed;
    }
    MESSAGE(scenario_.job << " passes:" << passages.str());
    return kills;
  }

  // Kills the job after random delays spread over a whole run's time (the median of the
  // complete runs so far, from fork to exit); returns the kills.
  int random_instants(unsigned seed) {
    std::mt19937 random(seed);
    std::sort(complete_runs_us_.begin(), complete_runs_us_.end());
    long whole_run_us = complete_runs_us_[complete_runs_us_.size() / 2];
    std::uniform_int_distribution<long> delay_us(100, std::max(whole_run_us, 5000L));
    int kills = 0;
    for (int round = 0; round < 2 * kRandomKills && kills < kRandomKills; ++round) {
      kills += one_case({}, delay_us(random));
    }
    return kills;
  }

 private:
  // One case on a fresh copy of the prepared installation: true when the job was killed.
  bool one_case(const std::map<std::string, std::string>& crash, long kill_after_us) {
    CAPTURE(crash);
    CAPTURE(kill_after_us);
    JobTree tree;
    testing_jobs::copy_installation(prepared_, tree);
    testing_jobs::Before before = testing_jobs::before_run(tree);
    std::multiset<std::string> inputs = scenario_.batch(tree);
    std::map<std::string, std::string> env = scenario_.now;
    env.insert(crash.begin(), crash.end());
    auto start = std::chrono::steady_clock::now();
    RunResult first = tree.run(scenario_.job, {}, env, kill_after_us);
    bool killed = first.signal == SIGKILL;
    if (!killed) {
      complete_runs_us_.push_back(microseconds_since(start));
      // The point was passed fewer times (or the delay outlasted the run): a complete run.
      CAPTURE(first.output);
      CHECK(first.exit_code == reference_exit_);
    } else {
      RunResult again = tree.run(scenario_.job, {}, scenario_.now);
      CAPTURE(again.output);
      CHECK((again.exit_code == reference_exit_ || again.exit_code == 0));
    }
    testing_jobs::check_guarantees(tree, before, inputs);
    CHECK(testing_jobs::first_difference(expected_, testing_jobs::capture(tree)) == "");
    RunResult next = tree.run(scenario_.job, {}, scenario_.now);
    CAPTURE(next.output);
    CHECK(next.exit_code == 0);
    CHECK(testing_jobs::first_difference(expected_, testing_jobs::capture(tree)) == "");
    return killed;
  }

  testing_jobs::JobScenario scenario_;
  JobTree prepared_;
  std::vector<long> complete_runs_us_;
  int reference_exit_ = 0;
  testing_jobs::TreeState expected_;
};

void run_matrix(const std::string& job) {
  auto start = std::chrono::steady_clock::now();
  unsigned seed = crash_seed();
  MESSAGE(job << ": random kills with seed " << seed);
  CrashMatrix matrix(job);
  int named = matrix.named_points();
  int random = matrix.random_instants(seed);
  auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
  MESSAGE(job << ": " << named + random << " kills (" << named << " at named points, " << random
              << " at random instants, seed " << seed << ", replay with AVEDI_CRASH_SEED=" << seed
              << ") in " << seconds.count() << " s");
  // Every job must at least be killed between its commit and its delivery, and randomly.
  CHECK(named >= 3);
}

}  // namespace

TEST_SUITE("crash matrix") {
  TEST_CASE("avedi-receive killed anywhere loses and repeats nothing") {
    run_matrix("avedi-receive");
  }
  TEST_CASE("avedi-stock killed anywhere loses and repeats nothing") { run_matrix("avedi-stock"); }
  TEST_CASE("avedi-acknowledge killed anywhere loses and repeats nothing") {
    run_matrix("avedi-acknowledge");
  }
  TEST_CASE("avedi-route killed anywhere loses and repeats nothing") { run_matrix("avedi-route"); }
  TEST_CASE("avedi-ship killed anywhere loses and repeats nothing") { run_matrix("avedi-ship"); }
  TEST_CASE("avedi-invoice killed anywhere loses and repeats nothing") {
    run_matrix("avedi-invoice");
  }
}
