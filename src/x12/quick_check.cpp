// Each element's check is a few bit operations on the segment's masks: a range mask covers the
// element's bytes, and a value is plainly valid when no byte in it is of a class its type
// forbids and its counted length fits. It accepts a subset of what plainly_valid() in
// element_rules.cpp accepts (never a sign, a byte above 0x7F or a composite), without a pass
// over the bytes.
#include "x12/quick_check.h"

#include <bit>
#include <cstdint>

namespace x12 {

QuickElement quick_element(const ElementRule& rule) {
  QuickElement quick;
  quick.mandatory = rule.requirement == Requirement::kMandatory;
  quick.min_length = static_cast<std::uint32_t>(rule.min_length);
  quick.length_span = static_cast<std::uint32_t>(rule.max_length - rule.min_length);
  switch (rule.type) {
    case ElementType::kAlphanumeric:
      quick.kind = QuickElement::Kind::kText;
      break;
    case ElementType::kIdentifier:
      quick.kind = rule.codes.empty() ? QuickElement::Kind::kText : QuickElement::Kind::kDetailed;
      break;
    case ElementType::kNumeric:
      quick.kind = QuickElement::Kind::kDigits;
      break;
    case ElementType::kDecimal:
      quick.kind = QuickElement::Kind::kDecimal;
      break;
    case ElementType::kDate:
      // Only the CCYYMMDD form: check_value asks a date of minimum length 8 for 8 bytes.
      quick.kind = rule.min_length == 8 && rule.max_length == 8 ? QuickElement::Kind::kDate
                                                                : QuickElement::Kind::kDetailed;
      break;
    default:
      quick.kind = QuickElement::Kind::kDetailed;
      break;
  }
  // The walk below tells an empty value by its failing the minimum length: X12 minimum
  // lengths are at least 1. Any other rule goes to the detailed check.
  if (rule.min_length < 1) {
    quick.kind = QuickElement::Kind::kDetailed;
    quick.min_length = 1;
    quick.length_span = 0;
  }
  return quick;
}

bool quick_check(std::string_view text, const SegmentMasks& masks, const SegmentRule* rule,
                 char component_separator) {
  const unsigned length = masks.length;
  // Element boundaries as bits: each separator, and the segment's end.
  std::uint64_t boundaries = masks.element | (std::uint64_t{1} << length);  // length <= 63
  const unsigned id_end = static_cast<unsigned>(std::countr_zero(boundaries));
  if (id_end == length) return rule == nullptr || rule->mandatory_end == 0;  // no elements
  boundaries &= boundaries - 1;
  std::uint64_t start_bit = std::uint64_t{2} << id_end;  // the first element's first byte
  if (rule == nullptr) return (masks.text_bad & (0 - start_bit)) == 0;  // control characters
  // Per kind: the bytes that send it off the shortest path (a decimal's point, too, which
  // takes the second branch below: it is allowed once and not counted).
  const std::uint64_t bad[5] = {
      masks.text_bad,                 // kText
      masks.text_bad | ~masks.digit,  // kDigits
      masks.text_bad | ~masks.digit,  // kDecimal
      ~std::uint64_t{0},              // kDetailed: always asks element_is_valid
      ~std::uint64_t{0},              // kDate: always checks the calendar
  };
  const QuickElement* const first = rule->quick.data();
  const QuickElement* const last = first + rule->quick.size();
  const QuickElement* element = first;
  unsigned start = id_end + 1;
  while (true) {
    if (element == last) return false;                                        // too many elements
    const unsigned end = static_cast<unsigned>(__builtin_ctzll(boundaries));  // never 0 here
    const std::uint64_t end_bit = boundaries & (0 - boundaries);
    boundaries ^= end_bit;
    const std::uint64_t range = end_bit - start_bit;  // the element's bytes
    if ((range & bad[static_cast<unsigned>(element->kind)]) == 0) {
      // Unsigned: a value shorter than the minimum wraps around and fails too, and so does an
      // empty one (minimum lengths are at least 1), which is valid when optional.
      if (end - start - element->min_length > element->length_span &&
          (range != 0 || element->mandatory)) {
        return false;
      }
    } else if (element->kind == QuickElement::Kind::kDecimal) {
      // Valid with one non-digit, a point: then one digit fewer counts.
      const std::uint64_t other = range & ~masks.digit;
      if ((range & masks.text_bad) != 0 || (other & (other - 1)) != 0 ||
          text[static_cast<std::size_t>(__builtin_ctzll(other))] != '.') {
        return false;
      }
      if (end - start - 1 - element->min_length > element->length_span) return false;
    } else if (element->kind == QuickElement::Kind::kDate) {
      if (end - start != 8 || (range & (masks.text_bad | ~masks.digit)) != 0 ||
          !check_date(text.substr(start, 8)).empty()) {
        return false;
      }
    } else if (element->kind == QuickElement::Kind::kDetailed) {
      const ElementRule& detailed = rule->elements[static_cast<std::size_t>(element - first)];
      if (!element_is_valid(text.substr(start, end - start), detailed, component_separator)) {
        return false;
      }
    } else {
      return false;
    }
    ++element;
    if (boundaries == 0) break;
    start = end + 1;
    start_bit = end_bit << 1;
  }
  return element - first >= rule->mandatory_end;
}

}  // namespace x12
