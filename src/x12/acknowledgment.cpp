// Maps Issues onto 997 and TA1 segments. Codes: AK304 = X12 720, AK403 = 723, AK502 = 718,
// AK905 = 716, TA105 = I18. A set is accepted (AK5 A) only without any Issue of its own and in
// a group without group-level Issues; AK9 is A when all sets are accepted, P when some, R when
// none or when the group envelope is in error.
#include "x12/acknowledgment.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "x12/element_rules.h"

namespace x12 {
namespace {

constexpr std::size_t kMaxCodes = 5;           // AK502-AK506, AK905-AK909
constexpr std::size_t kMaxElementErrors = 99;  // AK4 repeats per AK3
constexpr std::size_t kMaxBadValue = 99;       // AK404 length
constexpr int kMaxSegmentPosition = 999999;    // AK302 is N0 1-6

void add_code(std::vector<int>& codes, int code) {
  if (code <= 0 || codes.size() >= kMaxCodes) return;
  if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
}

// AK404 must itself be writable: bytes outside printable ASCII and our own delimiters become '?'.
std::string safe_copy(std::string_view value) {
  std::string copy(value.substr(0, kMaxBadValue));
  for (char& c : copy) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E || c == '*' || c == '~' || c == '>' || c == '^') c = '?';
  }
  return copy;
}

// A TA1 value echoed from a bad ISA may itself be unwritable; a fixed placeholder keeps the
// TA1 well-formed while TA105 says what was wrong.
std::string echo_or(std::string_view value, std::size_t width, std::string_view fallback,
                    std::string (*check)(std::string_view) = nullptr) {
  if (value.size() != width) return std::string(fallback);
  for (char c : value) {
    if (c < '0' || c > '9') return std::string(fallback);
  }
  if (check != nullptr && !check(value).empty()) return std::string(fallback);
  return std::string(value);
}

bool digits(std::string_view value, std::size_t min, std::size_t max) {
  if (value.size() < min || value.size() > max) return false;
  return value.find_first_not_of("0123456789") == std::string_view::npos;
}

// AK1/AK2 must echo the received control numbers; one that breaks their syntax cannot be
// echoed, and the reader has already reported it (TA1 024 for a GS, AK9 for a set).
bool can_echo_group(const FunctionalGroup& group) {
  return digits(group.control(), 1, 9) && group.functional_id().size() == 2;
}

bool can_echo_set(const TransactionSet& set) {
  std::string_view control = set.control();
  return digits(set.id(), 3, 3) && control.size() >= 4 && control.size() <= 9 &&
         safe_copy(control) == control;
}

bool belongs_to_set(const Issue& issue, int interchange, int group, int set) {
  return issue.interchange_index == interchange && issue.group_index == group &&
         issue.set_index == set;
}

void add_segment_errors(std::vector<SegmentBuilder>& out, const std::vector<const Issue*>& issues) {
  // AK3 per segment in position order; element issues of a segment become its AK4s.
  std::map<int, std::vector<const Issue*>> by_position;
  for (const Issue* issue : issues) {
    if (issue->level == IssueLevel::kSegment || issue->level == IssueLevel::kElement) {
      by_position[issue->segment_position].push_back(issue);
    }
  }
  for (const auto& [position, segment_issues] : by_position) {
    if (position > kMaxSegmentPosition) break;  // AK302 cannot say where
    const Issue* segment_level = nullptr;
    for (const Issue* issue : segment_issues) {
      if (issue->level == IssueLevel::kSegment) segment_level = issue;
    }
    SegmentBuilder ak3("AK3");
    // AK301 holds 2-3 characters: a bad id is cut, or padded with '?', so the 997 stays valid.
    std::string id = safe_copy(segment_issues.front()->segment_id).substr(0, 3);
    id.resize(std::max<std::size_t>(id.size(), 2), '?');
    ak3.add(id);
    ak3.add(std::to_string(position)).add("");
    ak3.add(std::to_string(segment_level ? segment_level->code : 8));
    out.push_back(ak3);
    std::size_t written = 0;
    for (const Issue* issue : segment_issues) {
      if (issue->level != IssueLevel::kElement || written == kMaxElementErrors) continue;
      // AK401 holds a 2-digit position; AK3's code 8 still reports elements beyond 99.
      if (issue->element_position > 99 || issue->component_position > 99) continue;
      SegmentBuilder ak4("AK4");
      std::vector<std::string> where{std::to_string(issue->element_position)};
      if (issue->component_position > 0) where.push_back(std::to_string(issue->component_position));
      ak4.add_composite(where);
      ak4.add(issue->element_reference > 0 ? std::to_string(issue->element_reference) : "");
      ak4.add(std::to_string(issue->code)).add(safe_copy(issue->value));
      out.push_back(ak4);
      ++written;
    }
  }
}

GroupAcknowledgment acknowledge_group(const FunctionalGroup& group, int interchange_index,
                                      int group_index, const Issues& issues) {
  GroupAcknowledgment ack;
  ack.group_index = group_index;
  bool five_ten = release_of(group.version()) == Release::k5010;
  SegmentBuilder ak1("AK1");
  ak1.add(safe_copy(group.functional_id())).add(safe_copy(group.control()));
  if (five_ten) ak1.add(safe_copy(group.version()).substr(0, 12));
  ack.segments.push_back(ak1);

  for (int set_index = 0; set_index < static_cast<int>(group.sets.size()); ++set_index) {
    const TransactionSet& set = group.sets[set_index];
    std::vector<const Issue*> set_issues;
    for (const Issue& issue : issues) {
      if (belongs_to_set(issue, interchange_index, group_index, set_index)) {
        set_issues.push_back(&issue);
      }
    }
    bool accepted = set_issues.empty() && !group.rejected;
    ++ack.received;
    ack.accepted += accepted;
    if (!can_echo_set(set)) continue;  // counted in AK9, but no AK2 can name it
    SegmentBuilder ak2("AK2");
    ak2.add(set.id()).add(set.control());
    // AK203 echoes ST03 only when it is a valid implementation reference (AN 1-35).
    std::string_view reference = set.implementation();
    if (five_ten && reference.size() <= 35 && safe_copy(reference) == reference) {
      ak2.add(reference);
    }
    ack.segments.push_back(ak2);
    add_segment_errors(ack.segments, set_issues);
    std::vector<int> codes;
    bool segment_errors = false;
    for (const Issue* issue : set_issues) {
      if (issue->level == IssueLevel::kTransactionSet) add_code(codes, issue->code);
      if (issue->level == IssueLevel::kSegment || issue->level == IssueLevel::kElement) {
        segment_errors = true;
      }
    }
    if (segment_errors) add_code(codes, 5);
    SegmentBuilder ak5("AK5");
    ak5.add(accepted ? "A" : "R");
    for (int code : codes) ak5.add(std::to_string(code));
    ack.segments.push_back(ak5);
  }

  std::vector<int> group_codes;
  for (const Issue& issue : issues) {
    if (issue.level == IssueLevel::kGroup && issue.interchange_index == interchange_index &&
        issue.group_index == group_index) {
      add_code(group_codes, issue.code);
    }
  }
  if (group.rejected || ack.accepted == 0) {
    ack.status = 'R';
  } else {
    ack.status = ack.accepted == ack.received ? 'A' : 'P';
  }
  // AK902 repeats what GE01 declared when it is a number, else the count received.
  std::string included = std::to_string(ack.received);
  if (group.trailer) {
    std::string_view declared = group.trailer->element(1);
    if (!declared.empty() && declared.size() <= 6 &&
        declared.find_first_not_of("0123456789") == std::string_view::npos) {
      included = std::string(declared);
    }
  }
  SegmentBuilder ak9("AK9");
  ak9.add(std::string(1, ack.status)).add(included).add(std::to_string(ack.received));
  ak9.add(std::to_string(ack.accepted));
  for (int code : group_codes) ak9.add(std::to_string(code));
  ack.segments.push_back(ak9);
  return ack;
}

}  // namespace

AcknowledgmentPlan plan_acknowledgment(const Interchange& interchange, int interchange_index,
                                       const Issues& issues) {
  AcknowledgmentPlan plan;
  plan.version = release_of(interchange.version()) == Release::k5010 ? "00501" : "00401";
  const Issue* first_envelope_issue = nullptr;
  for (const Issue& issue : issues) {
    if (issue.level == IssueLevel::kInterchange && issue.interchange_index == interchange_index) {
      first_envelope_issue = &issue;
      break;
    }
  }
  if (first_envelope_issue != nullptr || interchange.acknowledgment_requested()) {
    char status = interchange.rejected ? 'R' : (first_envelope_issue ? 'E' : 'A');
    SegmentBuilder ta1("TA1");
    ta1.add(echo_or(interchange.control(), 9, "000000000"));
    ta1.add(echo_or(interchange.date(), 6, "000101", &check_date));
    ta1.add(echo_or(interchange.time(), 4, "0000", &check_time));
    ta1.add(std::string(1, status));
    ta1.add(fmt::format("{:03}", first_envelope_issue ? first_envelope_issue->code : 0));
    plan.ta1 = ta1;
  }
  if (interchange.rejected) return plan;
  for (int group_index = 0; group_index < static_cast<int>(interchange.groups.size());
       ++group_index) {
    const FunctionalGroup& group = interchange.groups[group_index];
    if (group.functional_id() == "FA") continue;  // never acknowledge an acknowledgement
    if (!can_echo_group(group)) continue;
    plan.groups.push_back(acknowledge_group(group, interchange_index, group_index, issues));
  }
  return plan;
}

std::string write_acknowledgment(const AcknowledgmentPlan& plan,
                                 const AcknowledgmentEnvelope& envelope) {
  if (plan.empty()) return "";
  InterchangeHeader header = envelope.interchange;
  header.version = plan.version;
  InterchangeWriter writer(header, envelope.options);
  if (plan.ta1) writer.add_interchange_segment(*plan.ta1);
  if (!plan.groups.empty()) {
    GroupHeader group = envelope.group;
    group.functional_id = "FA";
    group.version = plan.version == "00501" ? "005010" : "004010";
    writer.begin_group(group);
    int set_number = 0;
    for (const GroupAcknowledgment& ack : plan.groups) {
      writer.begin_set("997", fmt::format("{:04}", ++set_number));
      for (const SegmentBuilder& segment : ack.segments) writer.add(segment);
      writer.end_set();
    }
    writer.end_group();
  }
  return writer.finish();
}

}  // namespace x12
