// Document -> writer calls.
#include "x12/rewrite.h"

namespace x12 {
namespace {

SegmentBuilder to_builder(const Segment& segment) {
  SegmentBuilder builder(segment.id());
  std::size_t count = segment.element_count();
  for (std::size_t position = 1; position <= count; ++position) {
    std::vector<std::string> components;
    Splitter parts(segment.element(position), segment.delimiters().component);
    std::string_view part;
    while (parts.next(part)) components.emplace_back(part);
    builder.add_composite(std::move(components));
  }
  return builder;
}

std::string raw(const Interchange& interchange, std::size_t field) {
  std::string_view value = interchange.header.element(field);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return std::string(value);
}

}  // namespace

std::string rewrite_document(const Document& document, const WriteOptions& options) {
  std::string out;
  for (const Interchange& interchange : document.interchanges) {
    InterchangeHeader header;
    header.authorization_qualifier = raw(interchange, 1);
    header.authorization = raw(interchange, 2);
    header.security_qualifier = raw(interchange, 3);
    header.security = raw(interchange, 4);
    header.sender_qualifier = raw(interchange, 5);
    header.sender_id = raw(interchange, 6);
    header.receiver_qualifier = raw(interchange, 7);
    header.receiver_id = raw(interchange, 8);
    header.date = raw(interchange, 9);
    header.time = raw(interchange, 10);
    header.version = raw(interchange, 12);
    header.control = raw(interchange, 13);
    header.acknowledgment_requested = interchange.acknowledgment_requested();
    header.usage = interchange.usage().empty() ? 'P' : interchange.usage()[0];
    InterchangeWriter writer(header, options);
    for (const Segment& ta1 : interchange.ta1s) writer.add_interchange_segment(to_builder(ta1));
    for (const FunctionalGroup& group : interchange.groups) {
      GroupHeader gs;
      gs.functional_id = std::string(group.header.element(1));
      gs.sender = std::string(group.header.element(2));
      gs.receiver = std::string(group.header.element(3));
      gs.date = std::string(group.header.element(4));
      gs.time = std::string(group.header.element(5));
      gs.control = std::string(group.header.element(6));
      gs.version = std::string(group.header.element(8));
      writer.begin_group(gs);
      for (const TransactionSet& set : group.sets) {
        writer.begin_set(set.id(), set.control(), set.implementation());
        for (std::size_t index = 1; index + 1 < set.segments.size(); ++index) {
          writer.add(to_builder(set.segments[index]));
        }
        writer.end_set();
      }
      writer.end_group();
    }
    out += writer.finish();
  }
  return out;
}

}  // namespace x12
