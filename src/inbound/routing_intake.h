// avedi-receive's 754 handler: Amazon's routing instructions are matched to the shipment of our
// 753 by the supplier reference; ARN, carrier and pickup are recorded (state routed) and
// routing_<shipment>.csv goes to the 3PL. A 754 that matches nothing, or names POs the shipment
// does not carry, is accepted in the 997 (it is valid X12) but sends the file to error/ with
// the reason, for the operator.
#pragma once

#include "inbound/set_handler.h"

namespace inbound {

class RoutingIntake : public SetHandler {
 public:
  void check(const runner::JobContext& context, const x12::TransactionSet& set,
             transactions::SetIssues& issues) override;
  SetOutcome store(runner::JobContext& context, const x12::TransactionSet& set,
                   std::int64_t set_row_id, const store::FileRecord& file) override;
};

}  // namespace inbound
