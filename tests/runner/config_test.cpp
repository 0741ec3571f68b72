// The configuration: every bad value stops the run with its key and the reason.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "runner/config.h"

namespace fs = std::filesystem;

namespace {

struct ConfigFolder {
  fs::path root;
  ConfigFolder() {
    char pattern[] = "/tmp/avedi-config-XXXXXX";
    root = ::mkdtemp(pattern);
    for (const char* folder : {"as2/in", "as2/out", "3pl/in", "3pl/out", "work", "archive",
                               "error", "staging", "log"}) {
      fs::create_directories(root / folder);
    }
  }
  ~ConfigFolder() { fs::remove_all(root); }

  std::string write(const std::string& extra, const std::string& replace_from = "",
                    const std::string& replace_to = "") const {
    std::string text =
        "as2: {inbox: as2/in, outbox: as2/out}\ntpl: {inbox: 3pl/in, outbox: 3pl/out}\n"
        "work: work\narchive: archive\nerror: error\nstaging: staging\ndatabase: avedi.db\n"
        "log: log/avedi.log\npartners:\n  ours: {isa_qualifier: ZZ, isa_id: VENDORID}\n"
        "  amazon: {isa_qualifier: ZZ, isa_id: AMAZON}\nusage: T\n"
        "vendors: [{code: VEND01, freight_terms: collect}]\ncatalog: catalog.csv\n" +
        extra;
    if (!replace_from.empty()) text.replace(text.find(replace_from), replace_from.size(), replace_to);
    std::string path = (root / "avedi.yaml").string();
    std::ofstream(path) << text;
    return path;
  }
};

std::string error_of(const std::string& path) {
  try {
    runner::load_config(path, runner::FolderCheck::kRequireExisting);
  } catch (const runner::ConfigError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_SUITE("runner::load_config") {
  TEST_CASE("a valid config resolves paths against its own folder") {
    ConfigFolder folder;
    runner::Config config =
        runner::load_config(folder.write(""), runner::FolderCheck::kRequireExisting);
    CHECK(config.folders.as2_inbox == (folder.root / "as2/in").string());
    CHECK(config.ours.gs_id == "VENDORID");  // defaults to the ISA id
    CHECK(config.vendors.at(0).freight_terms == runner::FreightTerms::kCollect);
    CHECK(config.intake.min_age_seconds == 10);
    CHECK(config.ack_limit_hours.at("856") == 4);
  }

  TEST_CASE("each bad value names its key") {
    ConfigFolder folder;
    std::string path = (folder.root / "avedi.yaml").string();
    struct Case {
      const char* extra;
      const char* from;
      const char* to;
      const char* message;
    };
    const Case cases[] = {
        {"intake: {max_file_byts: 10}\n", "", "", "intake.max_file_byts: unknown key (a typo?)"},
        {"", "inbox: as2/in,", "inbox: as2/nowhere,",
         "as2.inbox: folder does not exist (avedi init creates avedi's own folders)"},
        {"", "usage: T", "usage: X", "usage: must be T (test) or P (production)"},
        {"", "freight_terms: collect", "freight_terms: cheap",
         "vendors[0].freight_terms: must be collect or prepaid"},
        {"", "isa_id: VENDORID", "isa_id: A-VERY-LONG-VENDOR-ID",
         "partners.ours.isa_id: \"A-VERY-LONG-VENDOR-ID\" is longer than 15 characters"},
        {"intake: {min_age_seconds: soon}\n", "", "",
         "intake.min_age_seconds: \"soon\" is not a whole number"},
        {"shipping: {gs1_company_prefix: \"12AB\", ship_from_name: X}\n", "", "",
         "shipping.gs1_company_prefix: must be 7-10 digits (your GS1 company prefix)"},
    };
    for (const Case& c : cases) {
      std::string expected = path + ": " + c.message;
      CAPTURE(expected);
      CHECK(error_of(folder.write(c.extra, c.from, c.to)) == expected);
    }
  }
}
