// The files ledger: every file that entered, and where it ended.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/database.h"
#include "store/records.h"

namespace store {
namespace {

constexpr const char* kColumns =
    "SELECT id, job, original_name, original_folder, work_path, size, coalesce(sha256, ''), kind, "
    "state, coalesce(reason, ''), coalesce(stored_path, ''), coalesce(arrived_at, received_at) "
    "FROM files ";

FileRecord read_row(SQLite::Statement& query) {
  FileRecord file;
  file.id = query.getColumn(0).getInt64();
  file.job = query.getColumn(1).getString();
  file.original_name = query.getColumn(2).getString();
  file.original_folder = query.getColumn(3).getString();
  file.work_path = query.getColumn(4).getString();
  file.size = query.getColumn(5).getInt64();
  file.sha256 = query.getColumn(6).getString();
  file.kind = query.getColumn(7).getString();
  file.state = query.getColumn(8).getString();
  file.reason = query.getColumn(9).getString();
  file.stored_path = query.getColumn(10).getString();
  file.arrived_at = query.getColumn(11).getString();
  return file;
}

}  // namespace

std::int64_t insert_claiming_file(Db& db, const Actor& actor, const FileRecord& file) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO files (job, original_name, original_folder, work_path, "
      "size, kind, state, received_at, updated_at, run_id, arrived_at) "
      "VALUES (?, ?, ?, ?, ?, ?, 'claiming', ?, ?, ?, ?)");
  insert.bind(1, actor.job);
  insert.bind(2, file.original_name);
  insert.bind(3, file.original_folder);
  insert.bind(4, file.work_path);
  insert.bind(5, static_cast<std::int64_t>(file.size));
  insert.bind(6, file.kind);
  insert.bind(7, actor.now);
  insert.bind(8, actor.now);
  insert.bind(9, static_cast<std::int64_t>(actor.run_id));
  insert.bind(10, file.arrived_at.empty() ? actor.now : file.arrived_at);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "file", id, "", "claiming", id,
                    file.original_folder + "/" + file.original_name);
  return id;
}

std::optional<FileRecord> find_file(Db& db, std::int64_t id) {
  SQLite::Statement& query = db.statement(std::string(kColumns) + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

void set_file_work_path(Db& db, std::int64_t id, const std::string& work_path) {
  SQLite::Statement& update = db.statement("UPDATE files SET work_path = ? WHERE id = ?");
  update.bind(1, work_path);
  update.bind(2, static_cast<std::int64_t>(id));
  update.exec();
}

std::vector<FileRecord> unfinished_files(Db& db, const std::string& job) {
  SQLite::Statement& query = db.statement(std::string(kColumns) +
                                          "WHERE job = ? AND state = 'claiming' "
                                          "ORDER BY id");
  query.bind(1, job);
  std::vector<FileRecord> files;
  while (query.executeStep()) files.push_back(read_row(query));
  return files;
}

std::vector<FileRecord> files_in_error_at(Db& db, const std::string& stored_path) {
  SQLite::Statement query(
      db.sql(), std::string(kColumns) + "WHERE state = 'error' AND stored_path = ? ORDER BY id");
  query.bind(1, stored_path);
  std::vector<FileRecord> files;
  while (query.executeStep()) files.push_back(read_row(query));
  return files;
}

void set_file_state(Db& db, const Actor& actor, const FileRecord& file, const std::string& state,
                    const std::string& detail) {
  std::optional<FileRecord> before = find_file(db, file.id);
  SQLite::Statement& update = db.statement(
      "UPDATE files SET state = ?, reason = ?, stored_path = ?, sha256 = ?, "
      "work_path = ?, updated_at = ? WHERE id = ?");
  update.bind(1, state);
  bind_text_or_null(update, 2, file.reason);
  bind_text_or_null(update, 3, file.stored_path);
  bind_text_or_null(update, 4, file.sha256);
  update.bind(5, file.work_path);
  update.bind(6, actor.now);
  update.bind(7, static_cast<std::int64_t>(file.id));
  update.exec();
  record_transition(db, actor, "file", file.id, before ? before->state : "", state, file.id,
                    detail);
}

std::optional<FileRecord> find_processed_file_by_sha256(Db& db, const std::string& sha256,
                                                        std::int64_t except_id) {
  SQLite::Statement& query = db.statement(std::string(kColumns) +
                                          "WHERE sha256 = ? AND id != ? AND state IN "
                                          "('archived', 'duplicate') ORDER BY id LIMIT 1");
  query.bind(1, sha256);
  query.bind(2, static_cast<std::int64_t>(except_id));
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

}  // namespace store
