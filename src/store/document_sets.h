// The transaction sets of a document that carries several (one interchange, one group, a set
// per business event): which set answers which event, where its bytes are in the document, and
// what Amazon's 997 said of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/records.h"

struct sqlite3_blob;

namespace store {

struct DocumentSet {
  std::int64_t id = 0;
  std::int64_t document_id = 0;
  std::string set_control;   // ST02
  std::string business_key;  // the event this set answers ("855:po:<id>")
  std::int64_t offset = 0;   // of its ST in the document's content
  std::int64_t length = 0;   // ST through the line break after SE
  std::string ack_status;    // "" until a 997 answers the group
};

void insert_document_set(Db& db, const DocumentSet& set);
std::optional<DocumentSet> find_document_set_by_key(Db& db, const std::string& business_key);
// The sets of document `document_id` in ST02 order (none for a document of one event).
std::vector<DocumentSet> sets_of_document(Db& db, std::int64_t document_id);

// Records Amazon's 997 verdict on one set of a document we sent.
void record_set_ack(Db& db, const Actor& actor, const DocumentSet& set, const std::string& status,
                    const std::string& codes, std::optional<std::int64_t> file_id);

// The ISA and the bytes of the set we sent for `business_key`: its range of a document of
// several sets (only those pages are read), or the whole document it had to itself (a
// document sent before its type was batched). nullopt when the event has no document.
struct SentSet {
  std::string isa;  // the interchange's first 106 bytes (its delimiters)
  std::string set;
};
std::optional<SentSet> sent_set(Db& db, const std::string& business_key);

// Reads parts of one document's content through SQLite's incremental blob I/O: only the pages
// that hold them (a column read would load the whole interchange for each of its sets).
class DocumentContentReader {
 public:
  // std::logic_error when there is no document `document_id`.
  DocumentContentReader(Db& db, std::int64_t document_id);
  ~DocumentContentReader();
  DocumentContentReader(const DocumentContentReader&) = delete;
  DocumentContentReader& operator=(const DocumentContentReader&) = delete;

  std::int64_t size() const;
  // `length` bytes from `offset`; std::logic_error for a range outside the content.
  std::string read(std::int64_t offset, std::int64_t length);

 private:
  std::int64_t document_id_;
  sqlite3_blob* blob_ = nullptr;
};

}  // namespace store
