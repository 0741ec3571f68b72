// Control number sequences: per partner and kind, from 1, never past nine digits, and taken
// only inside the transaction that stores what carries the number.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <stdexcept>

#include "store/database.h"
#include "store/records.h"
#include "store/store_file.h"

namespace {

std::int64_t last_value(store::Db& db, const char* partner, const char* kind) {
  SQLite::Statement query(db.sql(),
                          "SELECT last_value FROM control_numbers WHERE partner = ? AND kind = ?");
  query.bind(1, partner);
  query.bind(2, kind);
  return query.executeStep() ? query.getColumn(0).getInt64() : -1;
}

// Whether a statement of `db` has been stepped and not finished or reset.
bool statement_running(store::Db& db) {
  for (sqlite3_stmt* statement = sqlite3_next_stmt(db.sql().getHandle(), nullptr);
       statement != nullptr; statement = sqlite3_next_stmt(db.sql().getHandle(), statement)) {
    if (sqlite3_stmt_busy(statement) != 0) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("store::reserve_numbers") {
  // A write statement left stepped (an UPDATE ... RETURNING read once) keeps its savepoint open:
  // every later write of the transaction (a shipment's cartons and items) would go through a
  // statement journal.
  TEST_CASE("reserves a block and leaves no statement running") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    store::Transaction transaction(db);
    CHECK(store::reserve_numbers(db, "avedi", "SSCC", 100) == 1);
    CHECK_FALSE(statement_running(db));
    CHECK(store::reserve_numbers(db, "avedi", "SSCC", 5) == 101);
    CHECK_FALSE(statement_running(db));
    transaction.commit();
    CHECK(last_value(db, "avedi", "SSCC") == 105);
  }
}

TEST_SUITE("store::next_control_number") {
  TEST_CASE("counts from 1, each partner and kind on its own") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    store::Transaction transaction(db);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 1);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 2);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "GS06") == 1);
    CHECK(store::next_control_number(db, "ZZ/OTHER", "ISA13") == 1);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 3);
    transaction.commit();
    CHECK(last_value(db, "ZZ/AMAZON", "ISA13") == 3);
    CHECK(last_value(db, "ZZ/AMAZON", "GS06") == 1);
  }

  TEST_CASE("a number taken in a transaction that rolls back is taken again") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    {
      store::Transaction transaction(db);
      CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 1);
      transaction.commit();
    }
    {
      store::Transaction transaction(db);  // no document was stored: rolled back
      CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 2);
    }
    store::Transaction transaction(db);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 2);
  }

  TEST_CASE("stops at nine digits instead of wrapping around") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    db.sql().exec(
        "INSERT INTO control_numbers (partner, kind, last_value) "
        "VALUES ('ZZ/AMAZON', 'ISA13', 999999998)");
    store::Transaction transaction(db);
    CHECK(store::next_control_number(db, "ZZ/AMAZON", "ISA13") == 999999999);
    CHECK_THROWS_AS(store::next_control_number(db, "ZZ/AMAZON", "ISA13"), std::runtime_error);
    transaction.commit();
    CHECK(last_value(db, "ZZ/AMAZON", "ISA13") == 999999999);
  }

  TEST_CASE(
      "refuses to run outside a write transaction, where another job could take the same number") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    CHECK_THROWS_AS(store::next_control_number(db, "ZZ/AMAZON", "ISA13"), std::logic_error);
    {
      store::ReadSnapshot snapshot(db);  // a read transaction keeps no other writer out
      CHECK_THROWS_AS(store::next_control_number(db, "ZZ/AMAZON", "ISA13"), std::logic_error);
    }
    CHECK(last_value(db, "ZZ/AMAZON", "ISA13") == -1);
  }
}
