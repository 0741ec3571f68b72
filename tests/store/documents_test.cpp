// Outbound documents in the store: the overdue-997 queries every run makes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "store/database.h"
#include "store/records.h"

namespace {

// A migrated store file of this process's own (ctest runs test cases in parallel processes).
class StoreFile {
 public:
  StoreFile()
      : path_(std::filesystem::temp_directory_path() /
              fmt::format("avedi-documents-test-{}.db", ::getpid())) {
    remove();
  }
  ~StoreFile() { remove(); }
  std::string path() const { return path_.string(); }

 private:
  void remove() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
};

}  // namespace

TEST_SUITE("store::documents") {
  TEST_CASE("counting overdue documents leaves no read open for the run's closing write") {
    StoreFile file;
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    CHECK(store::count_unacknowledged_documents(db, "855", "2030-01-01T00:00:00Z") == 0);
    {
      // Another job commits in between...
      SQLite::Database other(file.path(), SQLite::OPEN_READWRITE);
      other.exec("INSERT INTO runs (job, started_at) VALUES ('avedi-ship', 't')");
    }
    // ...and this run's next write must not find itself on a stale snapshot (SQLITE_BUSY).
    CHECK_NOTHROW(
        db.sql().exec("INSERT INTO runs (job, started_at) VALUES ('avedi-receive', 't')"));
  }
}
