#include "column_decode.h"

#include <cstring>
#include <limits>

#include "csv_parse.h"
#include "text_scan.h"
#include "value_table.h"

namespace at1::columnar {

using sdk::fail_corrupt;

namespace {

// Index lists end with this, so "the next listed cell" needs no size check.
constexpr uint64_t kNoMoreCells = std::numeric_limits<uint64_t>::max();
// Room for one typed cell: its text and the quotes around it.
constexpr size_t kTypedCellMax = (kNumberTextMax > kDateTextMax ? kNumberTextMax : kDateTextMax) + 2;

// Prints a run of unquoted typed values with `printer` (DatePrinter,
// Binary32Printer: 0 for a value it refuses), cells end to end. The printer
// is a local: stores through out would make the compiler reload members.
template <class Printer>
uint64_t print_typed_run(Printer& printer, const int64_t* values, size_t from, size_t to, CellText* cells,
                         CellArena& arena, const char* refused) {
  char* const start = arena.room((to - from) * kTypedCellMax);
  char* out = start;
  Printer local = printer;
  for (size_t k = from; k < to; ++k) {
    const size_t n = local.print(values[k], out);
    if (n == 0) fail_corrupt(refused);
    cells[k] = {out, n};
    out += n;
  }
  printer = local;
  arena.commit(static_cast<size_t>(out - start));
  return static_cast<uint64_t>(out - start);
}

}  // namespace

std::vector<uint64_t> ColumnDecoder::read_index_list(ByteReader& r, uint64_t cells) {
  std::vector<uint64_t> idx;
  if (!r.at_end()) {
    uint64_t n = r.varint_max(cells, "columnar: index list longer than column");
    idx.reserve(static_cast<size_t>(n) + 1);
    uint64_t at = 0;
    for (uint64_t i = 0; i < n; ++i) {
      uint64_t gap = r.varint_max(cells, "columnar: index gap too large");
      if (i > 0 && gap == 0) fail_corrupt("columnar: index list out of order");
      at += gap;
      if (at >= cells) fail_corrupt("columnar: index past column end");
      idx.push_back(at);
    }
  }
  idx.push_back(kNoMoreCells);
  return idx;
}

void ColumnDecoder::init(size_t index, const ColumnSpec& spec, PartReader& parts, uint64_t cells,
                         char delim, const ColumnDecoder* ref, uint8_t version) {
  spec_ = spec;
  printer_ = NumberPrinter(spec.number);
  if (spec.number.inner != kNoBinary32) binary32_printer_ = Binary32Printer(spec.number);
  date_printer_ = DatePrinter(spec.date);
  digits_ = printer_.fast_digits(0);
  split_scale_ = printer_.split_scale();
  ref_ = ref;
  if (spec.coding == kIntRef && !ref) fail_corrupt("columnar: missing reference column");
  delim_ = delim;
  quote_by_text_ = spec.type == kNumber && spec.number.grouped && spec.quote == kQuoteMinimal;
  cells_total_ = cells;
  if ((spec.type == kNumber || spec.type == kDate) && !delimiter_allows_types(delim))
    fail_corrupt("columnar: typed column with a delimiter numbers may print");
  Bytes values = parts.get(column_part(index, ""));
  text_ = reinterpret_cast<const char*>(values.data);
  text_end_ = text_ + values.size;
  if (spec.type == kDict) {
    Bytes d = parts.get(column_part(index, ".d"));
    const char* p = reinterpret_cast<const char*>(d.data);
    const char* end = p + d.size;
    std::vector<size_t> ends;
    while (p < end) {
      const char* z = static_cast<const char*>(std::memchr(p, 0, static_cast<size_t>(end - p)));
      if (!z) fail_corrupt("columnar: unterminated dictionary entry");
      std::string_view v(p, static_cast<size_t>(z - p));
      dict_.push_back(v);
      dict_quote_.push_back(predict_quoted(v));
      if (dict_.size() > kMaxDict) fail_corrupt("columnar: dictionary too large");
      p = z + 1;
    }
    // Each entry printed once as its cells usually are; cells point at it.
    // Quoting at most doubles an entry, so this stays within 2x the part.
    for (size_t id = 0; id < dict_.size(); ++id) {
      std::string_view v = dict_[id];
      if (!dict_quote_[id]) {
        dict_arena_.insert(dict_arena_.end(), v.begin(), v.end());
      } else {
        dict_arena_.push_back('"');
        for (char c : v) {
          dict_arena_.push_back(c);
          if (c == '"') dict_arena_.push_back('"');
        }
        dict_arena_.push_back('"');
      }
      ends.push_back(dict_arena_.size());
    }
    dict_arena_.insert(dict_arena_.end(), kCellCopy, '\0');  // fixed-size copies may read past the last entry
    size_t start = 0;
    for (size_t e : ends) {
      dict_text_.push_back({dict_arena_.data() + start, e - start});
      start = e;
    }
  }
  if ((spec.type == kNumber || spec.type == kDate) && spec.coding == kIntTable)
    table_ = read_value_table(ByteReader(parts.get(column_part(index, ".d"))));
  ByteReader x(parts.get(column_part(index, ".x")));
  exc_ = read_index_list(x, cells);
  exc_text_ = x;
  ByteReader q(parts.get(column_part(index, ".q")));
  flips_ = read_index_list(q, cells);
  if (!q.at_end()) fail_corrupt("columnar: trailing bytes in quote list");
  cells_.resize(kBlockCells);
  const bool typed = spec.type == kNumber || spec.type == kDate;
  if (typed) values_block_.resize(kBlockCells);
  if (typed || spec.type == kDict) {
    value_buffer_.resize(kValueBlock);
    // Every cell but an exception has a value (typed: signed).
    values_ = ValueBlockReader(values, cells - (exc_.size() - 1), typed, version >= 2, value_buffer_.data());
  }
}

uint64_t ColumnDecoder::decode_block(size_t count, CellArena& arena) {
  if (count > kBlockCells || count > cells_total_ - index_)
    fail_corrupt("columnar: more cells than the column holds");
  const uint64_t base = index_;
  uint64_t bytes = 0;
  size_t at = 0;
  while (at < count) {
    // next_special() >= index_ == base + at: lists are ordered and consumed in order.
    const uint64_t special = next_special() - base;
    const size_t run_end = special < count ? static_cast<size_t>(special) : count;
    if (run_end > at) {
      switch (spec_.type) {
        case kNumber:  // decodes its values as it prints them
          bytes += run_numbers(at, run_end, arena);
          break;
        case kDate:
          run_typed_values(at, run_end);
          bytes += spec_.quote == kQuoteAlways
                       ? run_typed_text(at, run_end, arena)
                       : print_typed_run(date_printer_, values_block_.data(), at, run_end, cells_.data(), arena,
                                         "columnar: date out of range");
          break;
        case kDict: bytes += run_dict(at, run_end); break;
        default:
          bytes += spec_.quote == kQuoteNever    ? run_text<kQuoteNever>(at, run_end, arena)
                   : spec_.quote == kQuoteAlways ? run_text<kQuoteAlways>(at, run_end, arena)
                                                 : run_text<kQuoteMinimal>(at, run_end, arena);
          break;
      }
      at = run_end;
      index_ = base + at;
    }
    if (at < count) {
      bytes += special_cell(at, arena);
      ++at;
      index_ = base + at;
    }
  }
  return bytes;
}

void ColumnDecoder::run_typed_values(size_t from, size_t to) {
  int64_t* out = values_block_.data();
  // Locals: stores through out would make the compiler write members back.
  ValueBlockReader values = values_;
  // Unsigned adds: hostile deltas wrap instead of overflowing.
  uint64_t last = static_cast<uint64_t>(last_);
  const int64_t* ref = spec_.coding == kIntRef ? ref_->values_block_.data() : nullptr;
  for (size_t k = from; k < to;) {
    size_t n;
    const uint64_t* coded = values.take(to - k, &n);
    switch (spec_.coding) {
      case kIntRaw:
        for (size_t i = 0; i < n; ++i) out[k + i] = static_cast<int64_t>(coded[i]);
        last = coded[n - 1];
        break;
      case kIntDelta:
        for (size_t i = 0; i < n; ++i) {
          last += coded[i];
          out[k + i] = static_cast<int64_t>(last);
        }
        break;
      case kIntTable:
        for (size_t i = 0; i < n; ++i) out[k + i] = table_value(coded[i]);
        last = static_cast<uint64_t>(out[k + n - 1]);
        break;
      default:
        for (size_t i = 0; i < n; ++i)
          out[k + i] = static_cast<int64_t>(static_cast<uint64_t>(ref[k + i]) + coded[i]);
        last = static_cast<uint64_t>(out[k + n - 1]);
        break;
    }
    k += n;
  }
  values_ = values;
  last_ = static_cast<int64_t>(last);
}

namespace {

// The fast print paths, for print_slotted_run: the slot each writes, and
// the print call. Number paths say first which values they refuse (a
// magnitude test); the binary32 path knows only once it has the float's
// scaled value, so its print returns kRefused.
constexpr size_t kRefused = ~size_t(0);
template <int kDigits>
struct DigitsPath {
  static constexpr bool kPrintRefuses = false;
  static constexpr size_t kSlot = NumberPrinter::kSlot<kDigits>;
  static bool refuses(const NumberPrinter& p, int64_t v) { return p.magnitude(v) >= kNumberPow10[kDigits]; }
  static size_t print(const NumberPrinter& p, int64_t v, char* out) { return p.print_fast<kDigits>(v, out); }
};
template <int kScale, uint8_t kMode>
struct SplitPath {
  static constexpr bool kPrintRefuses = false;
  static constexpr size_t kSlot = NumberPrinter::kSplitSlot;
  static bool refuses(const NumberPrinter&, int64_t v) {
    return NumberPrinter::plain_magnitude(v) >= NumberPrinter::split_limit(kScale);
  }
  static size_t print(const NumberPrinter& p, int64_t v, char* out) { return p.print_split<kScale, kMode>(v, out); }
};
// The zeros path (integers kept without their trailing zeros).
struct ZerosPath {
  static constexpr bool kPrintRefuses = false;
  static constexpr size_t kSlot = NumberPrinter::kZerosSlot;
  static bool refuses(const NumberPrinter&, int64_t v) {
    return NumberPrinter::plain_magnitude(v) >= NumberPrinter::kZerosLimit;
  }
  static size_t print(const NumberPrinter& p, int64_t v, char* out) { return p.print_zeros(v, out); }
};
// A binary32 column's split path (its scale 1..8).
template <int kScale>
struct Binary32SplitPath {
  static constexpr bool kPrintRefuses = true;
  static constexpr size_t kSlot = Binary32Printer::kSplitSlot;
  static size_t print(const Binary32Printer& p, int64_t v, char* out) {
    const size_t n = p.print_split_at<kScale>(v, out);
    return n ? n : kRefused;
  }
};

// Prints the run's values (already in the block's values) as unquoted
// cells, each in its own fixed-size slot: with cells packed end to end,
// every cell's address would wait for the previous cell's length, and the
// loop would run one cell at a time. The printer and pointers are locals
// (stores through char* would make the compiler reload or write back
// members every cell). Not inlined: inside run_numbers' switch of paths the
// loop runs short of registers and rebuilds its constants every value.
// Returns the bytes of text, or kTooLong at the first value the path
// cannot take.
constexpr uint64_t kTooLong = ~uint64_t(0);
template <class Path, class Printer>
[[gnu::noinline]] uint64_t print_slotted_run(const Printer printer, const int64_t* values, size_t from, size_t to,
                                             CellText* cells, CellArena& arena) {
  char* const slots = arena.room((to - from) * Path::kSlot);
  uint64_t bytes = 0;
  for (size_t k = from; k < to; ++k) {
    const int64_t v = values[k];
    if constexpr (!Path::kPrintRefuses) {
      if (Path::refuses(printer, v)) return kTooLong;
    }
    char* out = slots + (k - from) * Path::kSlot;
    const size_t n = Path::print(printer, v, out);
    if constexpr (Path::kPrintRefuses) {
      if (n == kRefused) return kTooLong;
    }
    cells[k] = {out, n};
    bytes += n;
  }
  arena.commit((to - from) * Path::kSlot);
  return bytes;
}

// The split path for scale kScale > 0 in the printer's fraction mode.
template <int kScale>
uint64_t print_split_run(const NumberPrinter& printer, const int64_t* values, size_t from, size_t to,
                         CellText* cells, CellArena& arena) {
  switch (printer.split_mode()) {
    case kFracTrim: return print_slotted_run<SplitPath<kScale, kFracTrim>>(printer, values, from, to, cells, arena);
    case kFracTrimKeep1:
      return print_slotted_run<SplitPath<kScale, kFracTrimKeep1>>(printer, values, from, to, cells, arena);
    default: return print_slotted_run<SplitPath<kScale, kFracFixed>>(printer, values, from, to, cells, arena);
  }
}

// A binary32 column's printer with its scale fixed at compile time, for
// print_typed_run: the scale switch is made once a run, not once a value.
template <int kScale>
struct Binary32AtScale {
  Binary32Printer printer;
  size_t print(int64_t v, char* out) const { return printer.print_at_scale<kScale>(v, out); }
};

// `*split`: the column's runs try the split path in slots first (cells
// independent of each other, as for plain numbers); cleared at the first
// value it cannot take, whose run is then printed end to end.
template <int kScale>
uint64_t print_binary32_at(const Binary32Printer& printer, bool* split, const int64_t* values, size_t from,
                           size_t to, CellText* cells, CellArena& arena) {
  if constexpr (kScale >= 1) {
    if (*split) {
      const uint64_t bytes = print_slotted_run<Binary32SplitPath<kScale>>(printer, values, from, to, cells, arena);
      if (bytes != kTooLong) return bytes;
      *split = false;
    }
  }
  Binary32AtScale<kScale> at{printer};
  return print_typed_run(at, values, from, to, cells, arena, "columnar: number too long");
}

uint64_t print_binary32_run(const Binary32Printer& printer, int scale, bool* split, const int64_t* values,
                            size_t from, size_t to, CellText* cells, CellArena& arena) {
  switch (scale) {
    case 0: return print_binary32_at<0>(printer, split, values, from, to, cells, arena);
    case 1: return print_binary32_at<1>(printer, split, values, from, to, cells, arena);
    case 2: return print_binary32_at<2>(printer, split, values, from, to, cells, arena);
    case 3: return print_binary32_at<3>(printer, split, values, from, to, cells, arena);
    case 4: return print_binary32_at<4>(printer, split, values, from, to, cells, arena);
    case 5: return print_binary32_at<5>(printer, split, values, from, to, cells, arena);
    case 6: return print_binary32_at<6>(printer, split, values, from, to, cells, arena);
    case 7: return print_binary32_at<7>(printer, split, values, from, to, cells, arena);
    case 8: return print_binary32_at<8>(printer, split, values, from, to, cells, arena);
    default: {  // wider scales: the printer's own switch per value
      Binary32Printer any_scale = printer;
      return print_typed_run(any_scale, values, from, to, cells, arena, "columnar: number too long");
    }
  }
}

}  // namespace

uint64_t ColumnDecoder::print_run(size_t from, size_t to, CellArena& arena) {
  CellText* cells = cells_.data();
  const int64_t* values = values_block_.data();
  switch (split_scale_) {
    case 0: return print_slotted_run<SplitPath<0, kFracFixed>>(printer_, values, from, to, cells, arena);
    case 1: return print_split_run<1>(printer_, values, from, to, cells, arena);
    case 2: return print_split_run<2>(printer_, values, from, to, cells, arena);
    case 3: return print_split_run<3>(printer_, values, from, to, cells, arena);
    case 4: return print_split_run<4>(printer_, values, from, to, cells, arena);
    case 5: return print_split_run<5>(printer_, values, from, to, cells, arena);
    case 6: return print_split_run<6>(printer_, values, from, to, cells, arena);
    case 7: return print_split_run<7>(printer_, values, from, to, cells, arena);
    case 8: return print_split_run<8>(printer_, values, from, to, cells, arena);
    case NumberPrinter::kZerosSplit: return print_slotted_run<ZerosPath>(printer_, values, from, to, cells, arena);
    default: break;
  }
  return digits_ == 8 ? print_slotted_run<DigitsPath<8>>(printer_, values, from, to, cells, arena)
                      : print_slotted_run<DigitsPath<16>>(printer_, values, from, to, cells, arena);
}

void ColumnDecoder::next_print_path() {
  if (split_scale_ != NumberPrinter::kNoSplit) {
    split_scale_ = NumberPrinter::kNoSplit;
  } else {
    digits_ = digits_ == 8 ? printer_.fast_digits(kNumberPow10[8]) : 0;
  }
}

uint64_t ColumnDecoder::run_numbers(size_t from, size_t to, CellArena& arena) {
  if (spec_.number.inner != kNoBinary32 && spec_.quote != kQuoteAlways) {
    run_typed_values(from, to);
    return print_binary32_run(binary32_printer_, spec_.number.scale, &binary32_split_, values_block_.data(), from,
                              to, cells_.data(), arena);
  }
  if (spec_.quote == kQuoteAlways || (split_scale_ == NumberPrinter::kNoSplit && !digits_)) {
    // Quoted or long numbers.
    run_typed_values(from, to);
    return run_typed_text(from, to, arena);
  }
  // Print with the cheapest path the last run could take (the split path
  // if the layout allows it, else the fewest digits). A value too long
  // makes the run go again with the next paths, the one that takes it
  // being kept for the column.
  run_typed_values(from, to);
  for (; split_scale_ != NumberPrinter::kNoSplit || digits_; next_print_path()) {
    const uint64_t bytes = print_run(from, to, arena);
    if (bytes != kTooLong) return bytes;
  }
  return run_typed_text(from, to, arena);
}

uint64_t ColumnDecoder::run_typed_text(size_t from, size_t to, CellArena& arena) {
  char* const start = arena.room((to - from) * kTypedCellMax);
  char* out = start;
  const bool quoted = spec_.quote == kQuoteAlways;
  for (size_t k = from; k < to; ++k) {
    char* cell = out;
    out += print_quoted_typed(values_block_[k], quoted, out);
    cells_[k] = {cell, static_cast<size_t>(out - cell)};
  }
  arena.commit(static_cast<size_t>(out - start));
  return static_cast<uint64_t>(out - start);
}

uint64_t ColumnDecoder::run_dict(size_t from, size_t to) {
  const CellText* entries = dict_text_.data();
  const uint64_t size = dict_text_.size();
  CellText* cells = cells_.data();
  ValueBlockReader values = values_;  // a local: no member write-back per cell
  uint64_t bytes = 0;
  for (size_t k = from; k < to;) {
    size_t n;
    const uint64_t* ids = values.take(to - k, &n);
    CellText* const dst = cells + k;  // one index for ids and cells
    for (size_t i = 0; i < n; ++i) {
      const uint64_t id = ids[i];
      if (id >= size) fail_corrupt("columnar: dictionary id out of range");
      dst[i] = entries[id];
      bytes += entries[id].n;
    }
    k += n;
  }
  values_ = values;
  return bytes;
}

std::string_view ColumnDecoder::next_text() {
  if (text_ == text_end_) fail_corrupt("columnar: text column ends early");
  const char* z =
      static_cast<const char*>(std::memchr(text_, 0, static_cast<size_t>(text_end_ - text_)));
  if (!z) fail_corrupt("columnar: text column ends early");
  std::string_view v(text_, static_cast<size_t>(z - text_));
  text_ = z + 1;
  return v;
}

template <uint8_t kQuote>
uint64_t ColumnDecoder::run_text(size_t from, size_t to, CellArena& arena) {
  // Locals: stores of cells (char pointers) would make the compiler write
  // text_ back and reload it every cell.
  CellText* cells = cells_.data();
  const char* text = text_;
  // A window starts at a value and is used while it holds the next value's
  // end; 16 bytes past it stay readable, so every value in it is used in
  // place by row assembly's fixed-size copies.
  constexpr ptrdiff_t kWindowNeed = TextWindow::kBytes + kCellCopy;
  const char* base = text;
  TextWindow w{0, 0};
  uint64_t bytes = 0;
  size_t k = from;
  for (; k < to; ++k) {
    if (w.nuls == 0) {
      if (text_end_ - text < kWindowNeed) break;
      base = text;
      w = load_text_window(text, delim_);
      if (w.nuls == 0) {  // a value of 64 bytes or more
        text_ = text;
        cells[k] = next_text_cell(arena);
        text = text_;
        bytes += cells[k].n;
        continue;
      }
    }
    // The window holds a NUL at or after this value's start (< 64).
    const unsigned start = static_cast<unsigned>(text - base);
    const unsigned nul = static_cast<unsigned>(__builtin_ctzll(w.nuls));
    w.nuls &= w.nuls - 1;
    const std::string_view v(text, nul - start);
    text = base + nul + 1;
    // The window's specials are only read for minimal quoting: for the
    // other modes the compiler drops their scan.
    const bool quoted = kQuote == kQuoteAlways ||
                        (kQuote == kQuoteMinimal && ((w.specials >> start) & ((uint64_t(1) << v.size()) - 1)));
    cells[k] = quoted ? render(v, true, arena) : CellText{v.data(), v.size()};
    bytes += cells[k].n;
  }
  // Near the part's end: one value at a time.
  text_ = text;
  for (; k < to; ++k) {
    cells[k] = next_text_cell(arena);
    bytes += cells[k].n;
  }
  return bytes;
}

CellText ColumnDecoder::next_text_cell(CellArena& arena) {
  const std::string_view v = next_text();
  const bool quoted = predict_quoted(v);
  // In place when unquoted and a fixed-size copy may read on.
  if (!quoted && text_end_ - v.data() >= static_cast<ptrdiff_t>(kCellCopy)) return {v.data(), v.size()};
  return render(v, quoted, arena);
}

int64_t ColumnDecoder::next_typed_value(size_t at) {
  uint64_t v = values_.next();
  if (spec_.coding == kIntDelta) v += static_cast<uint64_t>(last_);
  if (spec_.coding == kIntRef) v += static_cast<uint64_t>(ref_->values_block_[at]);
  if (spec_.coding == kIntTable) v = static_cast<uint64_t>(table_value(v));
  last_ = static_cast<int64_t>(v);
  values_block_[at] = last_;
  return last_;
}

size_t ColumnDecoder::print_quoted_typed(int64_t v, bool quoted, char* out) {
  if (quote_by_text_) {
    // Grouped numbers may hold the delimiter: minimal quoting predicts from
    // the text (`quoted` is then the flip).
    const size_t len = printer_.print(v, out + 1);
    if (quoted == (std::memchr(out + 1, delim_, len) != nullptr)) {
      std::memmove(out, out + 1, len);
      return len;
    }
    out[0] = '"';
    out[len + 1] = '"';
    return len + 2;
  }
  size_t n = quoted ? 1 : 0;
  out[0] = '"';
  if (spec_.type == kNumber) {
    const size_t len = spec_.number.inner == kNoBinary32 ? printer_.print(v, out + n)
                                                         : binary32_printer_.print(v, out + n);
    if (len == 0 && spec_.number.inner != kNoBinary32) fail_corrupt("columnar: number too long");
    n += len;
  } else {
    const size_t len = date_printer_.print(v, out + n);
    if (len == 0) fail_corrupt("columnar: date out of range");
    n += len;
  }
  if (quoted) out[n++] = '"';
  return n;
}

CellText ColumnDecoder::render(std::string_view v, bool quoted, CellArena& arena) const {
  if (!quoted) return {arena.copy(v.data(), v.size()), v.size()};
  if (!std::memchr(v.data(), '"', v.size())) {
    // Quoted for a delimiter or line break (addresses, lists): one copy
    // between the quotes, not a byte at a time.
    const size_t n = v.size() + 2;
    char* out = arena.text_room(n);
    out[0] = '"';
    std::memcpy(out + 1, v.data(), v.size());
    out[n - 1] = '"';
    arena.commit(n);
    return {out, n};
  }
  size_t quotes = 0;
  for (char c : v) quotes += c == '"';
  const size_t n = v.size() + quotes + 2;
  char* out = arena.text_room(n);
  char* d = out;
  *d++ = '"';
  for (char c : v) {
    *d++ = c;
    if (c == '"') *d++ = '"';
  }
  *d++ = '"';
  arena.commit(n);
  return {out, n};
}

uint64_t ColumnDecoder::special_cell(size_t at, CellArena& arena) {
  const uint64_t i = index_;
  bool flip = false;
  if (flips_[flip_next_] == i) {
    flip = true;
    ++flip_next_;
  }
  if (exc_[exc_next_] == i) {
    ++exc_next_;
    std::string_view v = exc_text_.str();
    // An exception has no typed value: later cells see the previous one.
    if (spec_.type == kNumber || spec_.type == kDate) values_block_[at] = last_;
    cells_[at] = render(v, predict_quoted(v) != flip, arena);
    return cells_[at].n;
  }
  switch (spec_.type) {
    case kNumber:
    case kDate: {
      const int64_t v = next_typed_value(at);
      char* out = arena.room(kTypedCellMax);
      const size_t n = print_quoted_typed(v, (spec_.quote == kQuoteAlways) != flip, out);
      arena.commit(n);
      cells_[at] = {out, n};
      break;
    }
    case kDict: {
      const uint64_t id = values_.next();
      if (id >= dict_.size()) fail_corrupt("columnar: dictionary id out of range");
      cells_[at] = render(dict_[id], (dict_quote_[id] != 0) != flip, arena);
      break;
    }
    default: {
      std::string_view v = next_text();
      cells_[at] = render(v, predict_quoted(v) != flip, arena);
      break;
    }
  }
  return cells_[at].n;
}

void ColumnDecoder::finish() const {
  if (index_ != cells_total_ || exc_[exc_next_] != kNoMoreCells || flips_[flip_next_] != kNoMoreCells)
    fail_corrupt("columnar: column holds fewer cells than its rows");
  if (!exc_text_.at_end()) fail_corrupt("columnar: trailing exception bytes");
  const bool rest = spec_.type == kText ? text_ != text_end_ : !values_.at_end();
  if (rest) fail_corrupt("columnar: trailing column values");
}

}  // namespace at1::columnar
