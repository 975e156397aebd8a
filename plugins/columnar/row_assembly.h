// Decode side: turning a block of rendered column cells back into rows.
// Cells are copied with one fixed-size move when short (CellText promises
// the bytes to read), the delimiter after each, the line ending over the
// last one. The caller reserves room for the block's text plus ncols + 2
// bytes per row and kCellSlack.
#ifndef AT1_COLUMNAR_ROW_ASSEMBLY_H
#define AT1_COLUMNAR_ROW_ASSEMBLY_H

#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "at1/cpp/lines.hpp"
#include "cell_arena.h"
#include "column_decode.h"
#include "frame_layout.h"

namespace at1::columnar {

// A row that is not a record of the frame's usual width.
struct RowShape {
  uint64_t row;
  uint32_t code;  // kShapeVerbatim, or fields + 1
};

// The `vb` part: verbatim lines, each ended by '\n'.
class VerbatimLines {
 public:
  explicit VerbatimLines(Bytes vb)
      : p_(reinterpret_cast<const char*>(vb.data)), end_(p_ + vb.size) {}
  std::string_view next() {
    if (p_ == end_) sdk::fail_corrupt("columnar: verbatim lines end early");
    const char* nl = static_cast<const char*>(std::memchr(p_, '\n', static_cast<size_t>(end_ - p_)));
    if (!nl) sdk::fail_corrupt("columnar: unterminated verbatim line");
    std::string_view line(p_, static_cast<size_t>(nl - p_));
    p_ = nl + 1;
    return line;
  }
  void finish() const {
    if (p_ != end_) sdk::fail_corrupt("columnar: trailing verbatim bytes");
  }

 private:
  const char* p_;
  const char* end_;
};

// By value: after the store through d the compiler would reload c.n.
// Cells up to 64 bytes (names, labels) are moved with two fixed-size
// overlapping moves, the second ending at the cell's end, instead of a
// memcpy call (~30 instructions; birdstrikes makes 2 a row).
inline char* put_cell(char* d, const CellText c) {
  if (c.n <= kCellCopy) [[likely]] {  // laid out in line: no jump out and back per cell
    std::memcpy(d, c.p, kCellCopy);
  } else if (c.n <= 2 * kCellCopy) {
    std::memcpy(d, c.p, kCellCopy);
    std::memcpy(d + c.n - kCellCopy, c.p + c.n - kCellCopy, kCellCopy);
  } else if (c.n <= 4 * kCellCopy) {
    std::memcpy(d, c.p, 2 * kCellCopy);
    std::memcpy(d + c.n - 2 * kCellCopy, c.p + c.n - 2 * kCellCopy, 2 * kCellCopy);
  } else {
    std::memcpy(d, c.p, c.n);
  }
  return d + c.n;
}

// put_cell and the delimiter after it, stored at the cell's end before the
// pointer moves: one address for both (indexed store, then one lea), where
// moving first takes three instructions a cell.
inline char* put_cell_delim(char* d, const CellText c, char delim) {
  put_cell(d, c);
  d[c.n] = delim;
  return d + c.n + 1;
}

inline char* put_eol(char* d, sdk::Eol kind) {
  // The length of an ending is its kind's value.
  static_assert(sdk::kEolNone == 0 && sdk::kEolLF == 1 && sdk::kEolCRLF == 2);
  static constexpr char kText[3][2] = {{0, 0}, {'\n', 0}, {'\r', '\n'}};
  std::memcpy(d, kText[kind], 2);
  return d + kind;
}

// `same_eol` when a frame's rows all have one line ending (EolDecoder::
// uniform): rows then take it without a call to the decoder each (~10
// instructions a row).
inline constexpr int kNoSameEol = -1;

// One block of rows: how many cells each column has in it, and where.
struct BlockRows {
  static constexpr uint32_t kVerbatimRow = ~0u;

  explicit BlockRows(uint32_t ncols)
      : counts(ncols), cells(ncols), fields(kBlockCells), with_fields(ncols + 1), next_cell(ncols) {}

  size_t rows = 0;
  bool uniform = true;  // every row has the frame's usual width
  std::vector<size_t> counts;
  std::vector<const CellText*> cells;

  // For a block with shape exceptions: reads the rows' field counts and the
  // block's verbatim lines, sets counts; returns the verbatim lines' bytes.
  uint64_t read_shapes(uint64_t first_row, uint32_t width, const std::vector<RowShape>& shapes,
                       size_t* next_shape, VerbatimLines& verbatim) {
    lines.clear();
    std::fill(with_fields.begin(), with_fields.end(), 0);
    uint64_t bytes = 0;
    for (size_t r = 0; r < rows; ++r) {
      uint32_t f = width;
      if (*next_shape < shapes.size() && shapes[*next_shape].row == first_row + r) {
        const uint32_t code = shapes[(*next_shape)++].code;
        f = code == kShapeVerbatim ? kVerbatimRow : code - 1;
      }
      fields[r] = f;
      if (f == kVerbatimRow) {
        lines.push_back(verbatim.next());
        bytes += lines.back().size();
      } else {
        ++with_fields[f];
      }
    }
    // Column j has a cell in every row with more than j fields.
    size_t at_least = 0;
    for (size_t j = counts.size(); j-- > 0;) {
      at_least += with_fields[j + 1];
      counts[j] = at_least;
    }
    return bytes;
  }

  // `same_eol`: every row's line ending when the frame has one kind only
  // (EolDecoder::uniform), else kNoSameEol: each row's comes from `eol`.
  char* assemble_uniform(char* d, uint32_t width, char delim, sdk::EolDecoder& eol, int same_eol) const {
    if (same_eol != kNoSameEol) return assemble_widths<true>(d, width, delim, eol, static_cast<sdk::Eol>(same_eol));
    return assemble_widths<false>(d, width, delim, eol, sdk::kEolLF);
  }

  // Not inlined into decode_frame: there the loops run short of registers
  // and keep the row offset on the stack.
  template <bool kSameEol>
  [[gnu::noinline]] char* assemble_widths(char* d, uint32_t width, char delim, sdk::EolDecoder& eol, sdk::Eol kind) const {
    // Tables up to 16 columns wide get a loop per width, unrolled, with the
    // columns' cell arrays in registers (or one load each, past 8 or so)
    // instead of a loop over the row's columns.
    switch (width) {
      case 1: return assemble_width<1, kSameEol>(d, delim, eol, kind);
      case 2: return assemble_width<2, kSameEol>(d, delim, eol, kind);
      case 3: return assemble_width<3, kSameEol>(d, delim, eol, kind);
      case 4: return assemble_width<4, kSameEol>(d, delim, eol, kind);
      case 5: return assemble_width<5, kSameEol>(d, delim, eol, kind);
      case 6: return assemble_width<6, kSameEol>(d, delim, eol, kind);
      case 7: return assemble_width<7, kSameEol>(d, delim, eol, kind);
      case 8: return assemble_width<8, kSameEol>(d, delim, eol, kind);
      case 9: return assemble_width<9, kSameEol>(d, delim, eol, kind);
      case 10: return assemble_width<10, kSameEol>(d, delim, eol, kind);
      case 11: return assemble_width<11, kSameEol>(d, delim, eol, kind);
      case 12: return assemble_width<12, kSameEol>(d, delim, eol, kind);
      case 13: return assemble_width<13, kSameEol>(d, delim, eol, kind);
      case 14: return assemble_width<14, kSameEol>(d, delim, eol, kind);
      case 15: return assemble_width<15, kSameEol>(d, delim, eol, kind);
      case 16: return assemble_width<16, kSameEol>(d, delim, eol, kind);
      default: break;
    }
    // Locals: stores through d would make the compiler reload the members
    // every cell.
    const CellText* const* col = cells.data();
    const size_t nrows = rows;
    for (size_t r = 0; r < nrows; ++r) {
      for (uint32_t j = 0; j < width; ++j) d = put_cell_delim(d, col[j][r], delim);
      if (width) --d;
      d = put_eol(d, kSameEol ? kind : eol.next());
    }
    return d;
  }

  template <uint32_t kWidth, bool kSameEol>
  char* assemble_width(char* d, char delim, sdk::EolDecoder& eol, sdk::Eol kind) const {
    const CellText* col[kWidth];
    for (uint32_t j = 0; j < kWidth; ++j) col[j] = cells[j];
    const size_t nrows = rows;  // a local: stores through d would reload the member every row
    for (size_t r = 0; r < nrows; ++r) {
#pragma GCC unroll 16
      for (uint32_t j = 0; j + 1 < kWidth; ++j) d = put_cell_delim(d, col[j][r], delim);
      d = put_cell(d, col[kWidth - 1][r]);
      d = put_eol(d, kSameEol ? kind : eol.next());
    }
    return d;
  }

  char* assemble(char* d, char delim, sdk::EolDecoder& eol) {
    std::fill(next_cell.begin(), next_cell.end(), 0);
    size_t line = 0;
    for (size_t r = 0; r < rows; ++r) {
      const uint32_t f = fields[r];
      if (f == kVerbatimRow) {
        std::memcpy(d, lines[line].data(), lines[line].size());
        d += lines[line++].size();
      } else {
        for (uint32_t j = 0; j < f; ++j) d = put_cell_delim(d, cells[j][next_cell[j]++], delim);
        if (f) --d;
      }
      d = put_eol(d, eol.next());
    }
    return d;
  }

 private:
  std::vector<uint32_t> fields;       // per row: field count or kVerbatimRow
  std::vector<uint64_t> with_fields;  // rows with exactly k fields
  std::vector<std::string_view> lines;
  std::vector<size_t> next_cell;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_ROW_ASSEMBLY_H
