// The data element dictionary for the segments avedi reads and writes (X12 004010 lengths),
// and the check of one segment's elements against it. Segments outside the dictionary only get
// the checks every element needs (no control characters).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "x12/segment.h"

namespace x12 {

enum class ElementType {
  kNumeric,       // Nn: digits, optional leading minus, n implied decimals
  kDecimal,       // R: digits with an optional decimal point and leading minus
  kIdentifier,    // ID: a code, optionally from a closed list
  kAlphanumeric,  // AN: printable text
  kDate,          // DT: CCYYMMDD (or YYMMDD when max length is 6)
  kTime,          // TM: HHMM, HHMMSS or HHMMSSd..d
  kComposite,     // a composite made of component rules
};

enum class Requirement { kMandatory, kOptional };

struct ElementRule {
  int reference = 0;  // X12 data element number (0 for ISA-only "I" elements)
  ElementType type = ElementType::kAlphanumeric;
  int min_length = 1;
  int max_length = 1;
  Requirement requirement = Requirement::kOptional;
  std::string_view codes;               // space-separated closed code list, empty = any code
  std::vector<ElementRule> components;  // kComposite only
};

struct SegmentRule {
  std::string_view id;
  std::vector<ElementRule> elements;
  int mandatory_end = 0;  // 1 + the position of the last mandatory element (0: none)
};

// One element-level problem inside a segment, before it is placed in the document.
struct ElementProblem {
  int element_position = 0;
  int component_position = 0;
  int reference = 0;
  int code = 0;  // AK403 (723) code
  std::string value;
  std::string message;
};

// The X12 release whose element lengths apply: 004010 for 850/855/810/997, 005010 for
// 753/754/856 (and a 5010 997). The few lengths that differ (REF02 30 vs 50, ...) follow it.
enum class Release { k4010, k5010 };

// Release of a version string: an ISA12 ("00501") or a GS08 ("005010", "004010VICS").
Release release_of(std::string_view version);

// The rule for segment `id` in `release`, or nullptr when avedi has none.
const SegmentRule* find_segment_rule(std::string_view id, Release release);

// Checks every element of `segment` and appends what is wrong to `problems`.
void check_elements(const Segment& segment, Release release, std::vector<ElementProblem>& problems);

// Value checks shared with the ISA checks and the writer. Each returns "" when `value` is
// valid, else the rule it breaks ("is not a date CCYYMMDD").
std::string check_date(std::string_view value);
std::string check_time(std::string_view value);

}  // namespace x12
