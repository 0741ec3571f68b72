// A zero-copy view of one X12 segment and its elements. Views point into the file buffer the
// reader was given: that buffer must outlive every Segment taken from it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace x12 {

// The four delimiters of an interchange, read from its ISA.
struct Delimiters {
  char element = '*';
  char component = '>';
  char segment = '~';
  char repetition = 0;  // 0 when the interchange has none (004010 and earlier)
};

// A segment id of 1 to 3 characters packed with its length into one number, 0 for
// any other length: the reader compares ids of a million segments, and a number compares in
// one instruction where a string_view compare calls memcmp.
constexpr std::uint32_t packed_segment_id(std::string_view id) {
  if (id.empty() || id.size() > 3) return 0;
  std::uint32_t key = static_cast<std::uint32_t>(id.size());  // "GS" and "GS\0" differ
  for (std::size_t i = 0; i < 3; ++i) {
    key = (key << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
  }
  return key;
}

class Segment {
 public:
  Segment() = default;
  // `text` is the segment without its terminator; `offset` is its first byte in the file.
  Segment(std::string_view text, std::size_t offset, Delimiters delimiters)
      : text_(text), offset_(static_cast<std::uint32_t>(offset)), delimiters_(delimiters) {}

  std::string_view text() const { return text_; }
  std::size_t offset() const { return offset_; }
  const Delimiters& delimiters() const { return delimiters_; }

  // The segment id (text before the first element separator). Inline, a plain loop: ids are
  // 2-3 bytes, and the reader asks for a million of them.
  std::string_view id() const {
    std::size_t length = 0;
    while (length < text_.size() && text_[length] != delimiters_.element) ++length;
    return text_.substr(0, length);
  }
  // Number of data elements after the id, trailing empty ones included as written.
  std::size_t element_count() const;
  // Element `position` (1-based) or "" when absent. Components are not split.
  std::string_view element(std::size_t position) const;
  // Component `component` (1-based) of element `position`, or "" when absent.
  std::string_view component(std::size_t position, std::size_t component) const;
  // Byte offset in the file of element `position` (or of the segment end when absent).
  std::size_t element_offset(std::size_t position) const;

 private:
  std::string_view text_;
  // 32 bits: intake refuses files above 4 GiB (intake.max_file_bytes), and a 50 MB batch
  // holds 1.2 million segments, each 8 bytes smaller this way.
  std::uint32_t offset_ = 0;
  Delimiters delimiters_;
};

// Every element of one segment, split once. Segment::element(n) rescans from the segment's
// start, which is quadratic for a segment read element by element (a PO1 line has up to 25).
class SplitSegment {
 public:
  explicit SplitSegment(const Segment& segment);
  // Number of data elements after the id, as Segment::element_count().
  std::size_t element_count() const { return elements_.size() - 1; }
  // Element `position` (1-based; 0 is the id) or "" when absent, as Segment::element().
  std::string_view element(std::size_t position) const {
    return position < elements_.size() ? elements_[position] : std::string_view{};
  }

 private:
  std::vector<std::string_view> elements_;  // [0] is the id
};

// Iterates the parts of `text` split on `separator`, without allocating.
class Splitter {
 public:
  Splitter(std::string_view text, char separator) : rest_(text), separator_(separator) {}
  // Returns false when every part has been taken; a trailing separator yields an empty part.
  bool next(std::string_view& part);

 private:
  std::string_view rest_;
  char separator_;
  bool done_ = false;
};

}  // namespace x12
