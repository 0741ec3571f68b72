// Human-readable views of a read Document: an outline of its envelopes (for the demo and the
// operator), and a delimiter-independent dump of every segment (for golden and round-trip tests).
#pragma once

#include <string>

#include "x12/document.h"

namespace x12 {

// One line per interchange, group and set: control numbers, parties, versions, counts.
std::string outline(const Document& document);

// One line per segment, each element in brackets and components split by '|', so two files with
// different delimiters but the same content give the same dump. ISA fields are shown trimmed
// and without ISA11/ISA16, which are delimiters rather than content.
std::string dump_segments(const Document& document);

}  // namespace x12
