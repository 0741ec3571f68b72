// Open + migrate. Each migration runs in its own transaction together with its user_version
// bump, so a crash mid-migration leaves the previous version intact.
#include "store/database.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace store {
namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

constexpr Migration kMigrations[] = {
#include "store/migrations.inc"
};

constexpr int kBusyTimeoutMs = kBusyTimeoutSeconds * 1000;

// AVEDI_SQL_TRACE=FILE, for tests: the text of every statement this process runs is appended
// to FILE (each followed by a line ";;"), so a test can check the query plan of each one.
void trace_statements(SQLite::Database& database) {
  const char* path = std::getenv("AVEDI_SQL_TRACE");
  if (path == nullptr || *path == '\0') return;
  sqlite3_trace_v2(
      database.getHandle(), SQLITE_TRACE_STMT,
      [](unsigned, void* file, void* statement, void*) -> int {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
        if (sql == nullptr) return 0;
        if (std::FILE* out = std::fopen(static_cast<const char*>(file), "a")) {
          std::fprintf(out, "%s\n;;\n", sql);
          std::fclose(out);
        }
        return 0;
      },
      const_cast<char*>(path));
}

void configure(SQLite::Database& database, bool on_disk) {
  database.setBusyTimeout(kBusyTimeoutMs);
  database.exec("PRAGMA foreign_keys = ON");
  if (on_disk) {
    database.exec("PRAGMA journal_mode = WAL");
    // FULL: a committed transaction survives power loss, which the no-loss promise needs.
    database.exec("PRAGMA synchronous = FULL");
    // Checkpoint every 16k pages (64 MB) instead of 1000: a batch commit no longer triggers a
    // checkpoint (two syncs) of its own, and a page changed by several batches is copied to
    // the database once. The WAL file stays bounded by that size plus one transaction.
    database.exec("PRAGMA wal_autocheckpoint = 16384");
  }
  // Debian builds SQLite with secure_delete on: every freed page and overwritten cell is
  // zeroed, an extra write for each (the store holds business documents, not secrets the
  // disk must forget). FAST zeroes within pages already being written, nothing more.
  database.exec("PRAGMA secure_delete = FAST");
}

// The store holds every document and partner detail: owner-only (0600), whatever the umask.
constexpr mode_t kDatabaseMode = 0600;

// Creates `path` empty with mode 0600 before SQLite opens it, so it never exists with the
// umask's mode (SQLite would create it 0644 & ~umask). An existing file is left as it is.
void create_private(const std::string& path) {
  int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, kDatabaseMode);
  if (fd < 0) return;  // exists already (or cannot be created: SQLite will say why)
  ::fchmod(fd, kDatabaseMode);
  ::close(fd);
}

void keep_private(const std::string& path) {
  struct stat info;
  if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
      (info.st_mode & 07777) != kDatabaseMode) {
    ::chmod(path.c_str(), kDatabaseMode);
  }
}

// Each connection is used by one thread only (a job is one thread; tests that run jobs in
// threads open a connection each), so SQLite's per-connection mutex and its count of
// allocated memory (a global mutex around every malloc) are pure cost: together about a tenth
// of the instructions of a job that reads or writes millions of rows. Set once, before SQLite
// initializes; if something initialized it already, the defaults stay (slower, not wrong).
void configure_library_once() {
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
}

// The entry of `slot` in a Db's table by Sql::slot(), made (null) if the table is shorter.
template <typename Prepared>
Prepared*& slot_entry(std::vector<Prepared*>& by_slot, std::size_t slot) {
  if (by_slot.size() <= slot) by_slot.resize(slot + 1, nullptr);
  return by_slot[slot];
}

}  // namespace

Db::Db(const std::string& path, OpenMode mode) {
  configure_library_once();
  if (mode == OpenMode::kReadWrite) {
    create_private(path);
    database_ = std::make_unique<SQLite::Database>(
        path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    configure(*database_, true);
    // SQLite gives -wal and -shm the database's mode; these calls also repair an older
    // installation whose files got the umask default.
    for (const char* suffix : {"", "-wal", "-shm"}) keep_private(path + suffix);
    trace_statements(*database_);
  } else if (mode == OpenMode::kReadOnly) {
    if (!std::filesystem::exists(path)) {
      throw std::runtime_error(path + ": no database yet (avedi init creates it)");
    }
    database_ =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    database_->setBusyTimeout(kBusyTimeoutMs);
    trace_statements(*database_);
    if (schema_version() != latest_version()) {
      throw std::runtime_error(fmt::format(
          "{}: schema version {} but this avedi expects {}; run any job once to migrate", path,
          schema_version(), latest_version()));
    }
    return;
  } else {
    database_ = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    if (std::filesystem::exists(path)) {
      // Without a -wal file no writer is active, and immutable=1 reads the file without
      // creating -wal/-shm beside it: a dry run leaves the folder byte for byte unchanged.
      // With a -wal file present, a plain read-only open sees the latest commits.
      // With a -wal file (a writer is active, or one was killed) even a read-only open
      // touches -shm, so the snapshot is taken from a private copy of both files instead.
      std::string source_path = path;
      std::string copy_folder;
      if (std::filesystem::exists(path + "-wal")) {
        char pattern[] = "/tmp/avedi-dry-run-XXXXXX";
        if (::mkdtemp(pattern) == nullptr) throw std::runtime_error("cannot create a temp folder");
        copy_folder = pattern;
        source_path = copy_folder + "/avedi.db";
        std::filesystem::copy_file(path, source_path);
        std::filesystem::copy_file(path + "-wal", source_path + "-wal");
      }
      {
        std::string uri = "file:" + source_path + (copy_folder.empty() ? "?immutable=1" : "");
        SQLite::Database source(uri, SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        SQLite::Backup backup(*database_, source);
        backup.executeStep();
      }
      if (!copy_folder.empty()) std::filesystem::remove_all(copy_folder);
    }
    configure(*database_, false);
  }
  migrate();
}

Db::~Db() {
  for (sqlite3_stmt* raw : raw_by_slot_) sqlite3_finalize(raw);  // null is a no-op
  by_slot_.clear();
  statements_.clear();
}

sqlite3_stmt* Db::raw_statement(const Sql& sql) {
  sqlite3_stmt*& entry = slot_entry(raw_by_slot_, sql.slot());
  if (entry != nullptr) {
    sqlite3_reset(entry);  // its result was the last step's, reported then
    sqlite3_clear_bindings(entry);
    return entry;
  }
  // Prepared into its entry, made beforehand: ~Db finalizes it whatever happens next.
  int result = sqlite3_prepare_v3(database_->getHandle(), sql.text().c_str(),
                                  static_cast<int>(sql.text().size() + 1),
                                  SQLITE_PREPARE_PERSISTENT, &entry, nullptr);
  if (result != SQLITE_OK) throw SQLite::Exception(database_->getHandle(), result);
  return entry;
}

Sql::Sql(std::string text) : text_(std::move(text)) {
  static std::atomic<std::size_t> next_slot{0};
  slot_ = next_slot.fetch_add(1);
}

SQLite::Statement& Db::statement(const Sql& sql) {
  SQLite::Statement*& entry = slot_entry(by_slot_, sql.slot());
  if (entry != nullptr) {
    entry->reset();
    entry->clearBindings();
    return *entry;
  }
  entry = &statement(sql.text());  // the text's statement, prepared and cached there
  return *entry;
}

SQLite::Statement& Db::statement(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    found = statements_.emplace(sql, std::make_unique<SQLite::Statement>(*database_, sql)).first;
  } else {
    found->second->reset();
    found->second->clearBindings();
  }
  return *found->second;
}

void Db::set_cache_megabytes(int megabytes) {
  database_->exec(fmt::format("PRAGMA cache_size = -{}", megabytes * 1024));
}

void Db::reset_statements() {
  for (auto& [sql, statement] : statements_) statement->tryReset();
  for (sqlite3_stmt* raw : raw_by_slot_) sqlite3_reset(raw);
}

int Db::schema_version() { return database_->execAndGet("PRAGMA user_version").getInt(); }

int Db::latest_version() { return kMigrations[std::size(kMigrations) - 1].version; }

void Db::migrate() {
  int current = schema_version();
  if (current > latest_version()) {
    throw std::runtime_error(
        fmt::format("{}: schema version {} is newer than this avedi knows ({}); upgrade avedi",
                    database_->getFilename(), current, latest_version()));
  }
  for (const Migration& migration : kMigrations) {
    if (migration.version <= current) continue;
    SQLite::Transaction transaction(*database_, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated while this one waited for the write lock.
    if (schema_version() >= migration.version) continue;
    database_->exec(migration.sql);
    database_->exec(fmt::format("PRAGMA user_version = {}", migration.version));
    transaction.commit();
  }
}

Transaction::Transaction(Db& db) : db_(db) {
  db_.reset_statements();
  db_.sql().exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  db_.reset_statements();
  try {
    db_.sql().exec("ROLLBACK");
  } catch (...) {
    // A failed rollback leaves SQLite to roll back on close; nothing better to do here.
  }
}

ReadSnapshot::ReadSnapshot(Db& db) : db_(db) {
  if (sqlite3_get_autocommit(db_.sql().getHandle()) == 0) return;  // inside a transaction
  db_.sql().exec("BEGIN");
  began_ = true;
}

ReadSnapshot::~ReadSnapshot() {
  if (!began_) return;
  db_.reset_statements();
  try {
    db_.sql().exec("COMMIT");
  } catch (...) {
    // Nothing was written: a rollback ends the read just as well, and must, or the next
    // Transaction's BEGIN would fail inside this one.
    try {
      db_.sql().exec("ROLLBACK");
    } catch (...) {
      // SQLite ends the read transaction on close at the latest.
    }
  }
}

void bind_text_or_null(SQLite::Statement& statement, int index, const std::string& value) {
  if (value.empty()) {
    statement.bind(index);
  } else {
    statement.bind(index, value);
  }
}

bool is_busy(const std::exception& error) {
  const auto* sqlite_error = dynamic_cast<const SQLite::Exception*>(&error);
  return sqlite_error != nullptr && (sqlite_error->getErrorCode() == SQLITE_BUSY ||
                                     sqlite_error->getErrorCode() == SQLITE_LOCKED);
}

void Transaction::commit() {
  // A cached statement stepped but not finished (an UPDATE ... RETURNING read once) would make
  // COMMIT fail with "statements in progress".
  db_.reset_statements();
  db_.sql().exec("COMMIT");
  done_ = true;
}

}  // namespace store
