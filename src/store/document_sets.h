// The transaction sets of a document that carries several (one interchange, one group, a set
// per business event): which set answers which event, where its bytes are in the document, and
// what Amazon's 997 said of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/records.h"

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
// several sets, or the whole document it had to itself (a document sent before its type was
// batched). nullopt when the event has no document.
struct SentSet {
  std::string isa;  // the interchange's first 106 bytes (its delimiters)
  std::string set;
};

// Finds the sets we sent, keeping the bytes of the last few documents it read. A set is a few
// kB of an interchange of up to kSetsPerInterchange sets (500 kB and more), and SQLite reaches
// an offset in a BLOB only by walking its overflow pages from the start, so reading one set
// alone costs the pages before it too. A job reads the sets of an interchange one after
// another (avedi-invoice goes through shipments in order, and a shipment's POs were
// acknowledged together): each document is then read once, whole. Documents never change
// once written, so what is kept cannot go stale.
class SentSetReader {
 public:
  explicit SentSetReader(Db& db) : db_(db) {}
  std::optional<SentSet> find(const std::string& business_key);

 private:
  const std::string& content_of(std::int64_t document_id);

  static constexpr std::size_t kDocumentsKept = 4;
  Db& db_;
  std::vector<std::pair<std::int64_t, std::string>> kept_;  // the last read at the back
};

}  // namespace store
