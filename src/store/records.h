// The rows avedi writes, as plain structs, and who writes them (Actor). Every state change goes
// through a function that also writes its `transitions` row, in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace store {

class Db;

// Who is changing state: the job, its run, and the run's notion of "now" (ISO 8601 UTC).
struct Actor {
  std::string job;
  std::int64_t run_id = 0;
  std::string now;
};

struct FileRecord {
  std::int64_t id = 0;
  std::string job;
  std::string original_name;
  std::string original_folder;
  std::string work_path;
  std::int64_t size = 0;
  std::string sha256;
  std::string kind;
  std::string state;
  std::string reason;
  std::string stored_path;
  std::string arrived_at;  // ISO 8601 UTC, when it arrived in its inbox
};

struct DocumentRecord {
  std::int64_t id = 0;
  std::string job;
  std::string type;
  std::string business_key;
  std::string partner;
  std::string interchange_control;
  std::string group_control;
  std::string file_name;
  std::string outbox;
  std::string content;  // "" from the look-ups that skip it (records.h says which)
  std::string state;
  std::optional<std::int64_t> source_file_id;
  int deliveries = 0;
  std::string functional_id;  // GS01 of what was sent (PR, SH, IN, RF, FA), "" for a CSV
  std::string ack_status;     // Amazon's 997: accepted, accepted_with_errors, partial, rejected
  std::string delivered_at;
};

// --- transitions ---
void record_transition(Db& db, const Actor& actor, const std::string& entity_type,
                       std::int64_t entity_id, const std::string& from_state,
                       const std::string& to_state, std::optional<std::int64_t> file_id,
                       const std::string& detail);

// One line per transition of run `run_id`, in order: "file 3: claiming -> archived (detail)".
std::vector<std::string> describe_run_transitions(Db& db, std::int64_t run_id);

// --- runs ---
std::int64_t start_run(Db& db, const std::string& job, const std::string& now);
struct RunCounts {
  int files_processed = 0;
  int files_rejected = 0;
  int documents_sent = 0;
};
void finish_run(Db& db, std::int64_t run_id, const std::string& now, int exit_code,
                const RunCounts& counts);

// --- files ---
// Inserts a file in state "claiming" (before it is moved into the work folder).
std::int64_t insert_claiming_file(Db& db, const Actor& actor, const FileRecord& file);
std::optional<FileRecord> find_file(Db& db, std::int64_t id);
void set_file_work_path(Db& db, std::int64_t id, const std::string& work_path);
// Files of `job` not yet in a terminal state (claiming), oldest first.
std::vector<FileRecord> unfinished_files(Db& db, const std::string& job);
// Files in state "error" whose stored place is `stored_path`, oldest first.
std::vector<FileRecord> files_in_error_at(Db& db, const std::string& stored_path);
// Changes state (and reason/stored path/sha256 when given), with its transition.
void set_file_state(Db& db, const Actor& actor, const FileRecord& file, const std::string& state,
                    const std::string& detail);
// An earlier file with the same bytes that was processed (archived or duplicate), if any.
std::optional<FileRecord> find_processed_file_by_sha256(Db& db, const std::string& sha256,
                                                        std::int64_t except_id);

// --- interchanges and transaction sets received ---
struct InterchangeRecord {
  std::int64_t id = 0;
  std::int64_t file_id = 0;
  std::string sender;  // "ZZ/AMAZON"
  std::string receiver;
  std::string control;  // ISA13
  std::string version;  // ISA12
  std::string status;   // accepted, accepted_with_errors, rejected
};
struct TransactionSetRecord {
  std::string functional_id;
  std::string group_control;
  std::string set_id;
  std::string set_control;
  std::string state;  // rejected, unhandled, ...
  std::int64_t offset = 0;
};
std::optional<InterchangeRecord> find_interchange(Db& db, const std::string& sender,
                                                  const std::string& receiver,
                                                  const std::string& control);
std::int64_t insert_interchange(Db& db, const Actor& actor, const InterchangeRecord& interchange);
std::int64_t insert_transaction_set(Db& db, const Actor& actor, std::int64_t interchange_id,
                                    std::int64_t file_id, const TransactionSetRecord& set);
void set_transaction_set_state(Db& db, const Actor& actor, std::int64_t set_id,
                               std::int64_t file_id, const std::string& from_state,
                               const std::string& to_state, const std::string& detail);

// --- control numbers ---
// The next value of `kind` (ISA13, GS06, ST02) for `partner`, starting at 1. Never reused;
// throws std::runtime_error when the 9-digit range is exhausted. Only inside a write transaction
// (the one that stores what carries the number); std::logic_error outside one.
std::int64_t next_control_number(Db& db, const std::string& partner, const std::string& kind);
// Reserves `count` (> 0) consecutive numbers of a sequence at once, as `count` calls of
// next_control_number would (route's SSCC serials and shipment numbers); returns the first.
std::int64_t reserve_numbers(Db& db, const std::string& partner, const std::string& kind,
                             std::int64_t count);

// --- documents ---
std::optional<DocumentRecord> find_document(Db& db, std::int64_t id);
std::optional<DocumentRecord> find_document_by_key(Db& db, const std::string& business_key);
// Without its content, like documents_in_state and find_document_by_group: the callers ask
// for the state (document_content() reads the bytes).
std::optional<DocumentRecord> find_document_by_file_name(Db& db, const std::string& file_name);
// Whether a document already has this file name: an index probe that reads no content (a
// release CSV of a backlog is over a megabyte, and a run probes its names part by part).
bool document_file_name_taken(Db& db, const std::string& file_name);
// The file name of document `id`, its row alone (std::logic_error when there is none).
std::string file_name_of_document(Db& db, std::int64_t id);
// The stored bytes of document `id` (std::logic_error when there is no such document).
std::string document_content(Db& db, std::int64_t id);
std::int64_t insert_document(Db& db, const Actor& actor, const DocumentRecord& document);
// insert_document in two steps, for a document whose bytes are built after its row (inside
// the same transaction): the row in state built with its transition (`sha256` "" until the
// bytes come; `document.content` unused), then the bytes and their hash.
std::int64_t insert_document_row(Db& db, const Actor& actor, const DocumentRecord& document,
                                 const std::string& sha256);
void insert_document_content(Db& db, std::int64_t document_id, std::string_view content,
                             const std::string& sha256);
// The first `limit` documents of `job` in `state`, oldest first, WITHOUT their content (a
// delivery batch's memory is its rows, not its bytes: a backlog's release CSV is megabytes).
std::vector<DocumentRecord> documents_in_state(Db& db, const std::string& job,
                                               const std::string& state, int limit);
// Sets a delivered document back to built, to be delivered again with the same bytes.
void mark_document_for_redelivery(Db& db, const Actor& actor, const DocumentRecord& document,
                                  const std::string& detail);
// The document whose group we sent with GS01 `functional_id` and GS06 `group_control`, without
// its content (a 997 reconciles thousands of groups).
std::optional<DocumentRecord> find_document_by_group(Db& db, const std::string& partner,
                                                     const std::string& functional_id,
                                                     const std::string& group_control);
// Records Amazon's 997 verdict on a document we sent.
void record_document_ack(Db& db, const Actor& actor, const DocumentRecord& document,
                         const std::string& status, const std::string& codes,
                         std::optional<std::int64_t> file_id);
// A delivered document still waiting for Amazon's 997: what the overdue reports name.
struct AwaitedDocument {
  std::int64_t id = 0;
  std::string file_name;
  std::string delivered_at;
};
// Delivered documents of `type` without a 997, delivered before `before` (ISO time), oldest
// first; at most `limit` (all when negative). Without their content: a backlog of them is
// reported by every run.
std::vector<AwaitedDocument> unacknowledged_documents(Db& db, const std::string& type,
                                                      const std::string& before, int limit);
std::int64_t count_unacknowledged_documents(Db& db, const std::string& type,
                                            const std::string& before);

void mark_document_delivered(Db& db, const Actor& actor, const DocumentRecord& document,
                             const std::string& detail);

}  // namespace store
