// Formats an Issue as the one-line message operators read in logs and reason files.
#include "x12/issue.h"

#include <fmt/format.h>

namespace x12 {

std::string quote_value(std::string_view value) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "\"";
  std::size_t shown = 0;
  for (unsigned char c : value) {
    if (shown == kMaxShown) {
      out += "...";
      break;
    }
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02X}", c);
    }
    ++shown;
  }
  out += '"';
  return out;
}

std::string printable(std::string_view value) {
  std::string quoted = quote_value(value);
  return quoted.substr(1, quoted.size() - 2);
}

namespace {

// Partner bytes as they may appear in a log line or reason file: whole, but with control and
// non-ASCII bytes as \xNN, so a segment id, control number or file name cannot break a line or
// send escape sequences to the terminal of whoever reads the reason.
std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += fmt::format("\\x{:02X}", byte);
    }
  }
  return out;
}

std::string element_label(const Issue& issue) {
  std::string label = fmt::format("{}{:02}", escaped(issue.segment_id), issue.element_position);
  if (issue.component_position > 0) {
    return fmt::format("{}-{} (element {}, component {})", label, issue.component_position,
                       issue.element_position, issue.component_position);
  }
  return fmt::format("{} (element {})", label, issue.element_position);
}

std::string where(const Issue& issue) {
  std::string text;
  if (!issue.set_control.empty() || issue.set_index >= 0) {
    text = fmt::format("ST {}", escaped(issue.set_control));
    if (issue.segment_position > 0) text += fmt::format(" segment {}", issue.segment_position);
  } else if (!issue.group_control.empty() || issue.group_index >= 0) {
    text = fmt::format("GS {}", escaped(issue.group_control));
  } else if (!issue.interchange_control.empty()) {
    text = fmt::format("ISA {}", escaped(issue.interchange_control));
  }
  std::string item;
  if (issue.element_position > 0) {
    item = element_label(issue);
  } else if (issue.level == IssueLevel::kSegment && !issue.segment_id.empty()) {
    item = escaped(issue.segment_id);
  }
  if (!item.empty()) text += text.empty() ? item : " " + item;
  return text;
}

}  // namespace

std::string format_issue(const Issue& issue) {
  std::string context = where(issue);
  if (context.empty()) {
    return fmt::format("{}: byte {}: {}", escaped(issue.file), issue.offset, issue.message);
  }
  return fmt::format("{}: byte {}, {}: {}", escaped(issue.file), issue.offset, context,
                     issue.message);
}

}  // namespace x12
