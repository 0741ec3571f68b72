// Outbound documents: stored with their bytes when built, marked delivered after the rename
// into the outbox.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <stdexcept>

#include "store/database.h"
#include "store/records.h"
#include "util/sha256.h"

namespace store {
namespace {

// Whether a read of document rows carries their bytes (a backlog's release CSV is megabytes).
enum class Content { kRead, kSkip };

// The SELECT of the columns read_row() reads, in its order; kSkip reads x'' for the content
// (the bytes are a row of document_contents: a document's own row stays small).
std::string select_documents(Content content = Content::kRead) {
  return std::string(
             "SELECT id, job, type, business_key, partner, coalesce(interchange_control, ''), "
             "coalesce(group_control, ''), file_name, outbox, ") +
         (content == Content::kRead ? "c.content" : "x''") +
         ", state, source_file_id, deliveries, coalesce(functional_id, ''), "
         "coalesce(ack_status, ''), coalesce(delivered_at, '') FROM documents " +
         (content == Content::kRead ? "JOIN document_contents c ON c.document_id = id " : "");
}

std::string blob_bytes(const SQLite::Column& column) {
  return std::string(static_cast<const char*>(column.getBlob()),
                     static_cast<std::size_t>(column.getBytes()));
}

DocumentRecord read_row(SQLite::Statement& query) {
  DocumentRecord document;
  document.id = query.getColumn(0).getInt64();
  document.job = query.getColumn(1).getString();
  document.type = query.getColumn(2).getString();
  document.business_key = query.getColumn(3).getString();
  document.partner = query.getColumn(4).getString();
  document.interchange_control = query.getColumn(5).getString();
  document.group_control = query.getColumn(6).getString();
  document.file_name = query.getColumn(7).getString();
  document.outbox = query.getColumn(8).getString();
  document.content = blob_bytes(query.getColumn(9));
  document.state = query.getColumn(10).getString();
  if (!query.getColumn(11).isNull()) document.source_file_id = query.getColumn(11).getInt64();
  document.deliveries = query.getColumn(12).getInt();
  document.functional_id = query.getColumn(13).getString();
  document.ack_status = query.getColumn(14).getString();
  document.delivered_at = query.getColumn(15).getString();
  return document;
}

std::vector<DocumentRecord> read_all(SQLite::Statement& query) {
  std::vector<DocumentRecord> documents;
  while (query.executeStep()) documents.push_back(read_row(query));
  return documents;
}

}  // namespace

std::optional<DocumentRecord> find_document(Db& db, std::int64_t id) {
  SQLite::Statement& query = db.statement(select_documents() + "WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

std::optional<DocumentRecord> find_document_by_key(Db& db, const std::string& business_key) {
  SQLite::Statement& query = db.statement(select_documents() + "WHERE business_key = ?");
  query.bind(1, business_key);
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

std::optional<DocumentRecord> find_document_by_file_name(Db& db, const std::string& file_name) {
  SQLite::Statement& query = db.statement(select_documents(Content::kSkip) + "WHERE file_name = ?");
  query.bind(1, file_name);
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

std::string document_content(Db& db, std::int64_t id) {
  SQLite::Statement& query =
      db.statement("SELECT content FROM document_contents WHERE document_id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) throw std::logic_error(fmt::format("no document {}", id));
  std::string bytes = blob_bytes(query.getColumn(0));
  query.reset();
  return bytes;
}

std::string file_name_of_document(Db& db, std::int64_t id) {
  SQLite::Statement& query = db.statement("SELECT file_name FROM documents WHERE id = ?");
  query.bind(1, static_cast<std::int64_t>(id));
  if (!query.executeStep()) throw std::logic_error(fmt::format("no document {}", id));
  std::string name = query.getColumn(0).getString();
  query.reset();
  return name;
}

bool document_file_name_taken(Db& db, const std::string& file_name) {
  SQLite::Statement& query = db.statement("SELECT 1 FROM documents WHERE file_name = ?");
  query.bind(1, file_name);
  bool taken = query.executeStep();
  query.reset();  // a read left open would keep its snapshot
  return taken;
}

namespace {

void insert_content_bytes(Db& db, std::int64_t document_id, std::string_view content) {
  SQLite::Statement& bytes =
      db.statement("INSERT INTO document_contents (document_id, content) VALUES (?, ?)");
  bytes.bind(1, static_cast<std::int64_t>(document_id));
  bytes.bind(2, content.data(), static_cast<int>(content.size()));
  bytes.exec();
}

}  // namespace

std::int64_t insert_document(Db& db, const Actor& actor, const DocumentRecord& document) {
  std::int64_t id = insert_document_row(db, actor, document, util::sha256_hex(document.content));
  insert_content_bytes(db, id, document.content);
  return id;
}

std::int64_t insert_document_row(Db& db, const Actor& actor, const DocumentRecord& document,
                                 const std::string& sha256) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO documents (job, type, business_key, partner, interchange_control, "
      "group_control, file_name, outbox, sha256, state, source_file_id, created_at, "
      "run_id, functional_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'built', ?, ?, ?, ?)");
  insert.bind(1, actor.job);
  insert.bind(2, document.type);
  insert.bind(3, document.business_key);
  insert.bind(4, document.partner);
  bind_text_or_null(insert, 5, document.interchange_control);
  bind_text_or_null(insert, 6, document.group_control);
  insert.bind(7, document.file_name);
  insert.bind(8, document.outbox);
  insert.bind(9, sha256);
  if (document.source_file_id) {
    insert.bind(10, static_cast<std::int64_t>(*document.source_file_id));
  } else {
    insert.bind(10);
  }
  insert.bind(11, actor.now);
  insert.bind(12, static_cast<std::int64_t>(actor.run_id));
  bind_text_or_null(insert, 13, document.functional_id);
  insert.exec();
  std::int64_t id = db.sql().getLastInsertRowid();
  record_transition(db, actor, "document", id, "", "built", document.source_file_id,
                    document.type + " " + document.file_name);
  return id;
}

void insert_document_content(Db& db, std::int64_t document_id, std::string_view content,
                             const std::string& sha256) {
  SQLite::Statement& hash = db.statement("UPDATE documents SET sha256 = ? WHERE id = ?");
  hash.bind(1, sha256);
  hash.bind(2, static_cast<std::int64_t>(document_id));
  hash.exec();
  insert_content_bytes(db, document_id, content);
}

std::vector<DocumentRecord> documents_in_state(Db& db, const std::string& job,
                                               const std::string& state, int limit) {
  SQLite::Statement& query = db.statement(select_documents(Content::kSkip) +
                                          "WHERE job = ? AND state = ? ORDER BY id LIMIT ?");
  query.bind(1, job);
  query.bind(2, state);
  query.bind(3, limit);
  return read_all(query);
}

std::optional<DocumentRecord> find_document_by_group(Db& db, const std::string& partner,
                                                     const std::string& functional_id,
                                                     const std::string& group_control) {
  SQLite::Statement& query = db.statement(select_documents(Content::kSkip) +
                                          "WHERE partner = ? AND functional_id = ? AND "
                                          "group_control = ?");
  query.bind(1, partner);
  query.bind(2, functional_id);
  query.bind(3, group_control);
  if (!query.executeStep()) return std::nullopt;
  return read_row(query);
}

void record_document_ack(Db& db, const Actor& actor, const DocumentRecord& document,
                         const std::string& status, const std::string& codes,
                         std::optional<std::int64_t> file_id) {
  SQLite::Statement& update = db.statement(
      "UPDATE documents SET ack_status = ?, ack_codes = ?, ack_at = ? "
      "WHERE id = ?");
  update.bind(1, status);
  bind_text_or_null(update, 2, codes);
  update.bind(3, actor.now);
  update.bind(4, static_cast<std::int64_t>(document.id));
  update.exec();
  record_transition(db, actor, "document_ack", document.id,
                    document.ack_status.empty() ? "awaiting_997" : document.ack_status, status,
                    file_id,
                    codes.empty() ? document.type + " " + document.file_name
                                  : document.type + " " + document.file_name + ": " + codes);
}

std::vector<AwaitedDocument> unacknowledged_documents(Db& db, const std::string& type,
                                                      const std::string& before, int limit) {
  SQLite::Statement& query = db.statement(
      "SELECT id, file_name, delivered_at FROM documents WHERE type = ? AND state = 'delivered' "
      "AND ack_status IS NULL AND delivered_at < ? ORDER BY delivered_at, id LIMIT ?");
  query.bind(1, type);
  query.bind(2, before);
  query.bind(3, limit);
  std::vector<AwaitedDocument> documents;
  while (query.executeStep()) {
    documents.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                         query.getColumn(2).getString()});
  }
  return documents;
}

std::int64_t count_unacknowledged_documents(Db& db, const std::string& type,
                                            const std::string& before) {
  SQLite::Statement& query = db.statement(
      "SELECT count(*) FROM documents WHERE type = ? AND state = 'delivered' "
      "AND ack_status IS NULL AND delivered_at < ?");
  query.bind(1, type);
  query.bind(2, before);
  query.executeStep();
  std::int64_t count = query.getColumn(0).getInt64();
  // Reset now: a read left open keeps its snapshot, and the run's closing write right after
  // this report would then fail as busy if another job committed in between.
  query.reset();
  return count;
}

void mark_document_for_redelivery(Db& db, const Actor& actor, const DocumentRecord& document,
                                  const std::string& detail) {
  SQLite::Statement& update = db.statement("UPDATE documents SET state = 'built' WHERE id = ?");
  update.bind(1, static_cast<std::int64_t>(document.id));
  update.exec();
  record_transition(db, actor, "document", document.id, document.state, "built",
                    document.source_file_id, detail);
}

void mark_document_delivered(Db& db, const Actor& actor, const DocumentRecord& document,
                             const std::string& detail) {
  SQLite::Statement& update = db.statement(
      "UPDATE documents SET state = 'delivered', delivered_at = ?, "
      "deliveries = deliveries + 1 WHERE id = ?");
  update.bind(1, actor.now);
  update.bind(2, static_cast<std::int64_t>(document.id));
  update.exec();
  record_transition(db, actor, "document", document.id, document.state, "delivered",
                    document.source_file_id, detail);
}

}  // namespace store
