// Reads a whole X12 file into interchanges -> groups -> transaction sets -> segments, checking
// the envelopes (ISA width and separators, control numbers, counts, missing trailers), segment
// ids and, for the segments in the dictionary, every element. Problems go to an Issues sink;
// the reader keeps going wherever it can, so one file can yield many problems.
#pragma once

#include <string_view>

#include "x12/document.h"
#include "x12/issue.h"

namespace x12 {

// Reads `buffer` (the whole file, a UTF-8 BOM allowed) and appends every problem to `issues`,
// each naming `file_name`. Never throws on bad input. The returned Document holds views into
// `buffer`, which must outlive it.
Document read_document(std::string_view buffer, std::string_view file_name, Issues& issues);

// The GS01 functional identifier a transaction set belongs in ("PO" for "850"), or "" when the
// set is not one avedi knows.
std::string_view functional_id_for(std::string_view set_id);

// True when `id` has the syntax of a segment id: 2-3 upper-case letters or digits, first a letter.
bool is_valid_segment_id(std::string_view id);

}  // namespace x12
