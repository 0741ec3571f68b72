// Amazon's 754 routing instructions (005010) -> the facts avedi hands to the 3PL: which of our
// routing requests it answers (supplier reference), the ARN, the carrier and the pickup.
// Where Amazon puts each is unconfirmed; amazon_mapping.h holds the choices.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "transactions/set_issues.h"

namespace transactions {

struct RoutingInstructions {
  std::string arn;                      // BGN02
  std::string supplier_reference;       // BGN06, else L11*...*SI
  std::string carrier_scac;             // N1*CA N104, else BLR01
  std::string carrier_name;             // N1*CA N102
  std::string pickup_date;              // G62*69 G6202, CCYYMMDD
  std::string pickup_time;              // G6204, HHMM
  std::vector<std::string> po_numbers;  // L11*...*PO
};

// Reads a 754; reports a missing BGN, ARN or supplier reference (AK3 code 3 / AK4 code 1).
std::optional<RoutingInstructions> read_routing_instructions(const x12::TransactionSet& set,
                                                             SetIssues& issues);

}  // namespace transactions
