// Decoding one column a block of cells at a time (decode side): a tight loop
// per column type turns the next cells into text (CellText), and rows are
// assembled from those afterwards. Exceptions and quote flips are sparse
// index lists, handled between the runs of ordinary cells. Every read is
// bounds-checked; a column that holds more or fewer values than its cells
// is corrupt.
#ifndef AT1_COLUMNAR_COLUMN_DECODE_H
#define AT1_COLUMNAR_COLUMN_DECODE_H

#include <cstdint>
#include <string_view>
#include <vector>

#include "cell_arena.h"
#include "column_spec.h"
#include "csv_parse.h"
#include "date_print.h"
#include "number_print.h"
#include "parts.h"
#include "value_blocks.h"

namespace at1::columnar {

// The most cells one decode_block call renders (rows per block).
inline constexpr size_t kBlockCells = 1024;

class ColumnDecoder {
 public:
  // Reads column `index`'s parts; it will hand out `cells` values. `ref` is
  // the reference column for kIntRef (its block is decoded first, with the
  // same cells: the caller checks that).
  // `version`: the frame's format version (1: typed values are varints).
  void init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells, char delim,
            const ColumnDecoder* ref, uint8_t version);
  // Renders the next `count` (<= kBlockCells) cells into cells(); their text
  // lives in `arena` (or in the column's parts) until the arena's reset().
  // Returns the bytes of text rendered.
  uint64_t decode_block(size_t count, CellArena& arena);
  const CellText* cells() const { return cells_.data(); }
  // A number or date column (its cells have typed values).
  bool typed() const { return spec_.type == kNumber || spec_.type == kDate; }
  // Throws CORRUPT when parts hold values nobody asked for.
  void finish() const;

 private:
  static std::vector<uint64_t> read_index_list(ByteReader& r, uint64_t cells);
  bool predict_quoted(std::string_view v) const {
    return spec_.quote == kQuoteAlways || (spec_.quote == kQuoteMinimal && needs_quotes(v, delim_));
  }
  // The next listed exception or flip at or after index_ (a column-wide index).
  uint64_t next_special() const {
    uint64_t e = exc_[exc_next_];  // lists end with a sentinel past every cell
    uint64_t f = flips_[flip_next_];
    return e < f ? e : f;
  }
  // Ordinary cells [from, to) of the block (no exception, no flip).
  void run_typed_values(size_t from, size_t to);
  uint64_t run_numbers(size_t from, size_t to, CellArena& arena);
  // run_numbers' fast path: the run's values printed with the column's
  // current path (split_scale_, else digits_).
  uint64_t print_run(size_t from, size_t to, CellArena& arena);
  // Gives up the current path for the next wider one.
  void next_print_path();
  // Any typed column (dates; numbers the fast printer cannot take).
  uint64_t run_typed_text(size_t from, size_t to, CellArena& arena);
  uint64_t run_dict(size_t from, size_t to);
  // For a column of quote mode kQuote (a run of never-quoted values skips
  // the quote tests and the scan for the bytes that force quotes).
  template <uint8_t kQuote>
  uint64_t run_text(size_t from, size_t to, CellArena& arena);
  // One listed cell (an exception, a flipped quote, or both).
  uint64_t special_cell(size_t at, CellArena& arena);
  std::string_view next_text();
  // The next text value's cell, found and checked one at a time.
  CellText next_text_cell(CellArena& arena);
  int64_t next_typed_value(size_t at);
  CellText render(std::string_view v, bool quoted, CellArena& arena) const;
  // A typed value's text at out (kTypedCellMax bytes), in quotes or not.
  size_t print_quoted_typed(int64_t v, bool quoted, char* out);

  ColumnSpec spec_;
  NumberPrinter printer_{NumberSpec()};
  Binary32Printer binary32_printer_{NumberSpec()};  // for binary32 columns (spec_.number.inner)
  bool binary32_split_ = true;  // runs try Binary32Printer's split path first, in slots
  DatePrinter date_printer_{DateSpec()};  // keeps the month or day in use
  int digits_ = 0;  // the fast print path runs try first (8, 16; 0: none)
  int split_scale_ = NumberPrinter::kNoSplit;  // tried before digits_ (kNoSplit: not, or no longer)
  char delim_ = ',';
  bool quote_by_text_ = false;  // a grouped number column under minimal quoting
  std::vector<int64_t> table_;  // kIntTable: the column's values by id
  // `coded` as the value reader gives it, zigzag-decoded like every typed
  // value: ids are stored unsigned, so zigzag-encoding it gives the id back.
  int64_t table_value(uint64_t coded) const {
    const uint64_t id = sdk::zigzag_encode(static_cast<int64_t>(coded));
    if (id >= table_.size()) sdk::fail_corrupt("columnar: value id out of range");
    return table_[id];
  }
  uint64_t cells_total_ = 0;
  uint64_t index_ = 0;  // cells handed out so far

  ValueBlockReader values_;  // dictionary ids, number and date values
  std::vector<uint64_t> value_buffer_;  // values_' block
  const char* text_ = nullptr;  // text columns: next value
  const char* text_end_ = nullptr;
  int64_t last_ = 0;  // the last typed value (what later cells refer to)
  const ColumnDecoder* ref_ = nullptr;
  // Dictionary entries as printed when their quoting is as predicted.
  std::vector<std::string_view> dict_;
  std::vector<uint8_t> dict_quote_;
  std::vector<CellText> dict_text_;
  std::vector<char> dict_arena_;  // cells point into it: never resized after init
  std::vector<uint64_t> exc_;
  size_t exc_next_ = 0;
  ByteReader exc_text_;
  std::vector<uint64_t> flips_;
  size_t flip_next_ = 0;

  // The current block: each cell's text and, for typed columns, each cell's
  // typed value as later cells of its row see it (an exception's is the
  // previous value).
  std::vector<CellText> cells_;
  std::vector<int64_t> values_block_;
};

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_COLUMN_DECODE_H
