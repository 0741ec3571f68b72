// The per-file life cycle every inbound job shares: claim by rename into the job's work
// folder, process inside one transaction, deliver what it produced, move the file to
// archive/YYYY/MM/DD/ or to error/ with <name>.reason.txt. Files and documents a crashed run
// left behind are finished first. Every file that enters ends in exactly one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runner/inbox.h"
#include "runner/job_context.h"

namespace runner {

struct FileOutcome {
  enum class Kind { kArchive, kError, kDuplicate };
  Kind kind = Kind::kArchive;
  std::string reason;   // error: every problem, one per line; duplicate: of what
  std::string summary;  // the one log line for this file
};

// A job's own work on one file's bytes.
class FileHandler {
 public:
  virtual ~FileHandler() = default;
  // Called inside the file's transaction: records rows and stages documents through
  // `context`, never touches a folder itself. Bad input is an outcome, not an exception;
  // exceptions mean the environment failed (the transaction is rolled back).
  virtual FileOutcome process(JobContext& context, const store::FileRecord& file,
                              std::string_view content) = 0;
};

// What the file loop does with the memory a file freed (runner/freed_memory.h).
enum class MemoryBetweenFiles {
  kGiveBackPastLimit,  // more than 48 MB free after a file goes back to the system
  kKeep,               // runner::keep_freed_memory() for the run; no trim after a file
};

struct FileJobSpec {
  std::string inbox;  // the folder this job polls
  std::string kind;   // recorded in files.kind: x12, csv
  InboxRules rules;
  MemoryBetweenFiles memory = MemoryBetweenFiles::kGiveBackPastLimit;
};

struct FileJobResult {
  int archived = 0;
  int duplicates = 0;
  int rejected = 0;
  int documents = 0;
  bool io_failure = false;
};

// Runs the job over its inbox, or over exactly `single_file` (--file) when given.
FileJobResult run_file_job(JobContext& context, const FileJobSpec& spec, FileHandler& handler,
                           const std::optional<std::string>& single_file);

}  // namespace runner
