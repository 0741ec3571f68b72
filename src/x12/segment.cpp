// Element access on a segment view by scanning for separators (segments are short, so a scan
// is cheaper than building an index for every segment of a 50 MB file).
#include "x12/segment.h"

namespace x12 {

bool Splitter::next(std::string_view& part) {
  if (done_) return false;
  std::size_t at = rest_.find(separator_);
  if (at == std::string_view::npos) {
    part = rest_;
    done_ = true;
    return true;
  }
  part = rest_.substr(0, at);
  rest_.remove_prefix(at + 1);
  return true;
}

SplitSegment::SplitSegment(const Segment& segment) {
  std::string_view text = segment.text();
  const char separator = segment.delimiters().element;
  elements_.reserve(32);
  std::size_t start = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == separator) {
      elements_.push_back(text.substr(start, at - start));
      start = at + 1;
    }
  }
  elements_.push_back(text.substr(start));
}

std::size_t Segment::element_count() const {
  std::size_t count = 0;
  for (char c : text_) count += (c == delimiters_.element);
  return count;
}

std::string_view Segment::element(std::size_t position) const {
  std::size_t start = 0;
  for (std::size_t seen = 0; seen < position; ++seen) {
    std::size_t at = text_.find(delimiters_.element, start);
    if (at == std::string_view::npos) return {};
    start = at + 1;
  }
  if (position == 0) return id();
  std::size_t end = text_.find(delimiters_.element, start);
  return text_.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string_view Segment::component(std::size_t position, std::size_t component) const {
  Splitter parts(element(position), delimiters_.component);
  std::string_view part;
  for (std::size_t index = 1; parts.next(part); ++index) {
    if (index == component) return part;
  }
  return {};
}

std::size_t Segment::element_offset(std::size_t position) const {
  std::size_t start = 0;
  for (std::size_t seen = 0; seen < position; ++seen) {
    std::size_t at = text_.find(delimiters_.element, start);
    if (at == std::string_view::npos) return offset_ + text_.size();
    start = at + 1;
  }
  return offset_ + start;
}

}  // namespace x12
