// avedi-receive's 997 handler: Amazon's verdict on a group we sent (855, 753, 856, 810) is
// matched by GS01 + GS06 and recorded on that document (accepted, partial, rejected, with
// Amazon's codes). A 997 that matches nothing we sent is kept and logged for the operator.
// Never answered with a 997.
#pragma once

#include "inbound/set_handler.h"

namespace inbound {

class FunctionalAckIntake : public SetHandler {
 public:
  void check(const runner::JobContext& context, const x12::TransactionSet& set,
             transactions::SetIssues& issues) override;
  SetOutcome store(runner::JobContext& context, const x12::TransactionSet& set,
                   std::int64_t set_row_id, const store::FileRecord& file) override;
};

}  // namespace inbound
