// Read-only views.
#include "runner/order_commands.h"

#include "runner/exit_codes.h"
#include "store/database.h"

namespace runner {

int run_orders(const Config& config, ReportFormat format, const std::string& state,
               const std::string& since, std::ostream& out) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  store::Table table = store::orders(db, state, since);
  if (format == ReportFormat::kJson) {
    out << table_json(table) << "\n";
  } else {
    print_table(out, "purchase orders", table);
  }
  return kExitOk;
}

int run_order(const Config& config, ReportFormat format, const std::string& po_number,
              std::ostream& out, std::ostream& err) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  std::optional<store::OrderReport> report = store::order_report(db, po_number);
  if (!report) {
    err << "avedi order: no purchase order " << po_number << "\n";
    return kExitDataError;
  }
  if (format == ReportFormat::kJson) {
    out << "{\"order\":" << table_json(report->order)
        << ",\"timeline\":" << table_json(report->timeline)
        << ",\"lines\":" << table_json(report->lines)
        << ",\"documents\":" << table_json(report->documents)
        << ",\"shipments\":" << table_json(report->shipments) << "}\n";
    return kExitOk;
  }
  print_table(out, "purchase order", report->order);
  out << "\n";
  print_table(out, "timeline, oldest first", report->timeline);
  out << "\n";
  print_table(out,
              "lines (accepted/backordered/rejected in the ordered unit; shipped and "
              "invoiced in eaches)",
              report->lines);
  out << "\n";
  print_table(out, "documents sent", report->documents);
  out << "\n";
  print_table(out, "shipments", report->shipments);
  return kExitOk;
}

int run_files(const Config& config, ReportFormat format, const std::string& state,
              std::ostream& out) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  store::Table table = store::files(db, state);
  if (format == ReportFormat::kJson) {
    out << table_json(table) << "\n";
  } else {
    print_table(out, "files", table);
  }
  return kExitOk;
}

int run_file(const Config& config, ReportFormat format, long long file_id, std::ostream& out,
             std::ostream& err) {
  store::Db db(config.folders.database, store::OpenMode::kReadOnly);
  std::optional<store::Table> history = store::file_history(db, file_id);
  if (!history) {
    err << "avedi file: no file #" << file_id << "\n";
    return kExitDataError;
  }
  store::Table file = store::query_table(
      db,
      "SELECT id, job, original_name, original_folder, state, size, sha256, received_at, "
      "coalesce(stored_path, '') AS stored_path, coalesce(reason, '') AS reason FROM files "
      "WHERE id = ?",
      {std::to_string(file_id)});
  if (format == ReportFormat::kJson) {
    out << "{\"file\":" << table_json(file) << ",\"history\":" << table_json(*history) << "}\n";
    return kExitOk;
  }
  for (std::size_t i = 0; i < file.columns.size(); ++i) {
    out << file.columns[i] << ": " << file.rows[0][i] << "\n";
  }
  out << "\n";
  print_table(out, "history", *history);
  return kExitOk;
}

}  // namespace runner
