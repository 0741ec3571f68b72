// A query's rows as text, one line per row with its columns joined by '|': what the store and
// job tests compare stored state with.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace testing_store {

inline std::string query_text(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement query(db, sql);
  std::string out;
  while (query.executeStep()) {
    for (int column = 0; column < query.getColumnCount(); ++column) {
      out += (column ? "|" : "") + query.getColumn(column).getString();
    }
    out += "\n";
  }
  return out;
}

}  // namespace testing_store
