#include "csv_parse.h"

#include <cstring>

#include "at1/cpp/lines.hpp"
#include "separator_scan.h"

namespace at1::columnar {

namespace {

// Scans a quoted field whose opening quote is at p[-1]. Returns the closing
// quote or nullptr; sets *doubled when "" occurs inside.
// One scan for the next quote or LF, eight bytes a time: a memchr for the
// quote and a byte loop counting LFs before it cost two passes per field.
const char* scan_quoted(const char* p, const char* end, bool* doubled) {
  uint32_t newlines = 0;
  for (;;) {
    const char* q = scan_separator(p, end, '"');
    if (q == end) return nullptr;
    if (*q == '\n') {
      if (++newlines > kMaxQuotedNewlines) return nullptr;
      p = q + 1;
      continue;
    }
    if (q + 1 < end && q[1] == '"') {
      *doubled = true;
      p = q + 2;
      continue;
    }
    return q;
  }
}

// One record starting at p, its fields handed to sink.add(data, size,
// quoted, in_arena) (false = give up on the record; the sink refuses a
// field past kMaxFields, where it counts fields anyway). See parse_record.
template <class Sink>
const char* parse_fields(const char* p, const char* end, char delim, std::string* arena,
                         uint8_t* eol, SeparatorScanner& scanner, Sink& sink) {
  for (;;) {
    const char* after;
    if (p < end && *p == '"') {
      bool doubled = false;
      const char* close = scan_quoted(p + 1, end, &doubled);
      if (!close) return nullptr;
      after = close + 1;
      if (after < end && *after != delim && *after != '\n' &&
          !(*after == '\r' && after + 1 < end && after[1] == '\n'))
        return nullptr;
      if (!doubled || !arena) {
        if (!sink.add(p + 1, static_cast<size_t>(close - p - 1), true, false)) return nullptr;
      } else {
        // Every quote inside is the first of a pair: copy up to and with
        // it, skip the second. A push_back per byte cost more than the
        // rest of parsing such a field.
        size_t at = arena->size();
        for (const char* s = p + 1; s < close;) {
          const char* q = static_cast<const char*>(std::memchr(s, '"', static_cast<size_t>(close - s)));
          const char* stop = q ? q + 1 : close;
          arena->append(s, static_cast<size_t>(stop - s));
          s = stop + (q != nullptr);
        }
        if (!sink.add(arena->data() + at, arena->size() - at, true, true)) return nullptr;
      }
    } else {
      const char* s = scanner.next(p);
      // Most fields end at a delimiter: on to the next field at once.
      if (s < end && *s == delim) {
        if (!sink.add(p, static_cast<size_t>(s - p), false, false)) return nullptr;
        p = s + 1;
        continue;
      }
      const char* stop = s;
      if (s < end && *s == '\n' && stop > p && stop[-1] == '\r') --stop;
      if (!sink.add(p, static_cast<size_t>(stop - p), false, false)) return nullptr;
      after = stop;
    }
    if (after == end) {
      *eol = sdk::kEolNone;
      return end;
    }
    if (*after == delim) {
      p = after + 1;
      continue;
    }
    if (*after == '\n') {
      *eol = sdk::kEolLF;
      return after + 1;
    }
    // "\r\n" (checked above for quoted fields, by construction for unquoted)
    *eol = sdk::kEolCRLF;
    return after + 2;
  }
}

struct CellSink {
  std::vector<Cell>* fields;
  uint32_t count = 0;
  bool add(const char* data, size_t size, bool quoted, bool) {
    if (count++ == kMaxFields) return false;
    fields->push_back({data, static_cast<uint32_t>(size), static_cast<uint8_t>(quoted)});
    return true;
  }
};

// Appends straight to the frame's columns; undo() drops a failed record's.
// Inlined into the parse loop: as a call it cost about as much as the
// parsing itself (register saves around a few stores).
struct ColumnSink {
  ParsedFrame* out;
  const char* arena_base;
  uint32_t count = 0;  // fields of the current record
  // out->columns, refreshed when it grows: no size computation per field.
  std::vector<PackedCell>* columns = out->columns.data();
  size_t ncolumns = out->columns.size();
  const char* text = out->text;
  [[gnu::always_inline]] bool add(const char* data, size_t size, bool quoted, bool in_arena) {
    if (size >= kMaxFieldSize) return false;
    if (count == ncolumns) [[unlikely]] {
      if (count == kMaxFields) return false;
      add_column();
    }
    uint32_t flags = static_cast<uint32_t>(size);
    const char* base = text;
    if (in_arena) {
      flags |= PackedCell::kInArena;
      base = arena_base;
    }
    if (quoted) {
      flags |= PackedCell::kQuoted;
      ++out->quoted[count];
    }
    columns[count++].push_back({static_cast<uint32_t>(data - base), flags});
    return true;
  }
  [[gnu::noinline]] void add_column() {
    out->columns.emplace_back();
    out->quoted.push_back(0);
    columns = out->columns.data();
    ncolumns = out->columns.size();
  }
  void undo() {
    for (uint32_t j = 0; j < count; ++j) {
      if (out->columns[j].back().size_flags & PackedCell::kQuoted) --out->quoted[j];
      out->columns[j].pop_back();
    }
  }
};

}  // namespace

const char* parse_record(const char* p, const char* end, char delim, std::vector<Cell>* fields,
                         std::string* arena, uint8_t* eol) {
  CellSink sink{fields};
  SeparatorScanner scanner(end, delim);
  return parse_fields(p, end, delim, arena, eol, scanner, sink);
}

void parse_frame(std::string_view input, size_t start, char delim, ParsedFrame* out) {
  const char* p = input.data() + start;
  const char* end = input.data() + input.size();
  out->delim = delim;
  out->head_size = start;
  out->text = input.data();
  // Unescaped text is never longer than its source, so one reservation keeps
  // every view into the arena valid.
  if (std::memchr(p, '"', static_cast<size_t>(end - p))) out->arena.reserve(input.size());
  std::vector<uint32_t> count_hist(kMaxFields + 1, 0);
  SeparatorScanner scanner(end, delim);
  const char* begin = p;
  bool reserved = false;
  // One sink for all records (the arena does not move, see above): set up
  // per record, it cost about as much as a field.
  ColumnSink sink{out, out->arena.data()};
  while (p < end) {
    // Size the row and cell arrays once from the first rows, so big frames
    // do not pay for repeated growth.
    if (!reserved && out->rows.size() == 256) {
      reserved = true;
      double scale = static_cast<double>(end - begin) / static_cast<double>(p - begin) * 1.05;
      out->rows.reserve(static_cast<size_t>(static_cast<double>(out->rows.size()) * scale) + 16);
      for (auto& col : out->columns)
        col.reserve(static_cast<size_t>(static_cast<double>(col.size()) * scale) + 16);
    }
    uint8_t eol = 0;
    size_t arena_mark = out->arena.size();
    sink.count = 0;
    const char* next = parse_fields(p, end, delim, &out->arena, &eol, scanner, sink);
    if (next) {
      out->rows.push_back({static_cast<uint16_t>(sink.count), eol});
      ++count_hist[sink.count];
      p = next;
      continue;
    }
    sink.undo();
    out->arena.resize(arena_mark);
    // Keep the first physical line verbatim and resynchronise after it.
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    const char* stop = nl ? nl : end;
    uint8_t kind = sdk::kEolNone;
    if (nl) {
      kind = sdk::kEolLF;
      if (stop > p && stop[-1] == '\r') {
        --stop;
        kind = sdk::kEolCRLF;
      }
    }
    out->rows.push_back({kVerbatimShape, kind});
    out->verbatim.emplace_back(p, static_cast<size_t>(stop - p));
    p = nl ? nl + 1 : end;
  }
  uint32_t best = 0;
  for (uint32_t k = 0; k <= kMaxFields; ++k) {
    if (count_hist[k] > count_hist[best]) best = k;
    if (count_hist[k]) out->ncols = k;
  }
  out->width = best;
}

}  // namespace at1::columnar
