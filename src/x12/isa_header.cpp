// ISA location and checks. The ISA is the one fixed-width segment of X12: each field has an
// exact width, and a reader that trusts fixed offsets on a mis-padded ISA picks up the wrong
// delimiters, so every width is checked and each failure gets its TA1 note code.
#include "x12/isa_header.h"

#include <fmt/format.h>

#include <array>

#include "x12/element_rules.h"
#include "x12/issue.h"

namespace x12 {
namespace {

struct FieldSpec {
  int width;
  int ta1_code;
  std::string_view name;
};

// Widths from the X12 ISA definition; TA1 codes from element I18.
constexpr std::array<FieldSpec, 16> kFields = {{
    {2, 10, "authorization qualifier"},
    {10, 11, "authorization information"},
    {2, 12, "security qualifier"},
    {10, 13, "security information"},
    {2, 5, "sender qualifier"},
    {15, 6, "sender id"},
    {2, 7, "receiver qualifier"},
    {15, 8, "receiver id"},
    {6, 14, "date"},
    {4, 15, "time"},
    {1, 16, "standards identifier"},
    {5, 17, "version"},
    {9, 18, "control number"},
    {1, 19, "acknowledgment requested"},
    {1, 20, "usage indicator"},
    {1, 27, "component separator"},
}};

bool is_alphanumeric(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_plain_ascii(std::string_view value) {
  for (unsigned char c : value) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

bool digits_only(std::string_view value) {
  for (char c : value) {
    if (c < '0' || c > '9') return false;
  }
  return !value.empty();
}

// The rule a well-sized field's value breaks, or "".
std::string check_field_value(int field, std::string_view value) {
  switch (field) {
    case 1:
      return (value >= "00" && value <= "06" && digits_only(value)) ? "" : "is not a valid code";
    case 3:
      return (value == "00" || value == "01") ? "" : "is not a valid code (00 or 01)";
    case 9: {
      std::string why = check_date(value);
      return why.empty() ? "" : "is not a date YYMMDD";
    }
    case 10:
      return check_time(value).empty() ? "" : "is not a time HHMM";
    case 12:
      // Real versions run from 00200 to 00801: "00" + release 2-8 + two digits.
      return (digits_only(value) && value.substr(0, 2) == "00" && value[2] >= '2' &&
              value[2] <= '8')
                 ? ""
                 : "is not an X12 version (00200-00899)";
    case 13:
      return digits_only(value) ? "" : "is not numeric";
    case 14:
      return (value == "0" || value == "1") ? "" : "is not 0 or 1";
    case 15:
      return (value == "P" || value == "T") ? "" : "is not P or T";
    default:
      return "";
  }
}

}  // namespace

std::optional<IsaLayout> locate_isa(std::string_view buffer, std::size_t start) {
  if (buffer.size() < start + 4) return std::nullopt;
  char element = buffer[start + 3];
  // A sane ISA is 106 bytes; allow generous slack to diagnose mis-padded ones.
  std::size_t limit = std::min(buffer.size(), start + 4 * kIsaLength);
  int separators = 0;
  for (std::size_t at = start + 3; at < limit; ++at) {
    if (buffer[at] != element) continue;
    if (++separators < 16) continue;
    if (at + 2 >= buffer.size()) return std::nullopt;
    IsaLayout layout;
    layout.length = at + 3 - start;
    layout.delimiters.element = element;
    layout.delimiters.component = buffer[at + 1];
    layout.delimiters.segment = buffer[at + 2];
    return layout;
  }
  return std::nullopt;
}

std::vector<IsaProblem> check_isa(std::string_view isa, std::size_t offset, IsaLayout& layout) {
  std::vector<IsaProblem> problems;
  Delimiters& delimiters = layout.delimiters;
  if (layout.length != kIsaLength) {
    problems.push_back({offset, 0, 22, "",
                        fmt::format("ISA is {} bytes, must be exactly {} (fixed-width fields)",
                                    layout.length, kIsaLength)});
  }
  if (is_alphanumeric(delimiters.element) || delimiters.element == ' ') {
    problems.push_back({offset + 3, 0, 26, std::string(1, delimiters.element),
                        fmt::format("element separator {} must not be a letter, digit or space",
                                    quote_value(std::string_view(&delimiters.element, 1)))});
  }
  std::size_t field_start = 4;
  std::string_view version;
  std::string_view standards;
  for (int field = 1; field <= 16; ++field) {
    std::size_t end = isa.find(delimiters.element, field_start);
    if (field == 16 || end == std::string_view::npos) end = isa.size();
    std::string_view value = isa.substr(field_start, end - field_start);
    const FieldSpec& spec = kFields[field - 1];
    std::size_t at = offset + field_start;
    if (field == 11) standards = value;
    if (field == 12) version = value;
    if (!is_plain_ascii(value)) {
      problems.push_back(
          {at, field, spec.ta1_code, std::string(value),
           fmt::format("ISA{:02} ({}) {} contains a byte that is not printable ASCII", field,
                       spec.name, quote_value(value))});
    } else if (static_cast<int>(value.size()) != spec.width) {
      problems.push_back(
          {at, field, spec.ta1_code, std::string(value),
           fmt::format("ISA{:02} ({}) {} is {} characters, must be exactly {}", field, spec.name,
                       quote_value(value), value.size(), spec.width)});
    } else if (std::string why = check_field_value(field, value); !why.empty()) {
      problems.push_back(
          {at, field, spec.ta1_code, std::string(value),
           fmt::format("ISA{:02} ({}) {} {}", field, spec.name, quote_value(value), why)});
    }
    field_start = end + 1;
  }
  if (is_alphanumeric(delimiters.component) || delimiters.component == delimiters.element) {
    problems.push_back({offset + layout.length - 2, 16, 27, std::string(1, delimiters.component),
                        fmt::format("component separator {} must differ from the element "
                                    "separator and not be a letter or digit",
                                    quote_value(std::string_view(&delimiters.component, 1)))});
  }
  if (is_alphanumeric(delimiters.segment) || delimiters.segment == delimiters.element ||
      delimiters.segment == delimiters.component) {
    problems.push_back({offset + layout.length - 1, 0, 4, std::string(1, delimiters.segment),
                        fmt::format("segment terminator {} must differ from the other separators "
                                    "and not be a letter or digit",
                                    quote_value(std::string_view(&delimiters.segment, 1)))});
  }
  // ISA11 became the repetition separator in 00402; before that it is a code such as "U".
  if (version.size() == 5 && version >= "00402" && standards.size() == 1 &&
      !is_alphanumeric(standards[0]) && standards[0] != ' ') {
    char repetition = standards[0];
    if (repetition == delimiters.element || repetition == delimiters.component ||
        repetition == delimiters.segment) {
      problems.push_back({offset + 82, 11, 16, std::string(standards),
                          fmt::format("repetition separator {} must differ from the other "
                                      "separators",
                                      quote_value(standards))});
    } else {
      delimiters.repetition = repetition;
    }
  }
  return problems;
}

}  // namespace x12
