// Control number sequences: per partner and kind, from 1, never past nine digits, and taken
// only inside the transaction that stores what carries the number.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

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

}  // namespace

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

  TEST_CASE("refuses to run outside a transaction, where another job could take the same number") {
    testing_store::StoreFile file("control-numbers");
    store::Db db(file.path(), store::OpenMode::kReadWrite);
    CHECK_THROWS_AS(store::next_control_number(db, "ZZ/AMAZON", "ISA13"), std::logic_error);
    CHECK(last_value(db, "ZZ/AMAZON", "ISA13") == -1);
  }
}
