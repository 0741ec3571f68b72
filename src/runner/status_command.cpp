// The status report. "Needs attention" is anything an operator has to act on: a file in
// error/, a file stuck in work/, an 855 due within acknowledge.warn_hours or late, a document
// not delivered, a missing or rejecting 997, a job whose last run failed to run (exit 64/74/78).
#include "runner/status_command.h"

#include <fmt/format.h>

#include <chrono>

#include "store/database.h"
#include "store/records.h"
#include "util/clock.h"

namespace runner {

int run_status(const Config& config, ReportFormat format, StatusMode mode, std::ostream& out) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  util::TimePoint now = util::now();
  std::string warn_limit = util::format_time(
      now + std::chrono::hours(config.acknowledge.warn_hours), "%Y-%m-%dT%H:%M:%SZ");
  store::Table overdue;
  overdue.columns = {"type", "file_name", "delivered_at", "limit_hours"};
  for (const auto& [type, hours] : config.ack_limit_hours) {
    std::string before = util::format_time(now - std::chrono::hours(hours), "%Y-%m-%dT%H:%M:%SZ");
    for (const store::AwaitedDocument& document :
         store::unacknowledged_documents(db, type, before, -1)) {
      overdue.rows.push_back(
          {type, document.file_name, document.delivered_at, std::to_string(hours)});
    }
  }
  store::Table runs = store::last_runs(db);
  runs.columns.push_back("age");
  for (auto& row : runs.rows) {
    std::optional<util::TimePoint> started = util::parse_iso8601(row[2]);
    long minutes = started ? static_cast<long>((now - *started).count() / 60) : -1;
    row.push_back(minutes < 0     ? "?"
                  : minutes < 120 ? fmt::format("{} min", minutes)
                                  : fmt::format("{} h", minutes / 60));
  }
  store::Table failed_runs;
  failed_runs.columns = runs.columns;
  for (const auto& row : runs.rows) {
    if (row[4] == "64" || row[4] == "74" || row[4] == "78") failed_runs.rows.push_back(row);
  }
  struct Section {
    const char* key;
    std::string title;
    store::Table table;
    bool attention;
  };
  std::vector<Section> sections = {
      {"orders", "purchase orders by state", store::orders_by_state(db), false},
      {"shipments", "shipments by state", store::shipments_by_state(db), false},
      {"last_runs", "last run of each job", runs, false},
      {"failed_runs", "jobs whose last run could not run (exit 64, 74, 78)", failed_runs, true},
      {"files_in_error", "files in error/ (first reason)", store::files_in_error(db), true},
      {"stuck_files", "files not finished (in a work folder)", store::unfinished_files_table(db),
       true},
      {"acknowledgments_due",
       fmt::format("855s due within {} h or late", config.acknowledge.warn_hours),
       store::acknowledgments_due(db, warn_limit), true},
      {"undelivered_documents", "documents not yet delivered to an outbox",
       store::undelivered_documents(db), true},
      {"overdue_997s", "groups sent without Amazon's 997 past their limit", overdue, true},
      {"rejected_by_amazon", "documents Amazon's 997 rejected", store::rejected_documents(db),
       true},
  };
  bool attention = false;
  for (const Section& section : sections) {
    attention = attention || (section.attention && !section.table.rows.empty());
  }
  if (format == ReportFormat::kJson) {
    out << "{\"needs_attention\":" << (attention ? "true" : "false");
    for (const Section& section : sections) {
      out << "," << json_string(section.key) << ":" << table_json(section.table);
    }
    out << "}\n";
  } else {
    out << "avedi status at " << util::format_time(now, "%Y-%m-%dT%H:%M:%SZ") << ": "
        << (attention ? "NEEDS ATTENTION" : "all clear") << "\n";
    for (const Section& section : sections) {
      if (section.attention && section.table.rows.empty()) continue;
      out << "\n";
      print_table(out, section.title, section.table);
    }
  }
  return mode == StatusMode::kCheck && attention ? 1 : 0;
}

}  // namespace runner
