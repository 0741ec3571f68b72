// The doctor's checks. Writability is tested by creating and removing a probe file, which also
// catches a read-only mount (access(2) would not, for root).
#include "runner/doctor_command.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <vector>

#include "exchange/catalog.h"
#include "runner/config.h"
#include "runner/exit_codes.h"
#include "store/database.h"
#include "store/reports.h"
#include "util/file.h"

namespace runner {
namespace {

namespace fs = std::filesystem;

struct Checker {
  std::ostream& out;
  int problems = 0;
  void problem(const std::string& text) {
    out << "PROBLEM: " << text << "\n";
    ++problems;
  }
  void ok(const std::string& text) { out << "ok: " << text << "\n"; }
};

bool writable(const std::string& folder) {
  std::string probe = folder + "/.avedi-doctor-" + std::to_string(::getpid());
  {
    std::ofstream file(probe);
    if (!file || !(file << "x") || !file.flush()) return false;
  }
  return fs::remove(probe);
}

void check_folder(Checker& check, const std::string& key, const std::string& folder) {
  struct stat info;
  if (::stat(folder.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
    check.problem(
        fmt::format("{} ({}) does not exist: create it (avedi init creates avedi's own "
                    "folders)",
                    key, folder));
  } else if (!writable(folder)) {
    check.problem(
        fmt::format("{} ({}) is not writable: give the avedi user write access "
                    "(a read-only mount?)",
                    key, folder));
  } else {
    check.ok(fmt::format("{} {}", key, folder));
  }
}

void check_same_filesystem(Checker& check, const std::string& key_a, const std::string& a,
                           const std::string& key_b, const std::string& b) {
  struct stat info_a, info_b;
  if (::stat(a.c_str(), &info_a) != 0 || ::stat(b.c_str(), &info_b) != 0) return;
  if (info_a.st_dev != info_b.st_dev) {
    check.problem(
        fmt::format("{} and {} are on different filesystems: a rename between them is "
                    "not atomic; move one of them",
                    key_a, key_b));
  }
}

}  // namespace

int run_doctor(const std::string& config_path, std::ostream& out) {
  Checker check{out};
  Config config;
  try {
    config = load_config(config_path, FolderCheck::kSkip);
    check.ok("config " + config_path);
  } catch (const ConfigError& error) {
    out << "PROBLEM: " << error.what() << ": correct the config\n";
    return kExitConfigError;
  }
  const Folders& f = config.folders;
  std::vector<std::pair<std::string, std::string>> folders = {
      {"as2.inbox", f.as2_inbox},
      {"as2.outbox", f.as2_outbox},
      {"tpl.inbox", f.tpl_inbox},
      {"tpl.outbox", f.tpl_outbox},
      {"work", f.work},
      {"archive", f.archive},
      {"error", f.error},
      {"staging", f.staging},
      {"database folder", fs::path(f.database).parent_path().string()},
      {"log folder", fs::path(f.log).parent_path().string()}};
  for (const auto& [key, folder] : folders) check_folder(check, key, folder);
  check_same_filesystem(check, "staging", f.staging, "as2.outbox", f.as2_outbox);
  check_same_filesystem(check, "staging", f.staging, "tpl.outbox", f.tpl_outbox);
  check_same_filesystem(check, "work", f.work, "as2.inbox", f.as2_inbox);
  check_same_filesystem(check, "work", f.work, "tpl.inbox", f.tpl_inbox);
  check_same_filesystem(check, "work", f.work, "archive", f.archive);
  check_same_filesystem(check, "work", f.work, "error", f.error);
  try {
    store::Db db(f.database, store::OpenMode::kReadOnly);
    store::Table integrity = store::query_table(db, "PRAGMA integrity_check");
    if (integrity.rows.empty() || integrity.rows[0][0] != "ok") {
      check.problem("the database fails its integrity check: restore it from a backup");
    } else {
      check.ok("database " + f.database + " (integrity ok, schema " +
               std::to_string(db.schema_version()) + ")");
    }
  } catch (const std::exception& error) {
    check.problem(std::string(error.what()));
  }
  try {
    std::vector<exchange::CsvProblem> problems;
    std::optional<exchange::Catalog> catalog =
        exchange::Catalog::parse(util::read_file(config.catalog), problems);
    if (!catalog) {
      check.problem(fmt::format("catalog {} is invalid ({}): fix it", config.catalog,
                                exchange::format_csv_problem(config.catalog, problems.front())));
    } else {
      check.ok(fmt::format("catalog {} ({} SKUs)", config.catalog, catalog->size()));
    }
  } catch (const util::IoError& error) {
    check.problem(fmt::format("catalog: {}: create it or fix catalog in the config", error.what()));
  }
  std::time_t now = std::time(nullptr);
  if (now < 1735689600) {  // 2025-01-01: a clock this far behind means a dead RTC or no NTP
    check.problem(
        "the system clock is before 2025: set the time (NTP); Amazon's deadlines depend "
        "on it");
  } else {
    check.ok("clock");
  }
  out << (check.problems == 0 ? "all well\n" : fmt::format("{} problem(s)\n", check.problems));
  return check.problems == 0 ? kExitOk : 1;
}

}  // namespace runner
