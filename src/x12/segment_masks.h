// The reader's fast path: one short segment's bytes classified 16 at a time into bit masks (bit
// i = byte i of the segment), from which its end, its element boundaries and whether each
// element is plainly valid are read without a loop over the bytes (see quick_check.h).
#pragma once

#include <bit>
#include <cstdint>

#include "x12/segment.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace x12 {

// The bytes that matter to the element checks of one segment of under 64 bytes.
struct SegmentMasks {
  std::uint64_t element = 0;  // element separators
  // Bytes no simple element holds, and more: control characters, DEL, component separators,
  // and (so that one signed compare finds them all) every byte above 0x7F, which the fast path
  // leaves to the detailed check.
  std::uint64_t text_bad = 0;
  std::uint64_t digit = 0;  // 0-9
  unsigned length = 0;      // bytes before the segment terminator, at most 63
};

// The longest window mask_segment looks at: `at` + kMaskWindow must lie inside the buffer.
inline constexpr std::size_t kMaskWindow = 64;

// An interchange's separators as mask_segment compares them, prepared once.
struct MaskDelimiters {
  explicit MaskDelimiters(const Delimiters& delimiters)
      : element(delimiters.element),
        segment(delimiters.segment),
        component(delimiters.component)
#if defined(__SSE2__)
        ,
        element_bytes(_mm_set1_epi8(delimiters.element)),
        segment_bytes(_mm_set1_epi8(delimiters.segment)),
        component_bytes(_mm_set1_epi8(delimiters.component))
#endif
  {
  }
  char element, segment, component;
#if defined(__SSE2__)
  __m128i element_bytes, segment_bytes, component_bytes;  // each byte the separator
#endif
};

// Finds the segment terminator among the kMaskWindow bytes at `at` and fills `masks` with the
// bytes before it. False when none of those bytes is a terminator (a long segment): the caller
// then takes the segment the plain way.
inline bool mask_segment(const char* at, const MaskDelimiters& delimiters, SegmentMasks& masks) {
  std::uint64_t element = 0, text_bad = 0, digit = 0;
  for (unsigned block = 0; block < kMaskWindow / 16; ++block) {
    const unsigned shift = 16 * block;
    unsigned terminators = 0;
#if defined(__SSE2__)
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + shift));
    terminators =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, delimiters.segment_bytes)));
    // SSE2 compares bytes as signed. byte + 1 < 0x21 holds for 0x00-0x1F, 0x7F and above;
    // byte + 0x50 < -118 holds for '0'-'9' alone (they become -128..-119).
    const __m128i bad =
        _mm_or_si128(_mm_cmpgt_epi8(_mm_set1_epi8(0x21), _mm_add_epi8(bytes, _mm_set1_epi8(1))),
                     _mm_cmpeq_epi8(bytes, delimiters.component_bytes));
    const __m128i digits =
        _mm_cmpgt_epi8(_mm_set1_epi8(-118), _mm_add_epi8(bytes, _mm_set1_epi8(0x50)));
    auto bits = [](__m128i flags) {
      return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(flags)));
    };
    element |= bits(_mm_cmpeq_epi8(bytes, delimiters.element_bytes)) << shift;
    text_bad |= bits(bad) << shift;
    digit |= bits(digits) << shift;
#else
    for (unsigned i = 0; i < 16; ++i) {
      const unsigned char c = static_cast<unsigned char>(at[shift + i]);
      const std::uint64_t bit = std::uint64_t{1} << (shift + i);
      terminators |= (c == static_cast<unsigned char>(delimiters.segment)) ? 1u << i : 0u;
      element |= c == static_cast<unsigned char>(delimiters.element) ? bit : 0;
      text_bad |= (c < 0x20 || c >= 0x7F || c == static_cast<unsigned char>(delimiters.component))
                      ? bit
                      : 0;
      digit |= (c >= '0' && c <= '9') ? bit : 0;
    }
#endif
    if (terminators != 0) {
      const unsigned length = shift + static_cast<unsigned>(__builtin_ctz(terminators));
      const std::uint64_t before = (std::uint64_t{1} << length) - 1;  // length <= 63
      masks.element = element & before;
      masks.text_bad = text_bad & before;
      masks.digit = digit & before;
      masks.length = length;
      return true;
    }
  }
  return false;
}

// The length of the segment's id: its bytes before the first element separator.
inline unsigned id_length(const SegmentMasks& masks) {
  return static_cast<unsigned>(
      std::countr_zero(masks.element | (std::uint64_t{1} << masks.length)));
}

// packed_segment_id() of the segment's id, read from its first bytes at once. The window
// mask_segment needs makes the 4-byte load safe.
inline std::uint32_t packed_id(const char* at, const SegmentMasks& masks) {
  const unsigned length = id_length(masks);
  if (length < 2 || length > 3) return packed_segment_id(std::string_view(at, length));
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(at);
  return (length << 24) | (std::uint32_t{bytes[0]} << 16) | (std::uint32_t{bytes[1]} << 8) |
         (length == 3 ? std::uint32_t{bytes[2]} : 0u);
}

}  // namespace x12
