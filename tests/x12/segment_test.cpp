// SplitSegment (every element split once, for segments read element by element) answers as
// Segment::element() and element_count() do, trailing and empty elements included.
#include "x12/segment.h"

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("x12::SplitSegment") {
  TEST_CASE("gives the same elements as Segment") {
    const std::string texts[] = {
        "PO1*1*59*EA*76.64*PE*UK*25656441254701",
        "PO1*1*59*EA*76.64*PE*UK*25656441254701*",
        "PO1**5***PE",
        "PO1",
        "PO1*",
        "N1*ST**92*ABE8",
        "PO1*1*2>3*EA",
    };
    for (const std::string& text : texts) {
      CAPTURE(text);
      x12::Segment segment(text, 7, x12::Delimiters{'*', '>', '~', 0});
      x12::SplitSegment split(segment);
      CHECK(split.element_count() == segment.element_count());
      for (std::size_t position = 0; position <= segment.element_count() + 2; ++position) {
        CAPTURE(position);
        CHECK(split.element(position) == segment.element(position));
      }
    }
  }
}
