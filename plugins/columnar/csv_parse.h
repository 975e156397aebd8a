// Splitting a frame of CSV/TSV text into records and fields (encode side).
// Fields are views into the frame; only quoted fields with doubled quotes are
// unescaped, into one arena sized once, so parsing allocates per frame, not
// per field.
#ifndef AT1_COLUMNAR_CSV_PARSE_H
#define AT1_COLUMNAR_CSV_PARSE_H

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "at1/cpp/bytes.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace at1::columnar {

// More fields than this make a record verbatim (keeps streams bounded).
inline constexpr uint32_t kMaxFields = 512;
// A quoted field may span at most this many line feeds; past it the record
// is treated as unparseable, which bounds rescanning on stray quotes.
inline constexpr uint32_t kMaxQuotedNewlines = 64;

struct Cell {
  const char* data;
  uint32_t size;
  uint8_t quoted;
  std::string_view view() const { return {data, size}; }
};

// A cell as parse_frame keeps it: 8 bytes, offset into the frame text or
// (flag kInArena) into the arena of unescaped quoted fields. Half the size of
// a Cell, so a 500k-line frame's cells stay small and columns are contiguous.
struct PackedCell {
  static constexpr uint32_t kQuoted = 1u << 31;
  static constexpr uint32_t kInArena = 1u << 30;
  static constexpr uint32_t kSizeMask = kInArena - 1;
  uint32_t off;
  uint32_t size_flags;  // size | kQuoted | kInArena
};
// Fields at least this long make their record verbatim (they cannot pack).
inline constexpr uint32_t kMaxFieldSize = PackedCell::kSizeMask;

// Frames at least this big are not modelled (cells hold 32-bit offsets).
inline constexpr uint64_t kMaxFrameSize = 0xffffffffu;

inline constexpr uint16_t kVerbatimShape = 0xffff;

struct Row {
  uint16_t nfields;  // kVerbatimShape for a verbatim line (the next of `verbatim`)
  uint8_t eol;       // sdk::Eol
};

struct ParsedFrame {
  char delim = ',';
  size_t head_size = 0;  // bytes before the first row (BOM, header record)
  const char* text = nullptr;
  std::vector<Row> rows;
  std::vector<std::string_view> verbatim;
  // Column-major cells: columns[j] holds the j-th field of every record
  // that has one, in row order.
  std::vector<std::vector<PackedCell>> columns;
  std::vector<size_t> quoted;  // quoted cells per column
  std::string arena;  // unescaped contents of quoted fields with doubled quotes
  uint32_t width = 0; // most common field count
  uint32_t ncols = 0; // largest field count
};

// One record starting at `p`: appends its fields to `fields`, returns the
// position after its line ending, or nullptr when the record does not parse
// (see README; the caller drops what was appended).
// `arena` receives unescaped contents; it must have capacity for them. With
// a null arena, fields with doubled quotes are left escaped.
const char* parse_record(const char* p, const char* end, char delim, std::vector<Cell>* fields,
                         std::string* arena, uint8_t* eol);

// Parses the whole frame from `start` (after the head).
void parse_frame(std::string_view input, size_t start, char delim, ParsedFrame* out);

// True when the value needs quotes under minimal (RFC 4180) quoting.
// Asked of every cell of a column with quotes, by the encoder and the
// decoder: 16 bytes per step (overlapping loads cover a value of 4 to 16
// bytes whole), where a byte loop was most of encode_column on such tables.
inline bool needs_quotes(std::string_view v, char delim) {
  const char* p = v.data();
  const size_t n = v.size();
#if defined(__SSE2__)
  if (n >= 4) {
    const __m128i d = _mm_set1_epi8(delim), q = _mm_set1_epi8('"');
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    auto specials = [&](__m128i x) {
      return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, q)),
                                            _mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr))));
    };
    auto load = [](const char* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
    if (n < 8) {
      int32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      // Only the low 8 bytes hold text (the delimiter may be NUL).
      return (specials(_mm_unpacklo_epi32(_mm_cvtsi32_si128(lo), _mm_cvtsi32_si128(hi))) & 0xff) != 0;
    }
    if (n <= 16) {
      const __m128i lo = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
      const __m128i hi = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8));
      return specials(_mm_unpacklo_epi64(lo, hi)) != 0;
    }
    const char* last = p + n - 16;
    for (; p < last; p += 16)
      if (specials(load(p))) return true;
    return specials(load(last)) != 0;
  }
#endif
  for (size_t i = 0; i < n; ++i) {
    const char c = p[i];
    if (c == delim || c == '"' || c == '\n' || c == '\r') return true;
  }
  return false;
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_CSV_PARSE_H
