// Read-only queries behind the operator's `avedi` command: what is where, what is late, what
// Amazon rejected, and the whole life of one purchase order. Each row is plain text columns,
// ready for a table or JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace store {

class Db;

// A result: column names and rows of text.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Runs `sql` with text parameters and returns every row (NULL as "").
Table query_table(Db& db, const std::string& sql, const std::vector<std::string>& parameters = {});

Table orders_by_state(Db& db);
Table shipments_by_state(Db& db);
Table files_in_error(Db& db);
Table unfinished_files_table(Db& db);
Table last_runs(Db& db);
// Per job, when its last run that ran (exit 0 or 65) ended: job, ended_at.
Table last_successful_runs(Db& db);
// Received POs whose 855 is due before `limit` (ISO time), oldest deadline first.
Table acknowledgments_due(Db& db, const std::string& limit);
Table undelivered_documents(Db& db);
Table rejected_documents(Db& db);

Table orders(Db& db, const std::string& state, const std::string& since);
// One PO: nullopt when unknown.
struct OrderReport {
  Table order;     // one row
  Table timeline;  // every transition of the PO, its files, documents, shipments
  Table lines;
  Table documents;
  Table shipments;
};
std::optional<OrderReport> order_report(Db& db, const std::string& po_number);

Table files(Db& db, const std::string& state);
std::optional<Table> file_history(Db& db, long long file_id);

}  // namespace store
