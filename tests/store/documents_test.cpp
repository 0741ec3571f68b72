// Outbound documents in the store: the overdue-997 queries every run makes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "store/database.h"
#include "store/records.h"
#include "store/store_file.h"

TEST_SUITE("store::documents") {
  TEST_CASE("counting overdue documents leaves no read open for the run's closing write") {
    testing_store::StoreFile file("documents");
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
