// Semantic Issues with the reader's placement conventions.
#include "transactions/set_issues.h"

#include "x12/element_rules.h"

namespace transactions {

x12::Issue SetIssues::base(int position) const {
  x12::Issue issue;
  issue.file = location_.file;
  issue.interchange_index = location_.interchange_index;
  issue.group_index = location_.group_index;
  issue.set_index = location_.set_index;
  issue.interchange_control = location_.interchange_control;
  issue.group_control = location_.group_control;
  issue.set_control = location_.set_control;
  issue.segment_position = position;
  std::size_t index = static_cast<std::size_t>(position - 1);
  const x12::Segment& segment = set_.segments[std::min(index, set_.segments.size() - 1)];
  issue.offset = segment.offset();
  return issue;
}

void SetIssues::missing_segment(std::string_view id, int position, std::string message) {
  x12::Issue issue = base(position);
  issue.level = x12::IssueLevel::kSegment;
  issue.code = 3;
  issue.segment_id = std::string(id);
  issue.message = std::move(message);
  sink_.push_back(std::move(issue));
  ++count_;
}

void SetIssues::bad_element(int position, int element, int code, std::string message) {
  x12::Issue issue = base(position);
  const x12::Segment& segment = set_.segments[static_cast<std::size_t>(position - 1)];
  issue.level = x12::IssueLevel::kElement;
  issue.code = code;
  issue.segment_id = std::string(segment.id());
  issue.element_position = element;
  issue.offset = segment.element_offset(static_cast<std::size_t>(element));
  issue.value = std::string(segment.element(static_cast<std::size_t>(element)));
  const x12::SegmentRule* rule = x12::find_segment_rule(segment.id(), x12::Release::k4010);
  if (rule != nullptr && element <= static_cast<int>(rule->elements.size())) {
    issue.element_reference = rule->elements[static_cast<std::size_t>(element - 1)].reference;
  }
  issue.message = std::move(message);
  sink_.push_back(std::move(issue));
  ++count_;
}

}  // namespace transactions
