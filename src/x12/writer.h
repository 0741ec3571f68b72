// Builds X12 text from values: segments, then ISA/GS/ST envelopes whose trailers (SE01, GE01,
// IEA01, control numbers) are computed here, never by the caller. A value that contains a
// delimiter or a non-printable byte is refused with WriteError: a broken file is never written.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "x12/segment.h"

namespace x12 {

// Thrown for a value that cannot be written; names the segment and element.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class LineBreak { kNone, kAfterSegment };

struct WriteOptions {
  Delimiters delimiters{'*', '>', '~', '^'};  // repetition used only from version 00402 on
  LineBreak line_break = LineBreak::kNone;
};

// One outbound segment: an id and its elements, each a list of components (usually one).
class SegmentBuilder {
 public:
  explicit SegmentBuilder(std::string_view id);
  // Appends a simple element ("" for an empty one).
  SegmentBuilder& add(std::string_view value);
  // Appends a composite element made of `components`.
  SegmentBuilder& add_composite(std::vector<std::string> components);

  const std::string& id() const { return id_; }
  std::size_t element_count() const { return element_count_; }

  // The components of all elements in order; each knows whether it is its element's last.
  struct Component {
    std::string_view value;
    bool ends_element = false;
  };
  std::size_t component_count() const { return ends_.size(); }
  Component component(std::size_t index) const {
    std::size_t begin = index == 0 ? 0 : ends_[index - 1] >> 1;
    return {std::string_view(values_).substr(begin, (ends_[index] >> 1) - begin),
            (ends_[index] & 1) != 0};
  }

 private:
  void append_component(std::string_view value, bool ends_element);

  std::string id_;
  // Every component's bytes in one string and, per component, its end offset in it shifted
  // left by one, the low bit set on the last component of an element: a segment costs a few
  // allocations, not one per element (an 856 of a large shipment has millions of elements).
  std::string values_;
  std::vector<std::uint32_t> ends_;
  std::size_t element_count_ = 0;
};

// Values of the ISA; the writer pads each to its fixed width.
struct InterchangeHeader {
  std::string authorization_qualifier = "00";
  std::string authorization;
  std::string security_qualifier = "00";
  std::string security;
  std::string sender_qualifier;
  std::string sender_id;
  std::string receiver_qualifier;
  std::string receiver_id;
  std::string date;  // YYMMDD
  std::string time;  // HHMM
  std::string version = "00401";
  std::string control;  // ISA13, up to 9 digits, zero-padded on output
  bool acknowledgment_requested = false;
  char usage = 'P';  // P production, T test
};

struct GroupHeader {
  std::string functional_id;  // GS01
  std::string sender;         // GS02
  std::string receiver;       // GS03
  std::string date;           // CCYYMMDD
  std::string time;           // HHMM
  std::string control;        // GS06
  std::string version = "004010";
};

// Writes one interchange. Call begin_group/begin_set/add/end_set/end_group in order, then
// finish(). A call out of order throws std::logic_error (a programming error).
class InterchangeWriter {
 public:
  InterchangeWriter(const InterchangeHeader& header, const WriteOptions& options);

  void begin_group(const GroupHeader& header);
  // `implementation` is ST03, written only when not empty (5010 sets).
  void begin_set(std::string_view set_id, std::string_view control,
                 std::string_view implementation = {});
  void add(const SegmentBuilder& segment);
  void end_set();
  void end_group();
  // A segment directly in the interchange, outside any group (TA1).
  void add_interchange_segment(const SegmentBuilder& segment);
  // Writes IEA and returns the whole interchange text.
  std::string finish();
  // Bytes written so far: where the next set begins, or where the last one ended, in the text
  // finish() returns.
  std::size_t written() const { return out_.size(); }

 private:
  void emit(const SegmentBuilder& segment);

  WriteOptions options_;
  std::string control_;
  std::string out_;
  int groups_ = 0;
  int sets_in_group_ = 0;
  int segments_in_set_ = 0;
  std::string group_control_;
  std::string set_control_;
  bool in_group_ = false;
  bool in_set_ = false;
};

// Writes `segment` with `delimiters` (no terminator), checking every value.
std::string format_segment(const SegmentBuilder& segment, const Delimiters& delimiters);
// The same, appended to `out` (no string per segment).
void append_segment(std::string& out, const SegmentBuilder& segment, const Delimiters& delimiters);

// The ISA line (without terminator) for `header`, fields padded to their widths.
std::string format_isa(const InterchangeHeader& header, const Delimiters& delimiters);

}  // namespace x12
