// Outbound documents, the outbox pattern: a document is built and stored with its control
// numbers in the transaction of the state change that caused it, and written to this job's
// staging folder before that transaction commits. After the commit it is renamed into the
// outbox and marked delivered. A crash between the two leaves either the staging file (the
// rename is redone) or none (the rename happened): a document is never rebuilt with new
// numbers, never lost.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "runner/job_context.h"
#include "store/database.h"
#include "store/records.h"
#include "x12/writer.h"

namespace runner {

// Where a document goes. Stored as the config key ("as2.outbox"), so a moved installation
// still delivers to the folder its config names now.
enum class Outbox { kAs2, kThirdParty };
std::string outbox_key(Outbox outbox);

// Control numbers allocated for one outbound interchange.
struct ControlNumbers {
  std::int64_t interchange = 0;  // ISA13
  std::int64_t group = 0;        // GS06
};

struct DocumentRequest {
  std::string type;              // 997, TA1, 855, ...
  std::string business_key;      // the business event; one document per key, ever
  std::string partner;           // whose control number sequences to use
  std::string functional_id;     // GS01 of the group (reconciled with Amazon's 997), "" if none
  Outbox outbox = Outbox::kAs2;  // destination, stored by name and resolved when delivering
  std::optional<std::int64_t> source_file_id;
  bool uses_group = true;  // false for an interchange with only a TA1
  // X12 documents are named after their ISA13 (avedi_<type>_<ISA13>.edi). A file without
  // control numbers (a CSV for the 3PL) gives its own name here instead.
  std::string file_name;
  // Builds the bytes for the allocated numbers.
  std::function<std::string(const ControlNumbers&)> build;
};

// A new document for `request`, numbered (its control numbers allocated into `numbers`, unless
// the request names its file) and named, in state built; without content or id. Inside the
// caller's open transaction.
store::DocumentRecord new_document(JobContext& context, const DocumentRequest& request,
                                   ControlNumbers& numbers);

// Where this job stages the document named `file_name`.
std::string staging_path(const JobContext& context, const std::string& file_name);

// Must run inside the caller's open transaction. Returns the existing document when the
// business event already has one (nothing new is allocated), else allocates control numbers
// (unless `file_name` is given), builds, stores (state built) and writes the staging file.
store::DocumentRecord stage_document(JobContext& context, const DocumentRequest& request);

// Queues a delivered document for delivery again with the same bytes and control numbers
// (Amazon re-sent a file because it never got our answer). Inside the caller's transaction.
void stage_redelivery(JobContext& context, const store::DocumentRecord& document,
                      const std::string& why);

// Commits the caller's transaction once every document staged in it is recorded (the builds of
// context.builds included) and its staging file is durable (one sync for all of them). Every
// transaction that staged a document ends here.
void commit_staged(JobContext& context, store::Transaction& transaction);

// After the commit: renames every built document of this job's staging folder into its outbox
// and marks it delivered. Also the crash recovery at the start of a run. Returns the number
// delivered. Throws on I/O failure (the documents stay built and are retried next run).
int deliver_staged(JobContext& context);

// deliver_staged for the job loops: an I/O failure (an outbox unwritable or full) is logged
// once and sets context.delivery_stopped, so the run goes on recording (and staging) the
// documents of its other business events without retrying the outbox for each of them; the
// next run delivers every staged document with its bytes and control numbers unchanged.
int deliver_staged_unless_stopped(JobContext& context);

// Removes staging files that belong to no built document (their transaction rolled back).
// Only at the start of a run, under the job's lock.
void remove_orphan_staging(JobContext& context);

// Amazon as a partner in the store: "ZZ/AMAZON", the key of its control number sequences.
std::string amazon_partner(const Config& config);

enum class X12Version { k4010, k5010 };

// ST02 of the `index`th (from 0) set of a group: 0001, 0002, ...
std::string set_control_number(std::size_t index);
// An interchange to Amazon of `count` sets of `set_id` in one group: the envelope (parties and
// usage from the config, date and time from the run's clock, the allocated control numbers),
// set `index` with ST02 set_control_number(index) and body_of(index) between ST and SE, a
// newline after each segment. `spans` receives where each set lies in the returned text.
std::string amazon_interchange_of_sets(
    const JobContext& context, const ControlNumbers& numbers, std::string_view functional_id,
    std::string_view set_id, X12Version version, std::size_t count,
    const std::function<std::vector<x12::SegmentBuilder>(std::size_t)>& body_of,
    std::vector<SetSpan>& spans);

// `text` (a partner's value, e.g. an ARN) made fit to be part of a file name: every byte but
// [A-Za-z0-9.-] becomes '_', so no value can name a path ("../x", "/etc") or hide a character.
std::string file_name_part(std::string_view text);

// The file name of a document: avedi_<type>_<ISA13 as 9 digits>.edi (only [A-Za-z0-9._-]).
std::string document_file_name(const std::string& type, std::int64_t interchange_control);

}  // namespace runner
