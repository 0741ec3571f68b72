// Builds the Issues a transaction-set mapping reports beyond syntax (a missing mandatory
// segment, an unknown vendor code, a CTT total that does not add up), placed like the
// reader's own so they land in the same 997 (AK3/AK4, AK5 R).
#pragma once

#include <string>
#include <string_view>

#include "x12/document.h"
#include "x12/issue.h"

namespace transactions {

// Where a set sits in its file, copied into every Issue.
struct SetLocation {
  std::string file;
  int interchange_index = 0;
  int group_index = 0;
  int set_index = 0;
  std::string interchange_control;
  std::string group_control;
  std::string set_control;
};

class SetIssues {
 public:
  SetIssues(const SetLocation& location, const x12::TransactionSet& set, x12::Issues& sink)
      : location_(location), set_(set), sink_(sink) {}

  // A mandatory segment `id` is missing; `position` is where it was expected (AK3 code 3).
  void missing_segment(std::string_view id, int position, std::string message);
  // Element `element` (1-based) of segment at `position` (1-based, ST = 1) breaks a business
  // rule; `code` is the AK403 code (7 invalid code value, 1 missing, 6 invalid character).
  void bad_element(int position, int element, int code, std::string message);

  int count() const { return count_; }

 private:
  x12::Issue base(int position) const;

  const SetLocation& location_;
  const x12::TransactionSet& set_;
  x12::Issues& sink_;
  int count_ = 0;
};

}  // namespace transactions
