// The reader's fast path for the element checks: a segment's elements walked from its byte
// masks (segment_masks.h) against its rule's flat QuickElement list, one step per element
// and no call except for dates, times, composites and coded identifiers. It only ever answers
// "valid" or "not sure"; on "not sure" the reader runs check_elements, which decides and
// words every problem, so issues stay the detailed check's.
#pragma once

#include <string_view>

#include "x12/element_rules.h"
#include "x12/segment_masks.h"

namespace x12 {

// The QuickElement of `rule`, as the dictionary stores it beside the rule.
QuickElement quick_element(const ElementRule& rule);

// True only when check_elements would report no problem for the segment `text`, whose bytes
// `masks` describes, under `rule` (nullptr: a segment outside the dictionary). False when the
// segment has a problem or the fast path cannot tell. `text`'s id must be a valid segment id.
bool quick_check(std::string_view text, const SegmentMasks& masks, const SegmentRule* rule,
                 char component_separator);

}  // namespace x12
