// Opening avedi's SQLite store: WAL, foreign keys, a busy timeout, and the forward-only
// migrations of src/store/schema/ applied at open (PRAGMA user_version is the schema version).
// Only store/ includes SQLiteCpp.
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite
struct sqlite3_stmt;

namespace store {

enum class OpenMode {
  kReadWrite,       // create if missing, migrate
  kDryRunSnapshot,  // an in-memory copy of the file (or an empty store): nothing on disk changes
  kReadOnly,        // the file as it is, for reports; never created, never migrated
};

// The text of a statement the hot paths run for every row of a backlog, numbered once per
// process: Db::statement finds its prepared statement by that number, where a text is hashed
// and compared on every call (2% of avedi-ship and of avedi-invoice). Declare it static.
class Sql {
 public:
  explicit Sql(std::string text);
  const std::string& text() const { return text_; }
  std::size_t slot() const { return slot_; }

 private:
  std::string text_;
  std::size_t slot_;
};

// The store handle passed to every component that reads or writes state.
class Db {
 public:
  // Opens `path` (created with mode 0600 when missing). Throws SQLite::Exception or
  // std::runtime_error (a store newer than this program, a failed migration).
  Db(const std::string& path, OpenMode mode);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  SQLite::Database& sql() { return *database_; }
  int schema_version();

  // The statement for `sql`, prepared once per Db (the hot paths run the same statements for
  // every PO of a backlog), reset and with its bindings cleared. Use it fully (step, read)
  // before asking for the same `sql` again: that resets it. Transaction resets every cached
  // statement before it begins, so no finished read keeps an old snapshot open.
  SQLite::Statement& statement(const std::string& sql);
  // The same for a statement of the hot paths, found by its number.
  SQLite::Statement& statement(const Sql& sql);
  // `sql` prepared for SQLite's C API (store/fast_query.h), with the same life: prepared once,
  // reset and its bindings cleared here, reset with the others, finalized with the Db.
  sqlite3_stmt* raw_statement(const Sql& sql);
  void reset_statements();

  // SQLite's page cache for this connection (2 MB unless set): a job whose transactions touch
  // thousands of pages reads and spills less with more, at the cost of that much memory.
  void set_cache_megabytes(int megabytes);

  // The newest schema version this program knows.
  static int latest_version();

 private:
  void migrate();

  // Declared after database_: destroyed (finalized) before the database closes.
  std::unique_ptr<SQLite::Database> database_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::vector<SQLite::Statement*> by_slot_;  // Sql::slot() -> its entry of statements_, or null
  std::vector<sqlite3_stmt*> raw_by_slot_;   // Sql::slot() -> raw_statement(), or null
};

// True when `error` is SQLite's "database is locked": another process held the store beyond
// the busy timeout. Not a fault of this run's data or disk: the run leaves and cron retries.
bool is_busy(const std::exception& error);

// Binds `value` as text, or NULL when it is empty (the store keeps "no value" as NULL).
void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value);

// How long a statement waits for another process's lock before failing as busy.
constexpr int kBusyTimeoutSeconds = 10;

// A write transaction (BEGIN IMMEDIATE, so concurrent jobs queue on the busy timeout instead
// of failing on a lock upgrade). Rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Db& db_;
  bool done_ = false;
};

// A read transaction (a deferred BEGIN) unless one is open already: the statements run while it
// lives see one snapshot of the store, as one statement would. Ends with COMMIT.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Db& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Db& db_;
  bool began_ = false;
};

}  // namespace store
