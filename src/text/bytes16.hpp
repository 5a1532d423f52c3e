#pragma once
// Tests of sixteen bytes at once, for the scans that read every byte of a text (the tokenizer,
// the event stages' words). Where the processor has no SSE2 the scans read a byte at a time.

#if defined(__SSE2__)
#include <emmintrin.h>

namespace chronicle::detail {

// The bytes within [lo, lo + n), as all ones in their place: SSE2 compares signed bytes only,
// so the range is shifted to start at the lowest signed value.
inline __m128i in_range_bytes(__m128i bytes, char lo, int n) {
  const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(-128 - lo)));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + n)));
}

// The same, one bit each.
inline unsigned in_range(__m128i bytes, char lo, int n) {
  return static_cast<unsigned>(_mm_movemask_epi8(in_range_bytes(bytes, lo, n)));
}

}  // namespace chronicle::detail
#endif
