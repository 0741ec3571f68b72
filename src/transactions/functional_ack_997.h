// Amazon's 997 (inbound) -> what it says about a group we sent: AK1 (GS01, GS06), the AK2/AK5
// verdict of each set when present, AK9 for the group. Amazon's own 997s may be group-level
// only (AK1 + AK9, no AK2), so the group is what avedi reconciles.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "transactions/set_issues.h"

namespace transactions {

struct SetVerdict {
  std::string set_id;              // AK201
  std::string set_control;         // AK202
  std::string status;              // AK501
  std::vector<std::string> codes;  // AK502..., AK3/AK4 summarized
};

struct FunctionalAck {
  std::string functional_id;             // AK101
  std::string group_control;             // AK102
  std::string status;                    // AK901: A, E, P, R
  std::vector<std::string> group_codes;  // AK905...
  std::vector<SetVerdict> sets;
  int included = 0, received = 0, accepted = 0;  // AK902-AK904

  // The group's verdict as avedi records it: AK9's, unless an AK5 says worse (AK9 A with a
  // set rejected is partial, or rejected when no set was accepted). A, E, P or R.
  std::string verdict() const;
  // verdict() as accepted, accepted_with_errors, partial or rejected.
  std::string status_text() const;
  // "AK9 R 5; AK2 855 0001: AK5 R 5 (AK3 BEG 2 8)", "" when nothing to say.
  std::string codes_text() const;

  // What the 997 says of the set with ST02 `set_control`: AK9 R rejects every set; else its
  // AK2/AK5 when listed with an AK5, else the group's AK9 (A and E apply to every set). Under
  // AK9 P a set not listed was accepted when other sets are listed with their AK5; with none
  // listed, which were accepted is unknown: "partial".
  struct SetAnswer {
    std::string status;  // as status_text()
    std::string codes;   // "AK5 R 5 (AK3 BAK 2 8)", "AK9 R 5", "" when nothing to say
  };
  SetAnswer answer_for(std::string_view set_control) const;
};

// Reads a 997 set. Reports a missing AK1 or AK9 (AK3 code 3). nullopt when anything was reported.
std::optional<FunctionalAck> read_functional_ack(const x12::TransactionSet& set, SetIssues& issues);

}  // namespace transactions
