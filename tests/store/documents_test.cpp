// Outbound documents in the store: the overdue-997 queries every run makes; names and bytes.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

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

  TEST_CASE("a document's bytes: read whole when asked for, skipped by delivery's look-up") {
    testing_store::StoreFile file("documents");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    db.sql().exec("INSERT INTO runs (id, job, started_at) VALUES (1, 'avedi-acknowledge', 't')");
    store::Actor actor{"avedi-acknowledge", 1, "2026-11-20T10:00:00Z"};
    store::DocumentRecord release;
    release.type = "release";
    release.business_key = "release:run:1";
    release.partner = "3pl";
    release.file_name = "orders_20261120T100000.csv";
    release.outbox = "tpl.outbox";
    // A backlog's release is megabytes; bytes are bytes, a NUL included.
    release.content = std::string(2 * 1024 * 1024, 'x') + std::string("\0end", 4);
    CHECK_FALSE(store::document_file_name_taken(db, release.file_name));
    std::int64_t id = store::insert_document(db, actor, release);

    CHECK(store::document_file_name_taken(db, release.file_name));
    CHECK_FALSE(store::document_file_name_taken(db, "orders_20261120T100000_2.csv"));
    CHECK(store::document_content(db, id) == release.content);
    CHECK_THROWS_AS(store::document_content(db, id + 1), std::logic_error);
    std::vector<store::DocumentRecord> built =
        store::documents_in_state(db, "avedi-acknowledge", "built", 10);
    REQUIRE(built.size() == 1);
    CHECK(built[0].file_name == release.file_name);
    CHECK(built[0].content.empty());
    CHECK(store::find_document(db, id)->content == release.content);
  }
}
