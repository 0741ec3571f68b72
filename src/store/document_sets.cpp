// The sets of documents that carry several business events.
#include "store/document_sets.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/database.h"

namespace store {
namespace {

constexpr const char* kSelectSets =
    "SELECT id, document_id, set_control, business_key, content_offset, content_length, "
    "coalesce(ack_status, '') FROM document_sets ";

DocumentSet read_set(SQLite::Statement& query) {
  DocumentSet set;
  set.id = query.getColumn(0).getInt64();
  set.document_id = query.getColumn(1).getInt64();
  set.set_control = query.getColumn(2).getString();
  set.business_key = query.getColumn(3).getString();
  set.offset = query.getColumn(4).getInt64();
  set.length = query.getColumn(5).getInt64();
  set.ack_status = query.getColumn(6).getString();
  return set;
}

}  // namespace

void insert_document_set(Db& db, const DocumentSet& set) {
  SQLite::Statement& insert = db.statement(
      "INSERT INTO document_sets (document_id, set_control, business_key, content_offset, "
      "content_length) VALUES (?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(set.document_id));
  insert.bind(2, set.set_control);
  insert.bind(3, set.business_key);
  insert.bind(4, static_cast<std::int64_t>(set.offset));
  insert.bind(5, static_cast<std::int64_t>(set.length));
  insert.exec();
}

std::optional<DocumentSet> find_document_set_by_key(Db& db, const std::string& business_key) {
  SQLite::Statement& query = db.statement(std::string(kSelectSets) + "WHERE business_key = ?");
  query.bind(1, business_key);
  if (!query.executeStep()) return std::nullopt;
  DocumentSet set = read_set(query);
  query.reset();
  return set;
}

std::vector<DocumentSet> sets_of_document(Db& db, std::int64_t document_id) {
  SQLite::Statement& query =
      db.statement(std::string(kSelectSets) + "WHERE document_id = ? ORDER BY set_control");
  query.bind(1, static_cast<std::int64_t>(document_id));
  std::vector<DocumentSet> sets;
  while (query.executeStep()) sets.push_back(read_set(query));
  return sets;
}

void record_set_ack(Db& db, const Actor& actor, const DocumentSet& set, const std::string& status,
                    const std::string& codes, std::optional<std::int64_t> file_id) {
  SQLite::Statement& update = db.statement(
      "UPDATE document_sets SET ack_status = ?, ack_codes = ?, ack_at = ? WHERE id = ?");
  update.bind(1, status);
  bind_text_or_null(update, 2, codes);
  update.bind(3, actor.now);
  update.bind(4, static_cast<std::int64_t>(set.id));
  update.exec();
  std::string what = fmt::format("set {} ({})", set.set_control, set.business_key);
  record_transition(db, actor, "document_set", set.id,
                    set.ack_status.empty() ? "awaiting_997" : set.ack_status, status, file_id,
                    codes.empty() ? what : what + ": " + codes);
}

const std::string& SentSetReader::content_of(std::int64_t document_id) {
  auto found = std::find_if(kept_.begin(), kept_.end(),
                            [&](const auto& kept) { return kept.first == document_id; });
  if (found != kept_.end()) {
    std::rotate(found, found + 1, kept_.end());  // the most recent at the back
  } else {
    if (kept_.size() == kDocumentsKept) kept_.erase(kept_.begin());
    kept_.emplace_back(document_id, document_content(db_, document_id));
  }
  return kept_.back().second;
}

std::optional<SentSet> SentSetReader::find(const std::string& business_key) {
  if (std::optional<DocumentSet> set = find_document_set_by_key(db_, business_key)) {
    const std::string& content = content_of(set->document_id);
    if (set->offset < 0 || set->length < 0 ||
        static_cast<std::size_t>(set->offset + set->length) > content.size()) {
      throw std::logic_error(fmt::format("set {} of document {}: no {} bytes at {} (it has {})",
                                         set->set_control, set->document_id, set->length,
                                         set->offset, content.size()));
    }
    return SentSet{content.substr(0, 106), content.substr(set->offset, set->length)};
  }
  if (std::optional<DocumentRecord> document = find_document_by_key(db_, business_key)) {
    return SentSet{document->content.substr(0, 106), document->content};
  }
  return std::nullopt;
}

}  // namespace store
