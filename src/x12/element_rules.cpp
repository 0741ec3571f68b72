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

bool in_code_list(std::string_view value, std::string_view codes) {
  Splitter list(codes, ' ');
  std::string_view code;
  while (list.next(code)) {
    if (code == value) return true;
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

void check_elements(const Segment& segment, Release release,
                    std::vector<ElementProblem>& problems) {
  const SegmentRule* rule = find_segment_rule(segment.id(), release);
  const Delimiters& delimiters = segment.delimiters();
  std::size_t id_end = segment.text().find(delimiters.element);
  std::string_view rest =
      id_end == std::string_view::npos ? std::string_view{} : segment.text().substr(id_end + 1);
  int position = 0;
  if (id_end != std::string_view::npos) {
    Splitter elements(rest, delimiters.element);
    std::string_view value;
    while (elements.next(value)) {
      ++position;
      if (rule == nullptr) {
        if (has_control_character(value)) {
          problems.push_back({position, 0, 0, 6, std::string(value),
                              fmt::format("{} contains a control character", quote_value(value))});
        }
        continue;
      }
      if (position > static_cast<int>(rule->elements.size())) {
        problems.push_back({position, 0, 0, 3, std::string(value),
                            fmt::format("too many elements ({} has at most {})", rule->id,
                                        rule->elements.size())});
        return;
      }
      const ElementRule& element_rule = rule->elements[position - 1];
      if (element_rule.type == ElementType::kComposite) {
        check_composite(value, element_rule, position, delimiters.component, problems);
      } else if (value.find(delimiters.component) != std::string_view::npos) {
        // A component separator inside a simple element is a sender's error (X12.6: delimiters
        // may not occur in data), and taking the value would carry it into what avedi sends
        // back (an 855 echoing the PO number), which cannot then be written. (A repetition
        // separator is not checked: senders reuse ISA11 characters such as '-' in data.)
        problems.push_back({position, 0, element_rule.reference, 6, std::string(value),
                            fmt::format("{} contains the component separator \"{}\", which "
                                        "cannot be data",
                                        quote_value(value), delimiters.component)});
      } else {
        check_value(value, element_rule, position, 0, problems);
      }
    }
  }
  if (rule == nullptr) return;
  for (int missing = position; missing < static_cast<int>(rule->elements.size()); ++missing) {
    if (rule->elements[missing].requirement == Requirement::kMandatory) {
      check_value("", rule->elements[missing], missing + 1, 0, problems);
    }
  }
}

}  // namespace x12
