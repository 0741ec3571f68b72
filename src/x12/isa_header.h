// Finding and checking the fixed-width ISA header, where every delimiter of the interchange is
// defined: element separator = byte 4, component separator = ISA16, segment terminator = the
// byte after ISA16, repetition separator = ISA11 from version 00402 on.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "x12/segment.h"

namespace x12 {

inline constexpr std::size_t kIsaLength = 106;  // ISA with its terminator

struct IsaLayout {
  std::size_t length = 0;  // bytes from "ISA" through the segment terminator
  Delimiters delimiters;
};

// Locates the ISA that starts at `start` (which must point at "ISA") by counting its 16
// element separators, so delimiters can be recovered even from a mis-padded ISA. Returns
// nullopt when the buffer ends before the ISA does.
std::optional<IsaLayout> locate_isa(std::string_view buffer, std::size_t start);

struct IsaProblem {
  std::size_t offset = 0;  // file offset of the bad field
  int field = 0;           // ISA field number, 0 for the header as a whole
  int ta1_code = 0;        // TA105 note code
  std::string value;
  std::string message;
};

// Checks the ISA text (terminator excluded) at file offset `offset`: total length, every
// fixed-width field, values of the coded fields, and the separators. Sets
// `layout.delimiters.repetition` when ISA12/ISA11 define one.
std::vector<IsaProblem> check_isa(std::string_view isa, std::size_t offset, IsaLayout& layout);

}  // namespace x12
