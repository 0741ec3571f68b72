// The transitions table: the history an operator reads with v_transitions.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/database.h"
#include "store/records.h"

namespace store {

void record_transition(Db& db, const Actor& actor, const std::string& entity_type,
                       std::int64_t entity_id, const std::string& from_state,
                       const std::string& to_state, std::optional<std::int64_t> file_id,
                       const std::string& detail) {
  static const Sql kSql(
      "INSERT INTO transitions (entity_type, entity_id, from_state, to_state, "
      "at, job, run_id, file_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement& insert = db.statement(kSql);
  insert.bind(1, entity_type);
  insert.bind(2, static_cast<std::int64_t>(entity_id));
  if (from_state.empty()) {
    insert.bind(3);
  } else {
    insert.bind(3, from_state);
  }
  insert.bind(4, to_state);
  insert.bind(5, actor.now);
  insert.bind(6, actor.job);
  insert.bind(7, static_cast<std::int64_t>(actor.run_id));
  if (file_id) {
    insert.bind(8, static_cast<std::int64_t>(*file_id));
  } else {
    insert.bind(8);
  }
  if (detail.empty()) {
    insert.bind(9);
  } else {
    insert.bind(9, detail);
  }
  insert.exec();
}

std::vector<std::string> describe_run_transitions(Db& db, std::int64_t run_id) {
  SQLite::Statement& query = db.statement(
      "SELECT entity_type, entity_id, coalesce(from_state, '(new)'), to_state, "
      "coalesce(detail, '') FROM transitions WHERE run_id = ? ORDER BY id");
  query.bind(1, static_cast<std::int64_t>(run_id));
  std::vector<std::string> lines;
  while (query.executeStep()) {
    std::string line = query.getColumn(0).getString() + " " + query.getColumn(1).getString() +
                       ": " + query.getColumn(2).getString() + " -> " +
                       query.getColumn(3).getString();
    std::string detail = query.getColumn(4).getString();
    if (!detail.empty()) line += " (" + detail + ")";
    lines.push_back(line);
  }
  return lines;
}

std::int64_t start_run(Db& db, const std::string& job, const std::string& now) {
  SQLite::Statement& insert = db.statement("INSERT INTO runs (job, started_at) VALUES (?, ?)");
  insert.bind(1, job);
  insert.bind(2, now);
  insert.exec();
  return db.sql().getLastInsertRowid();
}

void finish_run(Db& db, std::int64_t run_id, const std::string& now, int exit_code,
                const RunCounts& counts) {
  // A write outside a Transaction: first end every cached read that stopped after its first
  // row (a count, a find_*), as Transaction does, or its open snapshot makes this write fail as
  // busy when another job committed since that read.
  db.reset_statements();
  SQLite::Statement& update = db.statement(
      "UPDATE runs SET ended_at = ?, exit_code = ?, files_processed = ?, "
      "files_rejected = ?, documents_sent = ? WHERE id = ?");
  update.bind(1, now);
  update.bind(2, exit_code);
  update.bind(3, counts.files_processed);
  update.bind(4, counts.files_rejected);
  update.bind(5, counts.documents_sent);
  update.bind(6, static_cast<std::int64_t>(run_id));
  update.exec();
}

}  // namespace store
