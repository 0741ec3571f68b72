// A problem found in partner X12 input. Bad input is data, not an exception: the reader and
// validators append Issues to a sink and keep going, and the 997/TA1 builders turn them into
// AK3/AK4/AK5/AK9 or TA1 segments. One Issue carries everything an operator or a 997 needs.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace x12 {

// The envelope level an Issue belongs to, which decides the acknowledgement code it maps to.
enum class IssueLevel {
  kInterchange,     // code is a TA105 note code (e.g. 1 = ISA13/IEA02 differ)
  kGroup,           // code is an AK905 (716) code, 0 when none applies
  kTransactionSet,  // code is an AK502 (718) code
  kSegment,         // code is an AK304 (720) code
  kElement,         // code is an AK403 (723) code
};

struct Issue {
  std::string file;        // file name as given to the reader
  std::size_t offset = 0;  // byte offset in the file (BOM included) of the bad item
  IssueLevel level = IssueLevel::kElement;
  int code = 0;  // the X12 code for the level, see IssueLevel

  // Where: indexes into the Document (-1 = not applicable) and the control numbers as read.
  int interchange_index = -1;
  int group_index = -1;
  int set_index = -1;
  std::string interchange_control;  // ISA13
  std::string group_control;        // GS06
  std::string set_control;          // ST02

  int segment_position = 0;  // within the transaction set, ST = 1; 0 outside a set
  std::string segment_id;
  int element_position = 0;    // 1-based, 0 = whole segment
  int component_position = 0;  // 1-based, 0 = whole element
  int element_reference = 0;   // X12 data element number for AK402, 0 when unknown
  std::string value;           // the offending value (AK404), possibly empty
  std::string message;         // the rule that was broken, with the value quoted
};

using Issues = std::vector<Issue>;

// "po_123.edi: byte 845, ST 0001 segment 4 BEG05 (element 5): "20241340" is not a date CCYYMMDD"
std::string format_issue(const Issue& issue);

// The value as an operator should see it, in double quotes: printable ASCII kept, other bytes
// as \xNN, cut at 40 characters so one line stays readable.
std::string quote_value(std::string_view value);

// The same without quotes, for values shown in outlines.
std::string printable(std::string_view value);

}  // namespace x12
