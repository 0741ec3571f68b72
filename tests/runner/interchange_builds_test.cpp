// The build thread behind runner::stage_amazon_sets (runner/interchange_builds.h): the bodies
// run there after the places are known, and the transaction decides what is kept: a commit
// records every build first (or fails), a rollback drops them with their numbers.
#include "runner/interchange_builds.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "runner/amazon_sets_fixture.h"
#include "util/file.h"

using testing_sets::bak_naming;
using testing_sets::sets_table;
using testing_sets::Staging;

namespace {

std::string documents_table(store::Db& db) {
  return testing_store::query_text(
      db.sql(), "SELECT business_key, file_name, length(sha256) FROM documents ORDER BY id");
}

std::vector<std::string> staged_files(const Staging& staging) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(staging.staging)) {
    names.push_back(entry.path().filename().string());
  }
  return names;
}

}  // namespace

TEST_SUITE("runner::InterchangeBuilds") {
  TEST_CASE("the bodies run on the build thread, after the sets' places are known") {
    Staging staging;
    auto ran_on = std::make_shared<std::thread::id>();
    std::vector<runner::BatchSet> sets{{"855:po:1", std::nullopt, [ran_on] {
                                          *ran_on = std::this_thread::get_id();
                                          return bak_naming("855:po:1");
                                        }}};
    store::Transaction transaction(staging.db);
    std::vector<runner::PlacedSet> placed =
        runner::stage_amazon_sets(staging.context, "855", runner::X12Version::k4010, sets);
    CHECK(placed[0].file_name == "avedi_855_000000001.edi");
    CHECK(placed[0].set_control == "0001");
    runner::commit_staged(staging.context, transaction);
    CHECK(*ran_on != std::thread::id());
    CHECK(*ran_on != std::this_thread::get_id());
    CHECK(documents_table(staging.db) == "855:sets:855:po:1|avedi_855_000000001.edi|64\n");
    CHECK(sets_table(staging.db) == "avedi_855_000000001.edi|0001|855:po:1\n");
    std::string staged = util::read_file((staging.staging / "avedi_855_000000001.edi").string());
    CHECK(staged.find("BAK*00*AD*855:po:1~\n") != std::string::npos);
  }

  TEST_CASE("a rollback drops its builds: no row, no staging file, the numbers used again") {
    Staging staging;
    {
      store::Transaction transaction(staging.db);
      staging.stage_in_open_transaction({"855:po:1", "855:po:2"});
    }  // rolled back
    std::vector<runner::PlacedSet> placed = staging.stage({"855:po:3"});
    CHECK(placed[0].file_name == "avedi_855_000000001.edi");
    CHECK(documents_table(staging.db) == "855:sets:855:po:3|avedi_855_000000001.edi|64\n");
    CHECK(sets_table(staging.db) == "avedi_855_000000001.edi|0001|855:po:3\n");
    CHECK(staged_files(staging) == std::vector<std::string>{"avedi_855_000000001.edi"});
    std::string staged = util::read_file((staging.staging / "avedi_855_000000001.edi").string());
    CHECK(staged.find("855:po:1") == std::string::npos);
  }

  TEST_CASE("a commit that would leave a build unrecorded fails and keeps nothing") {
    Staging staging;
    {
      store::Transaction transaction(staging.db);
      staging.stage_in_open_transaction({"855:po:1"});
      CHECK_THROWS(transaction.commit());  // not commit_staged: the build is not recorded
    }
    CHECK(documents_table(staging.db).empty());
    CHECK(staged_files(staging).empty());
    CHECK(staging.stage({"855:po:1"})[0].file_name == "avedi_855_000000001.edi");
  }

  TEST_CASE("what a build throws reaches the commit, which keeps nothing") {
    Staging staging;
    std::vector<runner::BatchSet> sets{
        {"855:po:1", std::nullopt, []() -> std::vector<x12::SegmentBuilder> {
           throw std::logic_error("the 855 of PO 1 cannot be built");
         }}};
    {
      store::Transaction transaction(staging.db);
      runner::stage_amazon_sets(staging.context, "855", runner::X12Version::k4010, sets);
      CHECK_THROWS_WITH(runner::commit_staged(staging.context, transaction),
                        "the 855 of PO 1 cannot be built");
    }
    CHECK(documents_table(staging.db).empty());
    CHECK(staged_files(staging).empty());
  }

  TEST_CASE("an event staged twice in one transaction gets one set, at its first place") {
    Staging staging;
    store::Transaction transaction(staging.db);
    std::vector<runner::PlacedSet> first = staging.stage_in_open_transaction({"855:po:1"});
    std::vector<runner::PlacedSet> again =
        staging.stage_in_open_transaction({"855:po:1", "855:po:2"});
    runner::commit_staged(staging.context, transaction);
    CHECK(again[0].file_name == first[0].file_name);
    CHECK(again[0].set_control == first[0].set_control);
    CHECK(again[1].file_name == "avedi_855_000000002.edi");
    CHECK(sets_table(staging.db) ==
          "avedi_855_000000001.edi|0001|855:po:1\navedi_855_000000002.edi|0001|855:po:2\n");
  }

  TEST_CASE("BuildsFinished waits for the builds before what they read goes") {
    Staging staging;
    auto done = std::make_shared<std::atomic<bool>>(false);
    std::vector<runner::BatchSet> sets{{"855:po:1", std::nullopt, [done] {
                                          std::this_thread::sleep_for(
                                              std::chrono::milliseconds(50));
                                          *done = true;
                                          return bak_naming("855:po:1");
                                        }}};
    SUBCASE("when the caller returns") {
      store::Transaction transaction(staging.db);
      {
        runner::BuildsFinished finished(staging.context.builds);
        runner::stage_amazon_sets(staging.context, "855", runner::X12Version::k4010, sets);
      }
      CHECK(done->load());
      runner::commit_staged(staging.context, transaction);
      CHECK(sets_table(staging.db) == "avedi_855_000000001.edi|0001|855:po:1\n");
    }
    SUBCASE("when an exception leaves the caller, and the rollback keeps nothing") {
      {
        store::Transaction transaction(staging.db);
        try {
          runner::BuildsFinished finished(staging.context.builds);
          runner::stage_amazon_sets(staging.context, "855", runner::X12Version::k4010, sets);
          throw std::runtime_error("the store failed");
        } catch (const std::runtime_error&) {
          CHECK(done->load());  // the transaction is still open: only the guard waited
        }
      }
      CHECK(documents_table(staging.db).empty());
    }
  }
}
