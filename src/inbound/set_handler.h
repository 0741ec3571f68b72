// The plug-in point of avedi-receive for one kind of transaction set (850, later 754 and 997).
// check() runs before the 997 is built, so what it reports rejects the set in that 997;
// store() records a set that passed, inside the file's transaction.
#pragma once

#include <cstdint>
#include <string>

#include "runner/job_context.h"
#include "store/records.h"
#include "transactions/set_issues.h"
#include "x12/document.h"

namespace inbound {

struct SetOutcome {
  std::string state;         // the transaction set's new state (e.g. po_received)
  std::string file_problem;  // non-empty: the file goes to error/ with this (997 unaffected)
  std::string note;          // for the file's log line
};

class SetHandler {
 public:
  virtual ~SetHandler() = default;
  // Business checks beyond syntax; Issues reported reject the set in the 997. Writes nothing.
  virtual void check(const runner::JobContext& context, const x12::TransactionSet& set,
                     transactions::SetIssues& issues) = 0;
  // Stores a set that passed check(). `set_row_id` is its transaction_sets row.
  virtual SetOutcome store(runner::JobContext& context, const x12::TransactionSet& set,
                           std::int64_t set_row_id, const store::FileRecord& file) = 0;
};

}  // namespace inbound
