// Interchanges and transaction sets received: the redelivery check and what each set became.
#include <SQLiteCpp/SQLiteCpp.h>

#include "store/database.h"
#include "store/records.h"

namespace store {

std::optional<InterchangeRecord> find_interchange(Db& db, const std::string& sender,
                                                  const std::string& receiver,
                                                  const std::string& control) {
  SQLite::Statement& query = db.statement(
      "SELECT id, file_id, sender, receiver, control, version, status "
      "FROM interchanges WHERE sender = ? AND receiver = ? AND control = ?");
  query.bind(1, sender);
  query.bind(2, receiver);
  query.bind(3, control);
  if (!query.executeStep()) return std::nullopt;
  InterchangeRecord record;
  record.id = query.getColumn(0).getInt64();
  record.file_id = query.getColumn(1).getInt64();
  record.sender = query.getColumn(2).getString();
  record.receiver = query.getColumn(3).getString();
  record.control = query.getColumn(4).getString();
  record.version = query.getColumn(5).getString();
  record.status = query.getColumn(6).getString();
  return record;
}

std::int64_t insert_interchange(Db& db, const Actor& actor, const InterchangeRecord& interchange) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO interchanges (file_id, sender, receiver, control, version, "
      "status) VALUES (?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(interchange.file_id));
  insert.bind(2, interchange.sender);
  insert.bind(3, interchange.receiver);
  insert.bind(4, interchange.control);
  insert.bind(5, interchange.version);
  insert.bind(6, interchange.status);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "interchange", id, "", interchange.status, interchange.file_id,
                    interchange.sender + " ISA13 " + interchange.control);
  return id;
}

std::int64_t insert_transaction_set(Db& db, const Actor& actor, std::int64_t interchange_id,
                                    std::int64_t file_id, const TransactionSetRecord& set) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO transaction_sets (interchange_id, functional_id, "
      "group_control, set_id, set_control, state, first_segment) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(interchange_id));
  insert.bind(2, set.functional_id);
  insert.bind(3, set.group_control);
  insert.bind(4, set.set_id);
  insert.bind(5, set.set_control);
  insert.bind(6, set.state);
  insert.bind(7, static_cast<std::int64_t>(set.offset));
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "transaction_set", id, "", set.state, file_id,
                    set.set_id + " " + set.set_control);
  return id;
}

void set_transaction_set_state(Db& db, const Actor& actor, std::int64_t set_id,
                               std::int64_t file_id, const std::string& from_state,
                               const std::string& to_state, const std::string& detail) {
  SQLite::Statement& update = db.statement("UPDATE transaction_sets SET state = ? WHERE id = ?");
  update.bind(1, to_state);
  update.bind(2, static_cast<std::int64_t>(set_id));
  update.exec();
  record_transition(db, actor, "transaction_set", set_id, from_state, to_state, file_id, detail);
}

}  // namespace store
