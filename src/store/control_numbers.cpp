// Control number sequences. The UPDATE ... RETURNING runs inside the caller's transaction, the
// same one that stores the document, so a number is used exactly when its document exists.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <optional>
#include <stdexcept>

#include "store/database.h"
#include "store/records.h"

namespace store {
namespace {

constexpr std::int64_t kMaxControl = 999999999;  // ISA13 and GS06 are at most 9 digits

}  // namespace

std::int64_t next_control_number(Db& db, const std::string& partner, const std::string& kind) {
  auto advance = [&]() -> std::optional<std::int64_t> {
    SQLite::Statement& next = db.statement(
        "UPDATE control_numbers SET last_value = last_value + 1 "
        "WHERE partner = ? AND kind = ? RETURNING last_value");
    next.bind(1, partner);
    next.bind(2, kind);
    if (!next.executeStep()) return std::nullopt;
    std::int64_t value = next.getColumn(0).getInt64();
    // Finished at once: a RETURNING statement stepped once keeps its statement savepoint open,
    // and every write of the transaction after it (the document, the PO's lines) would then be
    // copied to a statement journal, on disk past 64 KB.
    next.reset();
    return value;
  };
  std::optional<std::int64_t> value = advance();
  if (!value) {
    // The partner's first number of this kind: the sequence starts at 0, then advances.
    SQLite::Statement& create =
        db.statement("INSERT INTO control_numbers (partner, kind, last_value) VALUES (?, ?, 0)");
    create.bind(1, partner);
    create.bind(2, kind);
    create.exec();
    value = advance();
    if (!value) throw std::runtime_error("control number allocation returned nothing");
  }
  if (*value > kMaxControl) {
    // Wrapping around would reuse numbers Amazon has seen: stop and let a person decide.
    throw std::runtime_error(fmt::format("{} control numbers for {} are exhausted", kind, partner));
  }
  return *value;
}

}  // namespace store
