// A zero-copy view of one X12 segment and its elements. Views point into the file buffer the
// reader was given: that buffer must outlive every Segment taken from it.
#pragma once

#include <cstddef>
#include <string_view>

namespace x12 {

// The four delimiters of an interchange, read from its ISA.
struct Delimiters {
  char element = '*';
  char component = '>';
  char segment = '~';
  char repetition = 0;  // 0 when the interchange has none (004010 and earlier)
};

class Segment {
 public:
  Segment() = default;
  // `text` is the segment without its terminator; `offset` is its first byte in the file.
  Segment(std::string_view text, std::size_t offset, Delimiters delimiters)
      : text_(text), offset_(offset), delimiters_(delimiters) {}

  std::string_view text() const { return text_; }
  std::size_t offset() const { return offset_; }
  const Delimiters& delimiters() const { return delimiters_; }

  // The segment id (text before the first element separator).
  std::string_view id() const;
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
  std::size_t offset_ = 0;
  Delimiters delimiters_;
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
