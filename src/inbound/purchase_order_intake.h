// avedi-receive's 850 handler: Amazon's purchase order becomes a stored order (state
// received), or a recorded duplicate when the same PO number arrives with the same content.
// The same PO number with other content is not a second order: the file goes to error/ with a
// readable diff (PO changes are handled by a later issue).
#pragma once

#include "inbound/set_handler.h"

namespace inbound {

class PurchaseOrderIntake : public SetHandler {
 public:
  void check(const runner::JobContext& context, const x12::TransactionSet& set,
             transactions::SetIssues& issues) override;
  SetOutcome store(runner::JobContext& context, const x12::TransactionSet& set,
                   std::int64_t set_row_id, const store::FileRecord& file) override;
};

// Lines of `before` missing from `after` as "- line", lines new in `after` as "+ line".
std::string describe_changes(const std::string& before, const std::string& after);

}  // namespace inbound
