// Segment and envelope output. Trailing empty elements are dropped (X12 forbids trailing
// separators); the ISA is the exception, fixed width with all 16 fields always present.
#include "x12/writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "x12/element_rules.h"
#include "x12/issue.h"

namespace x12 {
namespace {

// What a SegmentBuilder reserves for its values: the PO1, ACK, SN1, IT1 segments of the
// documents avedi writes hold fewer bytes.
constexpr std::size_t kTypicalSegmentBytes = 64;

// `where()` names the value in the error; called only on an error, as writing a large document
// checks every element.
template <typename Where>
void check_value(std::string_view value, const Delimiters& delimiters, const Where& where) {
  for (unsigned char c : value) {
    if (c < 0x20 || c > 0x7E) {
      throw WriteError(fmt::format("{}: {} contains a byte that is not printable ASCII", where(),
                                   quote_value(value)));
    }
    char ch = static_cast<char>(c);
    if (ch == delimiters.element || ch == delimiters.component || ch == delimiters.segment ||
        (delimiters.repetition != 0 && ch == delimiters.repetition)) {
      throw WriteError(
          fmt::format("{}: {} contains the delimiter '{}'", where(), quote_value(value), ch));
    }
  }
}

std::string pad(std::string_view value, std::size_t width, std::string_view field) {
  if (value.size() > width) {
    throw WriteError(
        fmt::format("ISA {}: {} is longer than {} characters", field, quote_value(value), width));
  }
  return std::string(value) + std::string(width - value.size(), ' ');
}

std::string zero_pad(std::string_view digits, std::size_t width, std::string_view field) {
  if (digits.empty() || digits.size() > width ||
      digits.find_first_not_of("0123456789") != std::string_view::npos) {
    throw WriteError(fmt::format("{}: {} is not a number of at most {} digits", field,
                                 quote_value(digits), width));
  }
  return std::string(width - digits.size(), '0') + std::string(digits);
}

}  // namespace

SegmentBuilder::SegmentBuilder(std::string_view id) : id_(id) {}

void SegmentBuilder::append_component(std::string_view value, bool ends_element) {
  if (ends_.empty()) ends_.reserve(8);  // most segments have fewer elements: one allocation
  if (values_.size() + value.size() > values_.capacity()) {
    // Past the string's inline bytes, grow once to what most segments need instead of
    // doubling from 15 (two or three allocations a PO1; malloc's chunk merging was ~5% of
    // avedi-acknowledge in perf). A short segment (HL, SN1 of small numbers) stays inline.
    values_.reserve(
        std::max({kTypicalSegmentBytes, 2 * values_.capacity(), values_.size() + value.size()}));
  }
  values_ += value;
  if (values_.size() > (std::numeric_limits<std::uint32_t>::max() >> 1)) {
    throw WriteError(fmt::format("segment {} is longer than 2 GB", id_));
  }
  ends_.push_back(static_cast<std::uint32_t>(values_.size() << 1) | (ends_element ? 1u : 0u));
}

SegmentBuilder& SegmentBuilder::add(std::string_view value) {
  append_component(value, true);
  ++element_count_;
  return *this;
}

SegmentBuilder& SegmentBuilder::add_composite(std::vector<std::string> components) {
  if (components.empty()) components.emplace_back();  // an empty composite is an empty element
  for (std::size_t index = 0; index < components.size(); ++index) {
    append_component(components[index], index + 1 == components.size());
  }
  ++element_count_;
  return *this;
}

namespace {

// The name of the value at component `at` of the element `element` (starting at component
// `first`) in an error: "PO107", or "PO107-2" for a component of a composite whose written
// part has more than one component. Only called on an error.
std::string element_name(const SegmentBuilder& segment, std::size_t element, std::size_t first,
                         std::size_t at) {
  std::size_t end = first;
  while (!segment.component(end).ends_element) ++end;
  std::size_t used = end + 1 - first;
  while (used > 1 && segment.component(first + used - 1).value.empty()) --used;
  std::string where = fmt::format("{}{:02}", segment.id(), element + 1);
  if (used > 1) where += fmt::format("-{}", at - first + 1);
  return where;
}

}  // namespace

void append_segment(std::string& out, const SegmentBuilder& segment, const Delimiters& delimiters) {
  check_value(segment.id(), delimiters, [] { return std::string("segment id"); });
  out += segment.id();
  // One pass: a separator is written only when a value follows it, so trailing empty elements
  // and an element's trailing empty components are never written (X12 forbids trailing
  // separators) while empty ones between values keep their place.
  const std::size_t components = segment.component_count();
  std::size_t owed_elements = 0;    // element separators not yet written
  std::size_t owed_components = 0;  // component separators of the current element, likewise
  std::size_t element = 0;          // index of the current element
  std::size_t element_first = 0;    // its first component
  for (std::size_t at = 0; at < components; ++at) {
    SegmentBuilder::Component component = segment.component(at);
    if (at == element_first) {
      ++owed_elements;
      owed_components = 0;
    } else {
      ++owed_components;
    }
    if (!component.value.empty()) {
      check_value(component.value, delimiters,
                  [&] { return element_name(segment, element, element_first, at); });
      out.append(owed_elements, delimiters.element);
      out.append(owed_components, delimiters.component);
      owed_elements = 0;
      owed_components = 0;
      out += component.value;
    }
    if (component.ends_element) {
      ++element;
      element_first = at + 1;
    }
  }
}

std::string format_segment(const SegmentBuilder& segment, const Delimiters& delimiters) {
  std::string out;
  append_segment(out, segment, delimiters);
  return out;
}

std::string format_isa(const InterchangeHeader& header, const Delimiters& delimiters) {
  // ISA11 is the repetition separator from 00402 on, the code "U" before.
  bool has_repetition = header.version >= "00402" && delimiters.repetition != 0;
  std::string fields[16] = {
      pad(header.authorization_qualifier, 2, "ISA01"),
      pad(header.authorization, 10, "ISA02"),
      pad(header.security_qualifier, 2, "ISA03"),
      pad(header.security, 10, "ISA04"),
      pad(header.sender_qualifier, 2, "ISA05"),
      pad(header.sender_id, 15, "ISA06"),
      pad(header.receiver_qualifier, 2, "ISA07"),
      pad(header.receiver_id, 15, "ISA08"),
      pad(header.date, 6, "ISA09"),
      pad(header.time, 4, "ISA10"),
      std::string(1, has_repetition ? delimiters.repetition : 'U'),
      pad(header.version, 5, "ISA12"),
      zero_pad(header.control, 9, "ISA13"),
      header.acknowledgment_requested ? "1" : "0",
      std::string(1, header.usage),
      std::string(1, delimiters.component),
  };
  Delimiters data_delimiters = delimiters;
  data_delimiters.repetition = has_repetition ? delimiters.repetition : 0;
  if (!check_date(header.date).empty() || !check_time(header.time).empty() ||
      header.time.size() != 4 || (header.usage != 'P' && header.usage != 'T')) {
    throw WriteError(fmt::format("ISA: date {}, time {} or usage '{}' is not valid",
                                 quote_value(header.date), quote_value(header.time), header.usage));
  }
  std::string out = "ISA";
  for (int field = 0; field < 16; ++field) {
    // ISA11 and ISA16 hold separators themselves.
    if (field != 10 && field != 15) {
      check_value(fields[field], data_delimiters,
                  [&] { return fmt::format("ISA{:02}", field + 1); });
    }
    out += delimiters.element;
    out += fields[field];
  }
  return out;
}

InterchangeWriter::InterchangeWriter(const InterchangeHeader& header, const WriteOptions& options)
    : options_(options), control_(zero_pad(header.control, 9, "ISA13")) {
  if (header.version < "00402") options_.delimiters.repetition = 0;
  out_ = format_isa(header, options.delimiters);
  out_ += options_.delimiters.segment;
  if (options_.line_break == LineBreak::kAfterSegment) out_ += '\n';
}

void InterchangeWriter::emit(const SegmentBuilder& segment) {
  append_segment(out_, segment, options_.delimiters);
  out_ += options_.delimiters.segment;
  if (options_.line_break == LineBreak::kAfterSegment) out_ += '\n';
}

void InterchangeWriter::begin_group(const GroupHeader& header) {
  if (in_group_) throw std::logic_error("InterchangeWriter: begin_group inside a group");
  SegmentBuilder gs("GS");
  gs.add(header.functional_id).add(header.sender).add(header.receiver).add(header.date);
  gs.add(header.time).add(header.control).add("X").add(header.version);
  emit(gs);
  in_group_ = true;
  sets_in_group_ = 0;
  group_control_ = header.control;
  ++groups_;
}

void InterchangeWriter::begin_set(std::string_view set_id, std::string_view control,
                                  std::string_view implementation) {
  if (!in_group_ || in_set_) throw std::logic_error("InterchangeWriter: begin_set out of order");
  SegmentBuilder st("ST");
  st.add(set_id).add(control).add(implementation);
  emit(st);
  in_set_ = true;
  segments_in_set_ = 1;
  set_control_ = control;
  ++sets_in_group_;
}

void InterchangeWriter::add(const SegmentBuilder& segment) {
  if (!in_set_) throw std::logic_error("InterchangeWriter: add outside a transaction set");
  emit(segment);
  ++segments_in_set_;
}

void InterchangeWriter::end_set() {
  if (!in_set_) throw std::logic_error("InterchangeWriter: end_set without begin_set");
  SegmentBuilder se("SE");
  se.add(std::to_string(segments_in_set_ + 1)).add(set_control_);
  emit(se);
  in_set_ = false;
}

void InterchangeWriter::end_group() {
  if (!in_group_ || in_set_) throw std::logic_error("InterchangeWriter: end_group out of order");
  SegmentBuilder ge("GE");
  ge.add(std::to_string(sets_in_group_)).add(group_control_);
  emit(ge);
  in_group_ = false;
}

void InterchangeWriter::add_interchange_segment(const SegmentBuilder& segment) {
  if (in_group_) throw std::logic_error("InterchangeWriter: interchange segment inside a group");
  emit(segment);
}

std::string InterchangeWriter::finish() {
  if (in_group_) throw std::logic_error("InterchangeWriter: finish inside a group");
  SegmentBuilder iea("IEA");
  iea.add(std::to_string(groups_)).add(control_);
  emit(iea);
  return std::move(out_);
}

}  // namespace x12
