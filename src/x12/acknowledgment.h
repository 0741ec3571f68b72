// What avedi answers to a received interchange: a 997 per functional group (AK1, AK2/AK3/AK4/
// AK5 per transaction set, AK9) built from the reader's Issues, and a TA1 when the sender asked
// for one (ISA14=1) or the interchange envelope itself is in error. A 997 group is never
// acknowledged, and nothing is acknowledged inside an interchange whose ISA is unusable.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "x12/document.h"
#include "x12/issue.h"
#include "x12/writer.h"

namespace x12 {

// The acknowledgement of one received functional group: the body of one 997 set.
struct GroupAcknowledgment {
  int group_index = 0;
  std::vector<SegmentBuilder> segments;  // AK1 ... AK9 (no ST/SE)
  char status = 'A';                     // AK901: A, P or R
  int received = 0;                      // AK903
  int accepted = 0;                      // AK904
};

struct AcknowledgmentPlan {
  std::optional<SegmentBuilder> ta1;
  std::vector<GroupAcknowledgment> groups;
  std::string version = "00401";  // ISA12 of the answer: 00501 for a 5010 interchange

  bool empty() const { return !ta1 && groups.empty(); }
};

// Decides the TA1 and 997s for interchange `interchange_index` of a document, from the Issues
// the reader reported for it.
AcknowledgmentPlan plan_acknowledgment(const Interchange& interchange, int interchange_index,
                                       const Issues& issues);

// Envelope values of the answer. Parties and control numbers are the caller's (the store
// allocates control numbers; the config names the parties).
struct AcknowledgmentEnvelope {
  InterchangeHeader interchange;  // version is overridden by the plan's
  GroupHeader group;              // functional id and version are set here
  WriteOptions options;
};

// Writes the plan as one interchange: the TA1 first, then one FA group with one 997 set per
// acknowledged group (ST02 0001, 0002, ...). Returns "" when the plan is empty.
std::string write_acknowledgment(const AcknowledgmentPlan& plan,
                                 const AcknowledgmentEnvelope& envelope);

}  // namespace x12
