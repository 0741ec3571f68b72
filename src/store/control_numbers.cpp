// Control number sequences. A number is read and written inside the caller's transaction, the
// same one that stores the document, so a number is used exactly when its document exists.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>

#include "store/database.h"
#include "store/records.h"

namespace store {
namespace {

constexpr std::int64_t kMaxControl = 999999999;  // ISA13 and GS06 are at most 9 digits

}  // namespace

std::int64_t reserve_numbers(Db& db, const std::string& partner, const std::string& kind,
                             std::int64_t count) {
  // A read and a plain write, safe because the caller's write transaction keeps every other
  // writer out until what carries the numbers commits. (UPDATE ... RETURNING did both in one
  // statement at 30,000-47,000 instructions a call, two calls a document: SQLite gathers the
  // returned rows in a temporary table under a statement savepoint, which stays open, with a
  // statement journal for every later write, until the statement is reset.)
  if (sqlite3_txn_state(db.sql().getHandle(), "main") != SQLITE_TXN_WRITE) {
    throw std::logic_error(fmt::format(
        "control numbers {} of {} taken outside a write transaction: they could be taken twice",
        kind, partner));
  }
  SQLite::Statement& read =
      db.statement("SELECT last_value FROM control_numbers WHERE partner = ? AND kind = ?");
  read.bind(1, partner);
  read.bind(2, kind);
  // A partner's first number of a kind is 1: the sequence starts at 0.
  const bool known = read.executeStep();
  const std::int64_t last = (known ? read.getColumn(0).getInt64() : 0) + count;
  read.reset();
  if (last > kMaxControl) {
    // Wrapping around would reuse numbers Amazon has seen: stop and let a person decide.
    throw std::runtime_error(fmt::format("{} control numbers for {} are exhausted", kind, partner));
  }
  SQLite::Statement& write = db.statement(
      known ? "UPDATE control_numbers SET last_value = ? WHERE partner = ? AND kind = ?"
            : "INSERT INTO control_numbers (last_value, partner, kind) VALUES (?, ?, ?)");
  write.bind(1, last);
  write.bind(2, partner);
  write.bind(3, kind);
  write.exec();
  return last - count + 1;
}

std::int64_t next_control_number(Db& db, const std::string& partner, const std::string& kind) {
  return reserve_numbers(db, partner, kind, 1);
}

}  // namespace store
