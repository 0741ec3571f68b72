// read -> write -> read gives the same tree for every valid public sample, with avedi's
// delimiters and with others. With AVEDI_EXPORT_DIR set, also writes every file the writer
// produced there, for the independent parser check (tests/independent/run.sh).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "golden_support.h"
#include "test_files.h"
#include "util/file.h"
#include "x12/acknowledgment.h"
#include "x12/describe.h"
#include "x12/reader.h"
#include "x12/report.h"
#include "x12/rewrite.h"

namespace {

void export_file(const std::string& name, const std::string& content) {
  const char* folder = std::getenv("AVEDI_EXPORT_DIR");
  if (folder == nullptr || content.empty()) return;
  std::ofstream(std::string(folder) + "/" + name, std::ios::binary) << content;
}

std::vector<x12::WriteOptions> delimiter_sets() {
  return {
      {{'*', '>', '~', '^'}, x12::LineBreak::kNone},
      {{'*', '>', '~', '^'}, x12::LineBreak::kAfterSegment},
      {{'|', ':', '\n', '^'}, x12::LineBreak::kNone},
      {{'^', '\\', '}', '~'}, x12::LineBreak::kAfterSegment},
  };
}

}  // namespace

TEST_SUITE("x12 round trip") {
  TEST_CASE("every valid public sample reads, rewrites and reads back to the same tree") {
    int valid = 0;
    for (const std::string& path : golden::list_files(AVEDI_TEST_DATA "/samples", ".edi")) {
      std::string text = util::read_file(path);
      std::string name = std::filesystem::path(path).stem().string();
      x12::Issues issues;
      x12::Document original = x12::read_document(text, name, issues);
      if (!issues.empty()) continue;  // the broken samples have their golden errors instead
      ++valid;
      int variant = 0;
      for (const x12::WriteOptions& options : delimiter_sets()) {
        CAPTURE(name);
        CAPTURE(variant);
        std::string written;
        try {
          written = x12::rewrite_document(original, options);
        } catch (const x12::WriteError& error) {
          // Refusing is right when the data holds one of the new delimiters.
          CHECK(std::string(error.what()).find("contains the delimiter") != std::string::npos);
          continue;
        }
        x12::Issues again;
        x12::Document reread = x12::read_document(written, name, again);
        CHECK(again.empty());
        CHECK(x12::dump_segments(reread) == x12::dump_segments(original));
        export_file(name + ".rewritten" + std::to_string(variant++) + ".edi", written);
      }
    }
    CHECK(valid >= 20);
  }

  TEST_CASE("every answer avedi writes to the golden inputs reads back without a problem") {
    x12::ReportSettings settings;
    settings.date = "20261126";
    settings.time = "0830";
    int answers = 0;
    for (const std::string& folder :
         {std::string(AVEDI_TEST_DATA "/samples"), std::string(AVEDI_GOLDEN_DIR "/malformed"),
          std::string(AVEDI_TEST_DATA "/fuzz-regressions")}) {
      for (const std::string& path : golden::list_files(folder, ".edi")) {
        std::string text = util::read_file(path);
        x12::Issues issues;
        x12::Document document = x12::read_document(text, "in", issues);
        for (std::size_t i = 0; i < document.interchanges.size(); ++i) {
          x12::AcknowledgmentPlan plan =
              x12::plan_acknowledgment(document.interchanges[i], static_cast<int>(i), issues);
          x12::AcknowledgmentEnvelope envelope;
          envelope.interchange = {"00",  "",       "00",     "",     "ZZ",    "VENDORID",
                                  "ZZ",  "AMAZON", "261126", "0830", "00401", std::to_string(i + 1),
                                  false, 'P'};
          envelope.group = {"", "VENDORID", "AMAZON", "20261126", "0830", std::to_string(i + 1)};
          std::string answer = x12::write_acknowledgment(plan, envelope);
          if (answer.empty()) continue;
          ++answers;
          x12::Issues answer_issues;
          x12::read_document(answer, "answer", answer_issues);
          CAPTURE(path);
          CHECK(answer_issues.empty());
          export_file(std::filesystem::path(path).stem().string() + ".answer" +
                          std::to_string(i + 1) + ".edi",
                      answer);
        }
      }
    }
    CHECK(answers >= 50);
  }
}
