// store::Sql (a hot statement found by number) and store::FastQuery (a hot read through
// SQLite's C API): the same rows as SQLiteCpp would read, the same life as Db::statement's.
#include "store/fast_query.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/database.h"
#include "store/store_file.h"

namespace {

// A store with a scratch table t(n, label): (1, 'one'), (2, NULL), (3, 'three').
void fill(store::Db& db) {
  db.sql().exec("CREATE TABLE t (n INTEGER, label TEXT)");
  db.sql().exec("INSERT INTO t VALUES (1, 'one'), (2, NULL), (3, 'three')");
}

}  // namespace

TEST_SUITE("store::FastQuery") {
  TEST_CASE("a statement of the hot paths is numbered once and found by its number") {
    testing_store::StoreFile file("sql-slot");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    fill(db);
    static const store::Sql kCount("SELECT count(*) FROM t WHERE n > ?");
    static const store::Sql kOther("SELECT count(*) FROM t");
    CHECK(kCount.slot() != kOther.slot());
    SQLite::Statement& first = db.statement(kCount);
    CHECK(&first == &db.statement(kCount.text()));  // the statement prepared for the text
    first.bind(1, static_cast<std::int64_t>(1));
    REQUIRE(first.executeStep());
    CHECK(first.getColumn(0).getInt64() == 2);
    SQLite::Statement& again = db.statement(kCount);  // reset, bindings cleared
    CHECK(&again == &first);
    REQUIRE(again.executeStep());
    CHECK(again.getColumn(0).getInt64() == 0);  // n > NULL: no row
  }

  TEST_CASE("rows read as SQLiteCpp reads them: integers, text, NULL as 0 and \"\"") {
    testing_store::StoreFile file("fast-query-rows");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    fill(db);
    static const store::Sql kRows("SELECT n, label, label IS NULL FROM t WHERE n >= ? ORDER BY n");
    std::vector<std::string> read;
    for (std::int64_t from : {1, 3}) {  // the second query rebinds the statement the first read
      store::FastQuery query(db, kRows);
      query.bind(1, from);
      while (query.step()) {
        read.push_back(std::to_string(query.int64(0)) + ":" + query.text(1) + ":" +
                       std::to_string(query.int64(2)));
      }
    }
    CHECK(read == std::vector<std::string>{"1:one:0", "2::1", "3:three:0", "3:three:0"});
    static const store::Sql kNull("SELECT NULL");
    store::FastQuery null(db, kNull);
    REQUIRE(null.step());
    CHECK(null.int64(0) == 0);
    CHECK(null.text(0).empty());
  }

  TEST_CASE("a read left halfway holds no snapshot once a transaction begins") {
    testing_store::StoreFile file("fast-query-snapshot");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    fill(db);
    static const store::Sql kAll("SELECT n FROM t ORDER BY n");
    store::FastQuery query(db, kAll);
    REQUIRE(query.step());  // the first row only: the read stays open on its snapshot
    {
      store::Db other(file.path(), store::OpenMode::kReadWrite);
      other.sql().exec("INSERT INTO t VALUES (4, 'four')");
    }
    // BEGIN IMMEDIATE on the old snapshot would fail as busy: the transaction resets the read.
    store::Transaction transaction(db);
    db.sql().exec("INSERT INTO t VALUES (5, 'five')");
    transaction.commit();
    CHECK(db.sql().execAndGet("SELECT count(*) FROM t").getInt() == 5);
  }

  TEST_CASE("a step that fails throws SQLite's error, and the statement can run again") {
    testing_store::StoreFile file("fast-query-error");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    static const store::Sql kJson("SELECT json(?)");
    {
      store::FastQuery query(db, kJson);
      query.bind(1, std::string("{not json"));
      CHECK_THROWS_WITH_AS(query.step(), doctest::Contains("malformed JSON"), SQLite::Exception);
    }
    store::FastQuery query(db, kJson);
    query.bind(1, std::string("[1]"));
    REQUIRE(query.step());
    CHECK(query.text(0) == "[1]");
  }
}
