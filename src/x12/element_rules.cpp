// Checks element values against their type, length and code list. The AK403 code chosen for
// each failure follows X12 element 723: 1 mandatory missing, 3 too many elements, 4 too short,
// 5 too long, 6 invalid character, 7 invalid code value, 8 invalid date, 9 invalid time.
#include "x12/element_rules.h"

#include <fmt/format.h>

#include "x12/issue.h"

namespace x12 {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool all_digits(std::string_view value) {
  if (value.empty()) return false;
  for (char c : value) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Control characters and DEL never belong in X12 data; the writer refuses them too.
bool has_control_character(std::string_view value) {
  for (unsigned char c : value) {
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

// `codes` is space-separated: one search, then a check that the match is a whole code.
bool in_code_list(std::string_view value, std::string_view codes) {
  if (value.empty()) return false;
  for (std::size_t at = codes.find(value); at != std::string_view::npos;
       at = codes.find(value, at + 1)) {
    std::size_t after = at + value.size();
    if ((at == 0 || codes[at - 1] == ' ') && (after == codes.size() || codes[after] == ' ')) {
      return true;
    }
  }
  return false;
}

struct Verdict {
  int code = 0;  // 0 = valid
  std::string message;
};

// Length counts digits only for numbers: a sign and a decimal point are not counted (X12).
int counted_length(std::string_view value, ElementType type) {
  if (type != ElementType::kNumeric && type != ElementType::kDecimal) {
    return static_cast<int>(value.size());
  }
  int length = 0;
  for (char c : value) length += is_digit(c);
  return length;
}

Verdict check_type(std::string_view value, const ElementRule& rule) {
  switch (rule.type) {
    case ElementType::kNumeric: {
      std::string_view digits = value.substr(value.front() == '-' ? 1 : 0);
      if (!all_digits(digits)) {
        return {6, fmt::format("{} is not a number (type N)", quote_value(value))};
      }
      break;
    }
    case ElementType::kDecimal: {
      std::string_view number = value.substr(value.front() == '-' ? 1 : 0);
      std::size_t point = number.find('.');
      bool valid = !number.empty() && number != ".";
      if (point != std::string_view::npos &&
          number.find('.', point + 1) != std::string_view::npos) {
        valid = false;
      }
      for (char c : number) valid = valid && (is_digit(c) || c == '.');
      if (!valid)
        return {6, fmt::format("{} is not a decimal number (type R)", quote_value(value))};
      break;
    }
    case ElementType::kDate: {
      if (rule.min_length == 8 && value.size() != 8) {
        return {8, fmt::format("{} is not a date CCYYMMDD", quote_value(value))};
      }
      std::string why = check_date(value);
      if (!why.empty()) return {8, fmt::format("{} {}", quote_value(value), why)};
      break;
    }
    case ElementType::kTime: {
      std::string why = check_time(value);
      if (!why.empty()) return {9, fmt::format("{} {}", quote_value(value), why)};
      break;
    }
    case ElementType::kIdentifier:
    case ElementType::kAlphanumeric:
    case ElementType::kComposite:
      break;
  }
  int length = counted_length(value, rule.type);
  if (length < rule.min_length) {
    return {4, fmt::format("{} is too short ({} of at least {} characters)", quote_value(value),
                           length, rule.min_length)};
  }
  if (length > rule.max_length) {
    return {5, fmt::format("{} is too long ({} of at most {} characters)", quote_value(value),
                           length, rule.max_length)};
  }
  if (rule.type == ElementType::kIdentifier && !rule.codes.empty() &&
      !in_code_list(value, rule.codes)) {
    return {7, fmt::format("{} is not a valid code (expected one of {})", quote_value(value),
                           rule.codes)};
  }
  return {};
}

void check_value(std::string_view value, const ElementRule& rule, int element, int component,
                 std::vector<ElementProblem>& problems) {
  if (value.empty()) {
    if (rule.requirement == Requirement::kMandatory) {
      problems.push_back({element, component, rule.reference, 1, "", "mandatory value is missing"});
    }
    return;
  }
  if (has_control_character(value)) {
    problems.push_back({element, component, rule.reference, 6, std::string(value),
                        fmt::format("{} contains a control character", quote_value(value))});
    return;
  }
  Verdict verdict = check_type(value, rule);
  if (verdict.code != 0) {
    problems.push_back(
        {element, component, rule.reference, verdict.code, std::string(value), verdict.message});
  }
}

void check_composite(std::string_view value, const ElementRule& rule, int element, char separator,
                     std::vector<ElementProblem>& problems) {
  if (value.empty()) {
    check_value(value, rule, element, 0, problems);
    return;
  }
  Splitter parts(value, separator);
  std::string_view part;
  int component = 0;
  while (parts.next(part)) {
    ++component;
    if (component > static_cast<int>(rule.components.size())) {
      problems.push_back({element, component, 0, 3, std::string(part),
                          fmt::format("too many components (at most {})", rule.components.size())});
      return;
    }
    check_value(part, rule.components[component - 1], element, component, problems);
  }
  for (int rest = component; rest < static_cast<int>(rule.components.size()); ++rest) {
    check_value("", rule.components[rest], element, rest + 1, problems);
  }
}

}  // namespace

std::string check_date(std::string_view value) {
  bool long_form = value.size() == 8;
  if (!all_digits(value) || (value.size() != 8 && value.size() != 6)) {
    return long_form ? "is not a date CCYYMMDD" : "is not a date";
  }
  int year = long_form ? to_int(value.substr(0, 4)) : 2000 + to_int(value.substr(0, 2));
  int month = to_int(value.substr(long_form ? 4 : 2, 2));
  int day = to_int(value.substr(long_form ? 6 : 4, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = (month >= 1 && month <= 12) ? kDays[month - 1] + (month == 2 && leap) : 0;
  if (day < 1 || day > days) return long_form ? "is not a date CCYYMMDD" : "is not a date YYMMDD";
  return "";
}

std::string check_time(std::string_view value) {
  if (!all_digits(value) || value.size() < 4 || value.size() > 8 || value.size() == 5) {
    return "is not a time HHMM[SS[d..]]";
  }
  int hours = to_int(value.substr(0, 2));
  int minutes = to_int(value.substr(2, 2));
  int seconds = value.size() >= 6 ? to_int(value.substr(4, 2)) : 0;
  if (hours > 23 || minutes > 59 || seconds > 59) return "is not a time HHMM[SS[d..]]";
  return "";
}

Release release_of(std::string_view version) {
  std::string_view number = version.substr(0, 5);
  bool numeric = number.size() == 5 && number.substr(0, 2) == "00" &&
                 number.find_first_not_of("0123456789") == std::string_view::npos;
  return numeric && number >= "00501" ? Release::k5010 : Release::k4010;
}

namespace {

// What one pass over a value learns, so the common valid value is accepted without the
// separate scans of check_value (control characters, digits, length): the reader checks
// every element of a 50 MB batch.
constexpr unsigned kControl = 1;    // a byte below 0x20, or DEL
constexpr unsigned kNonDigit = 2;   // a byte other than 0-9
constexpr unsigned kComponent = 4;  // the interchange's component separator

constexpr unsigned kElementEnd = 8;  // the element separator: not part of the value

// The class of every byte for one pair of separators. Rebuilt only when the separators change
// (they are the same for a whole interchange, usually for every file).
struct ByteClasses {
  unsigned char of[256] = {};
  char element = 0;
  char component = 0;

  void set_separators(char element_separator, char component_separator) {
    for (int c = 0; c < 256; ++c) {
      of[c] = static_cast<unsigned char>(((c < 0x20 || c == 0x7F) ? kControl : 0) |
                                         ((c < '0' || c > '9') ? kNonDigit : 0));
    }
    of[static_cast<unsigned char>(component_separator)] |= kComponent;
    of[static_cast<unsigned char>(element_separator)] = kElementEnd;
    element = element_separator;
    component = component_separator;
  }
};

const ByteClasses& byte_classes(const Delimiters& delimiters) {
  thread_local ByteClasses classes;
  thread_local bool built = false;
  if (!built || classes.element != delimiters.element ||
      classes.component != delimiters.component) {
    classes.set_separators(delimiters.element, delimiters.component);
    built = true;
  }
  return classes;
}

// True when check_value would find nothing wrong with `value`, decided from `classes` (the
// union of its bytes' classes) for the types that need no more; false means "not sure": the
// caller then runs check_value, which also words the problem.
bool plainly_valid(std::string_view value, unsigned classes, const ElementRule& rule) {
  if (value.empty() || (classes & (kControl | kComponent)) != 0) return false;
  int length = static_cast<int>(value.size());
  switch (rule.type) {
    case ElementType::kAlphanumeric:
      return length >= rule.min_length && length <= rule.max_length;
    case ElementType::kIdentifier:
      return length >= rule.min_length && length <= rule.max_length &&
             (rule.codes.empty() || in_code_list(value, rule.codes));
    case ElementType::kNumeric:  // digits only: the length is the number of digits
      return (classes & kNonDigit) == 0 && length >= rule.min_length && length <= rule.max_length;
    case ElementType::kDecimal: {  // digits and at most one point; the point is not counted
      int points = 0;
      for (char c : value) {
        if (c == '.') {
          ++points;
        } else if (!is_digit(c)) {
          return false;
        }
      }
      int digits = length - points;
      return points <= 1 && digits > 0 && digits >= rule.min_length && digits <= rule.max_length;
    }
    default:
      return false;
  }
}

void check_element(std::string_view value, unsigned classes, int position, const ElementRule& rule,
                   char component_separator, std::vector<ElementProblem>& problems) {
  if (rule.type == ElementType::kComposite) {
    check_composite(value, rule, position, component_separator, problems);
  } else if (plainly_valid(value, classes, rule)) {
    return;
  } else if ((classes & kComponent) != 0) {
    // A component separator inside a simple element is a sender's error (X12.6: delimiters
    // may not occur in data), and taking the value would carry it into what avedi sends
    // back (an 855 echoing the PO number), which cannot then be written. (A repetition
    // separator is not checked: senders reuse ISA11 characters such as '-' in data.)
    problems.push_back({position, 0, rule.reference, 6, std::string(value),
                        fmt::format("{} contains the component separator \"{}\", which "
                                    "cannot be data",
                                    quote_value(value), component_separator)});
  } else {
    check_value(value, rule, position, 0, problems);
  }
}

}  // namespace

void check_elements(const Segment& segment, Release release,
                    std::vector<ElementProblem>& problems) {
  const Delimiters& delimiters = segment.delimiters();
  std::string_view text = segment.text();
  std::size_t id_end = text.find(delimiters.element);
  const SegmentRule* rule = find_segment_rule(text.substr(0, id_end), release);
  int position = 0;
  if (id_end != std::string_view::npos) {
    // One pass over the elements: each byte is classified as it is passed.
    const char* cursor = text.data() + id_end + 1;
    const char* const end = text.data() + text.size();
    const char component_separator = delimiters.component;
    const unsigned char* class_of = byte_classes(delimiters).of;
    while (true) {
      const char* start = cursor;
      unsigned classes = 0;
      for (; cursor != end; ++cursor) {
        unsigned byte_class = class_of[static_cast<unsigned char>(*cursor)];
        if (byte_class == kElementEnd) break;
        classes |= byte_class;
      }
      std::string_view value(start, static_cast<std::size_t>(cursor - start));
      ++position;
      if (rule == nullptr) {
        if ((classes & kControl) != 0) {
          problems.push_back({position, 0, 0, 6, std::string(value),
                              fmt::format("{} contains a control character", quote_value(value))});
        }
      } else if (position > static_cast<int>(rule->elements.size())) {
        problems.push_back({position, 0, 0, 3, std::string(value),
                            fmt::format("too many elements ({} has at most {})", rule->id,
                                        rule->elements.size())});
        return;
      } else {
        check_element(value, classes, position, rule->elements[position - 1], component_separator,
                      problems);
      }
      if (cursor == end) break;
      ++cursor;  // past the separator: a trailing one still yields an empty element
    }
  }
  if (rule == nullptr) return;
  for (int missing = position; missing < rule->mandatory_end; ++missing) {
    if (rule->elements[missing].requirement == Requirement::kMandatory) {
      check_value("", rule->elements[missing], missing + 1, 0, problems);
    }
  }
}

bool element_is_valid(std::string_view value, const ElementRule& rule, char component_separator) {
  // The classes check_elements would have gathered on its pass over `value`.
  unsigned classes = 0;
  for (char c : value) {
    const unsigned char byte = static_cast<unsigned char>(c);
    classes |= ((byte < 0x20 || byte == 0x7F) ? kControl : 0) | (is_digit(c) ? 0 : kNonDigit) |
               (c == component_separator ? kComponent : 0);
  }
  std::vector<ElementProblem> problems;
  check_element(value, classes, 1, rule, component_separator, problems);
  return problems.empty();
}

}  // namespace x12
