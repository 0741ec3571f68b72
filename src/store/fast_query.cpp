// Hot reads through SQLite's C API (store/fast_query.h).
#include "store/fast_query.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace store {

FastQuery::FastQuery(Db& db, const Sql& sql)
    : connection_(db.sql().getHandle()), statement_(db.raw_statement(sql)) {}

void FastQuery::bind(int index, std::int64_t value) {
  int result = sqlite3_bind_int64(statement_, index, value);
  if (result != SQLITE_OK) throw SQLite::Exception(connection_, result);
}

void FastQuery::bind(int index, const std::string& value) {
  int result = sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                                 SQLITE_TRANSIENT);
  if (result != SQLITE_OK) throw SQLite::Exception(connection_, result);
}

bool FastQuery::step() {
  int result = sqlite3_step(statement_);
  if (result == SQLITE_ROW) return true;
  if (result == SQLITE_DONE) return false;
  SQLite::Exception error(connection_, result);  // the message, before the reset
  sqlite3_reset(statement_);
  throw error;
}

std::int64_t FastQuery::int64(int column) const { return sqlite3_column_int64(statement_, column); }

std::string FastQuery::text(int column) const {
  const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  if (bytes == nullptr) return {};
  return std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

void FastQuery::reset() { sqlite3_reset(statement_); }

}  // namespace store
