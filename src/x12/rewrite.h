// Writes a read Document again through the writer, with other delimiters or layout. Used to
// prove the reader and writer agree (read -> write -> read gives the same tree) and to show a
// partner's file in avedi's own delimiters.
#pragma once

#include <string>

#include "x12/document.h"
#include "x12/writer.h"

namespace x12 {

// Rewrites every interchange of `document` with `options`. Control numbers, parties and all
// element values are kept; SE01/GE01/IEA01 are recomputed. Throws WriteError when a value
// contains one of the new delimiters.
std::string rewrite_document(const Document& document, const WriteOptions& options);

}  // namespace x12
