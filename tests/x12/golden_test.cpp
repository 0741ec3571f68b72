// Golden tests of the X12 engine: for every sample and every malformed case, the full report
// (outline, each problem with its position, the TA1/997 answer) must equal the reviewed
// `.expected` file. The report is what `avedi inspect` prints.
#include <doctest/doctest.h>

#include <filesystem>

#include "golden_support.h"
#include "util/file.h"
#include "x12/report.h"

namespace {

x12::ReportSettings fixed_settings() {
  x12::ReportSettings settings;
  settings.date = "20261126";
  settings.time = "0830";
  return settings;
}

void check_folder(const std::string& inputs, const std::string& expected_folder) {
  std::vector<std::string> files = golden::list_files(inputs, ".edi");
  REQUIRE(!files.empty());
  for (const std::string& path : files) {
    std::filesystem::path input(path);
    std::string name = input.filename().string();
    x12::Report report = x12::inspect_x12(util::read_file(path), name, fixed_settings());
    std::string expected = expected_folder + "/" + input.stem().string() + ".expected";
    CAPTURE(name);
    CHECK(golden::compare_or_update(expected, report.text) == "");
  }
}

}  // namespace

TEST_SUITE("x12 golden") {
  TEST_CASE("malformed cases give their documented problems and acknowledgements") {
    check_folder(AVEDI_GOLDEN_DIR "/malformed", AVEDI_GOLDEN_DIR "/malformed");
  }

  TEST_CASE("public samples give their documented problems and acknowledgements") {
    check_folder(AVEDI_TEST_DATA "/samples", AVEDI_GOLDEN_DIR "/samples");
  }
}
