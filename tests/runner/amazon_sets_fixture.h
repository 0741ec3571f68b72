// A job's context on a store and staging folder of its own, for the tests of
// runner::stage_amazon_sets and the build thread behind it.
#pragma once

#include <spdlog/logger.h>
#include <unistd.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runner/amazon_sets.h"
#include "runner/config.h"
#include "runner/effects.h"
#include "runner/job_context.h"
#include "runner/outbox.h"
#include "store/database.h"
#include "store/query_text.h"
#include "store/store_file.h"
#include "util/clock.h"

namespace testing_sets {

namespace fs = std::filesystem;

// One BAK naming `key`: a set's body that says which event it answers.
inline std::vector<x12::SegmentBuilder> bak_naming(const std::string& key) {
  return {x12::SegmentBuilder("BAK").add("00").add("AD").add(key)};
}

// A set per key, each with bak_naming(key) as its body.
inline std::vector<runner::BatchSet> sets_for(const std::vector<std::string>& keys) {
  std::vector<runner::BatchSet> sets;
  for (const std::string& key : keys) {
    sets.push_back({key, std::nullopt, [key] { return bak_naming(key); }});
  }
  return sets;
}

// A job's context on its own store and staging folder, with Amazon and us as partners.
struct Staging {
  testing_store::StoreFile file{"amazon-sets"};
  fs::path staging =
      fs::temp_directory_path() / ("avedi-amazon-sets-" + std::to_string(::getpid()));
  runner::Config config;
  store::Db db{file.path(), store::OpenMode::kReadWrite};
  spdlog::logger log{"amazon-sets-test"};
  runner::RealEffects effects{0640};
  runner::JobContext context{config,
                             db,
                             log,
                             effects,
                             {"avedi-acknowledge", 1, "2026-11-20T10:00:00Z"},
                             *util::parse_iso8601("2026-11-20T10:00:00Z"),
                             "",
                             staging.string()};

  Staging() {
    config.ours = {"ZZ", "VENDORID", "VENDORID"};
    config.amazon = {"ZZ", "AMAZON", "AMAZON"};
    fs::remove_all(staging);
    fs::create_directories(staging);
    db.sql().exec("INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-acknowledge', 't')");
  }
  ~Staging() { fs::remove_all(staging); }

  // Stages one set per key (a BAK naming it) in one transaction and commits.
  std::vector<runner::PlacedSet> stage(const std::vector<std::string>& keys) {
    store::Transaction transaction(db);
    std::vector<runner::PlacedSet> placed = stage_in_open_transaction(keys);
    runner::commit_staged(context, transaction);
    return placed;
  }

  std::vector<runner::PlacedSet> stage_in_open_transaction(const std::vector<std::string>& keys) {
    return runner::stage_amazon_sets(context, "855", runner::X12Version::k4010, sets_for(keys));
  }
};

inline std::string sets_table(store::Db& db) {
  return testing_store::query_text(
      db.sql(),
      "SELECT d.file_name, s.set_control, s.business_key FROM document_sets s JOIN documents d "
      "ON d.id = s.document_id ORDER BY s.id");
}

}  // namespace testing_sets
