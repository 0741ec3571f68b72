// Outline and canonical dump of a Document.
#include "x12/describe.h"

#include <fmt/format.h>

#include "x12/issue.h"

namespace x12 {
namespace {

void dump_segment(const Segment& segment, std::string& out) {
  out += segment.id();
  std::size_t count = segment.element_count();
  for (std::size_t position = 1; position <= count; ++position) {
    out += '[';
    Splitter components(segment.element(position), segment.delimiters().component);
    std::string_view component;
    bool first = true;
    while (components.next(component)) {
      if (!first) out += '|';
      out += component;
      first = false;
    }
    out += ']';
  }
  out += '\n';
}

void dump_isa(const Interchange& interchange, std::string& out) {
  out += "ISA";
  for (std::size_t field = 1; field <= 15; ++field) {
    if (field == 11) continue;
    std::string_view value = interchange.header.element(field);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    out += fmt::format("[{}]", value);
  }
  out += '\n';
}

}  // namespace

std::string outline(const Document& document) {
  std::string out;
  int number = 0;
  for (const Interchange& interchange : document.interchanges) {
    out += fmt::format(
        "interchange {}: ISA13 {} from {}/{} to {}/{}, version {}, usage {}{}\n", ++number,
        quote_value(interchange.control()), printable(interchange.sender_qualifier()),
        printable(interchange.sender_id()), printable(interchange.receiver_qualifier()),
        printable(interchange.receiver_id()), printable(interchange.version()),
        printable(interchange.usage()), interchange.rejected ? " (REJECTED: bad ISA)" : "");
    for (const Segment& ta1 : interchange.ta1s) {
      out += fmt::format("  TA1 for ISA13 {}: {} note {}\n", printable(ta1.element(1)),
                         printable(ta1.element(4)), printable(ta1.element(5)));
    }
    int group_number = 0;
    for (const FunctionalGroup& group : interchange.groups) {
      out += fmt::format("  group {}: GS {} {} from {} to {}, version {}, {} set(s){}\n",
                         ++group_number, printable(group.functional_id()),
                         quote_value(group.control()), printable(group.header.element(2)),
                         printable(group.header.element(3)), printable(group.version()),
                         group.sets.size(), group.rejected ? " (REJECTED)" : "");
      int set_number = 0;
      for (const TransactionSet& set : group.sets) {
        out += fmt::format("    set {}: ST {} {}, {} segments{}\n", ++set_number,
                           printable(set.id()), quote_value(set.control()), set.segments.size(),
                           set.rejected ? " (REJECTED)" : "");
      }
    }
  }
  return out;
}

std::string dump_segments(const Document& document) {
  std::string out;
  for (const Interchange& interchange : document.interchanges) {
    dump_isa(interchange, out);
    for (const Segment& ta1 : interchange.ta1s) dump_segment(ta1, out);
    for (const FunctionalGroup& group : interchange.groups) {
      dump_segment(group.header, out);
      for (const TransactionSet& set : group.sets) {
        for (const Segment& segment : set.segments) dump_segment(segment, out);
      }
      if (group.trailer) dump_segment(*group.trailer, out);
    }
    if (interchange.trailer) dump_segment(*interchange.trailer, out);
  }
  return out;
}

}  // namespace x12
