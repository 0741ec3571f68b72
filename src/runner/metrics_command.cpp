// Prometheus text format: one HELP and TYPE line per metric, then its samples.
#include "runner/metrics_command.h"

#include <fmt/format.h>

#include <chrono>

#include "runner/exit_codes.h"
#include "store/database.h"
#include "store/records.h"
#include "store/reports.h"
#include "util/clock.h"

namespace runner {
namespace {

void header(std::ostream& out, const char* name, const char* help) {
  out << "# HELP " << name << " " << help << "\n# TYPE " << name << " gauge\n";
}

}  // namespace

int run_metrics(const Config& config, std::ostream& out) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  util::TimePoint now = util::now();
  header(out, "avedi_purchase_orders", "Purchase orders by state.");
  for (const auto& row : store::orders_by_state(db).rows) {
    out << fmt::format("avedi_purchase_orders{{state=\"{}\"}} {}\n", row[0], row[1]);
  }
  header(out, "avedi_shipments", "Shipments by state.");
  for (const auto& row : store::shipments_by_state(db).rows) {
    out << fmt::format("avedi_shipments{{state=\"{}\"}} {}\n", row[0], row[1]);
  }
  header(out, "avedi_files_in_error", "Files waiting in error/ for an operator.");
  out << "avedi_files_in_error " << store::files_in_error(db).rows.size() << "\n";
  header(out, "avedi_files_unfinished", "Files claimed but not finished (in a work folder).");
  out << "avedi_files_unfinished " << store::unfinished_files_table(db).rows.size() << "\n";
  header(out, "avedi_acknowledgments_overdue", "Received POs past their 855 deadline.");
  out << "avedi_acknowledgments_overdue "
      << store::acknowledgments_due(db, util::format_time(now, "%Y-%m-%dT%H:%M:%SZ")).rows.size()
      << "\n";
  header(out, "avedi_documents_undelivered", "Documents built but not yet in an outbox.");
  out << "avedi_documents_undelivered " << store::undelivered_documents(db).rows.size() << "\n";
  header(out, "avedi_documents_rejected", "Documents Amazon's 997 rejected (fully or partly).");
  out << "avedi_documents_rejected " << store::rejected_documents(db).rows.size() << "\n";
  header(out, "avedi_groups_without_997", "Groups sent without Amazon's 997 past their limit.");
  for (const auto& [type, hours] : config.ack_limit_hours) {
    std::string before = util::format_time(now - std::chrono::hours(hours), "%Y-%m-%dT%H:%M:%SZ");
    out << fmt::format("avedi_groups_without_997{{type=\"{}\"}} {}\n", type,
                       store::count_unacknowledged_documents(db, type, before));
  }
  header(out, "avedi_seconds_since_last_success",
         "Seconds since each job's last run that exited 0 or 65 (it ran).");
  for (const auto& row : store::last_successful_runs(db).rows) {
    std::optional<util::TimePoint> ended = util::parse_iso8601(row[1]);
    if (!ended) continue;
    out << fmt::format("avedi_seconds_since_last_success{{job=\"{}\"}} {}\n", row[0],
                       (now - *ended).count());
  }
  return kExitOk;
}

}  // namespace runner
