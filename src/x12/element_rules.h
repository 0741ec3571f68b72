// The data element dictionary for the segments avedi reads and writes (X12 004010 lengths),
// and the check of one segment's elements against it. Segments outside the dictionary only get
// the checks every element needs (no control characters).
#pragma once

#include <cstdint>
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

// One element's checks in the flat shape the reader's fast path walks (quick_check.h): the
// types whose validity shows in a segment's byte masks, and kDetailed for the others.
struct QuickElement {
  enum class Kind : std::uint8_t {
    kText,      // AN, or ID with no code list: a length and no control character
    kDigits,    // N without a sign
    kDecimal,   // R without a sign: digits and at most one point, which is not counted
    kDetailed,  // times, composites, coded identifiers: the detailed check decides
    kDate,      // DT CCYYMMDD: eight digits that check_date accepts
  };
  Kind kind = Kind::kDetailed;
  bool mandatory = false;
  std::uint32_t min_length = 1;
  std::uint32_t length_span = 0;  // max_length - min_length
};

struct SegmentRule {
  std::string_view id;
  std::vector<ElementRule> elements;
  int mandatory_end = 0;              // 1 + the position of the last mandatory element (0: none)
  std::vector<QuickElement> quick{};  // one per element, built with the dictionary
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

// True when check_elements would report nothing about `value` as an element with `rule`
// (`value` holds no element separator). The fast path asks it for its kDetailed elements.
bool element_is_valid(std::string_view value, const ElementRule& rule, char component_separator);

// Value checks shared with the ISA checks and the writer. Each returns "" when `value` is
// valid, else the rule it breaks ("is not a date CCYYMMDD").
std::string check_date(std::string_view value);
std::string check_time(std::string_view value);

}  // namespace x12
