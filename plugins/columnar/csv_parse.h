// Splitting a frame of CSV/TSV text into records and fields (encode side).
// Fields are views into the frame; only quoted fields with doubled quotes are
// unescaped, into one arena sized once, so parsing allocates per frame, not
// per field.
#ifndef AT1_COLUMNAR_CSV_PARSE_H
#define AT1_COLUMNAR_CSV_PARSE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "at1/cpp/bytes.hpp"

namespace at1::columnar {

// More fields than this make a record verbatim (keeps streams bounded).
inline constexpr uint32_t kMaxFields = 512;
// A quoted field may span at most this many line feeds; past it the record
// is treated as unparseable, which bounds rescanning on stray quotes.
inline constexpr uint32_t kMaxQuotedNewlines = 64;
inline constexpr uint32_t kVerbatimRow = 0xffffffffu;

struct Cell {
  const char* data;
  uint32_t size;
  uint8_t quoted;
  std::string_view view() const { return {data, size}; }
};

struct Row {
  uint32_t first;    // index into cells, or into verbatim lines for a verbatim row
  uint32_t nfields;  // kVerbatimRow for a verbatim line
  uint8_t eol;       // sdk::Eol
};

struct ParsedFrame {
  char delim = ',';
  size_t head_size = 0;  // bytes before the first row (BOM, header record)
  std::vector<Cell> cells;
  std::vector<Row> rows;
  std::vector<std::string_view> verbatim;
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
inline bool needs_quotes(std::string_view v, char delim) {
  for (char c : v)
    if (c == delim || c == '"' || c == '\n' || c == '\r') return true;
  return false;
}

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_CSV_PARSE_H
