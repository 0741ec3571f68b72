// A read of the hot paths through SQLite's C API. SQLiteCpp's Column holds a shared_ptr to its
// statement, copied for every value read, and the copies are atomic once a job has its build
// thread: 3% of avedi-ship and of avedi-invoice went to them. Only store/ uses this.
#pragma once

#include <cstdint>
#include <string>

#include "store/database.h"

struct sqlite3;

namespace store {

class FastQuery {
 public:
  // `sql`'s statement on `db`, reset, its bindings cleared. Like Db::statement: read it to
  // the end (or reset()) before the same `sql` is asked for again.
  FastQuery(Db& db, const Sql& sql);

  void bind(int index, std::int64_t value);
  void bind(int index, const std::string& value);  // SQLite keeps its own copy

  // The next row; false when there is none. Throws SQLite::Exception when the step fails.
  bool step();
  std::int64_t int64(int column) const;
  std::string text(int column) const;  // "" for NULL

  // Done before the last row: the statement holds no read open (and no snapshot) after this.
  void reset();

 private:
  sqlite3* connection_;
  sqlite3_stmt* statement_;
};

}  // namespace store
