// Replays in the normal suite, through every fuzz check (tests/fuzz/fuzz_checks.h), each input
// a fuzzer once broke (tests/data/fuzz-regressions/: .edi and .csv files) and the seeds the
// fuzzers start from. A fixed bug that comes back fails here without running a fuzzer.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_checks.h"
#include "golden_support.h"
#include "util/file.h"

namespace {

using Check = std::string (*)(std::string_view);

struct NamedCheck {
  const char* name;
  Check check;
};

const std::vector<NamedCheck>& every_check() {
  static const std::vector<NamedCheck> checks = {
      {"x12_reader", fuzz::check_x12_reader},
      {"purchase_order_850", fuzz::check_purchase_order_850},
      {"routing_instructions_754", fuzz::check_routing_instructions_754},
      {"functional_ack_997", fuzz::check_functional_ack_997},
      {"csv", fuzz::check_csv},
      {"inventory_csv", fuzz::check_inventory_csv},
      {"ready_csv", fuzz::check_ready_csv},
      {"shipped_csv", fuzz::check_shipped_csv},
      {"catalog_csv", fuzz::check_catalog_csv},
  };
  return checks;
}

// Runs every check on every file of `folder` ending in one of `extensions`; returns the count.
int replay(const std::string& folder, const std::vector<std::string>& extensions) {
  int files = 0;
  for (const std::string& extension : extensions) {
    for (const std::string& path : golden::list_files(folder, extension)) {
      ++files;
      std::string input = util::read_file(path);
      for (const NamedCheck& check : every_check()) {
        CAPTURE(path);
        CAPTURE(check.name);
        CHECK(check.check(input) == "");
      }
    }
  }
  return files;
}

}  // namespace

TEST_SUITE("fuzz regressions") {
  TEST_CASE("every input a fuzzer once broke passes every fuzz check") {
    CHECK(replay(AVEDI_TEST_DATA "/fuzz-regressions", {".edi", ".csv"}) >= 4);
  }

  TEST_CASE("every fuzz seed passes every fuzz check") {
    const std::string root = AVEDI_TEST_DATA "/../..";
    int files = replay(AVEDI_TEST_DATA "/samples", {".edi"});
    files += replay(AVEDI_GOLDEN_DIR "/malformed", {".edi"});
    files += replay(root + "/sample-inbox/as2", {".edi"});
    files += replay(root + "/sample-inbox/3pl", {".csv"});
    files += replay(root + "/config", {".csv"});
    CHECK(files >= 40);
  }
}
