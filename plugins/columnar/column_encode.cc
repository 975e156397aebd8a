#include "column_encode.h"

#include <cstring>

#include "column_infer.h"
#include "cost_model.h"
#include "csv_parse.h"
#include "dict_index.h"
#include "value_blocks.h"
#include "value_table.h"
#include "at1/cpp/string_index.hpp"

namespace at1::columnar {

namespace {

// Cell indexes as gaps: count, then each index minus the previous one.
void write_index_list(ByteWriter& w, const std::vector<uint32_t>& idx) {
  w.varint(idx.size());
  uint32_t prev = 0;
  for (uint32_t i : idx) {
    w.varint(i - prev);
    prev = i;
  }
}

uint8_t choose_quote_mode(const ColumnCells& cells, char delim, std::vector<uint32_t>* flips) {
  const size_t n = cells.size();
  const size_t quoted = cells.quoted_count;  // counted by the parser
  // No quoted cell: "never" has no exceptions, and no value needs a scan.
  if (quoted == 0) return kQuoteNever;
  size_t minimal_misses = 0;
  std::vector<uint8_t> need(n);
  for (size_t i = 0; i < n; ++i) {
    // The decoder predicts from the value alone, so the encoder must too.
    cells.prefetch(i);
    need[i] = needs_quotes(cells.value(i), delim);
    minimal_misses += need[i] != cells.quoted(i);
  }
  // Ties go to the mode the decoder predicts fastest.
  uint8_t mode = kQuoteNever;
  size_t misses = quoted;
  if (minimal_misses < misses) {
    mode = kQuoteMinimal;
    misses = minimal_misses;
  }
  if (n - quoted < misses) mode = kQuoteAlways;
  for (size_t i = 0; i < n; ++i) {
    bool predicted = mode == kQuoteAlways || (mode == kQuoteMinimal && need[i]);
    if (predicted != cells.quoted(i)) flips->push_back(static_cast<uint32_t>(i));
  }
  return mode;
}

int64_t wrap_sub(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b));
}

// Calls f(i) for every cell that is not an exception (`exc` ascending):
// runs between exceptions need no per-cell test.
template <class F>
void for_each_typed(size_t n, const std::vector<uint32_t>& exc, F f) {
  size_t i = 0;
  for (uint32_t e : exc) {
    for (; i < e; ++i) f(i);
    i = e + 1;
  }
  for (; i < n; ++i) f(i);
}

// The first pass of encode_typed: parses every cell, records exceptions,
// carries values, and feeds the raw and delta cost models. A template on
// the parser so the loop holds no per-cell test of the column's type, and
// the spec sits in registers (the parser gets a copy).
struct TypedPass {
  std::vector<uint32_t>* exc;
  int64_t* carried;
  CostModel raw, delta;

  template <class Parse>
  void run(const ColumnCells& cells_in, Parse parse) {
    const ColumnCells cells = cells_in;  // see encode_dict
    int64_t last = 0;
    for (size_t i = 0; i < cells.size(); ++i) {
      int64_t v;
      cells.prefetch(i);
      if (!parse(cells.value(i), &v)) {
        exc->push_back(static_cast<uint32_t>(i));
        carried[i] = last;
        continue;
      }
      raw.add(sdk::zigzag_encode(v));
      delta.add(sdk::zigzag_encode(wrap_sub(v, last)));
      carried[i] = last = v;
    }
  }
};

// Values as int64 under the spec; the rest become exceptions. Picks the
// coding (raw, delta, or residual against a pool column) that needs the
// fewest varint bytes.
void encode_typed(uint32_t index, const ColumnCells& cells, ColumnSpec* spec, ByteWriter& out, PartWriter& parts,
                  std::vector<uint32_t>* exc, ColumnStats* stats, std::vector<TypedColumn>* pool) {
  const size_t n = cells.size();
  TypedColumn self{index, *spec, std::vector<int64_t>(n)};
  int64_t* carried = self.carried.data();
  TypedPass pass{exc, carried, {}, {}};
  if (spec->type == kNumber) {
    const NumberSpec number = spec->number;
    pass.run(cells, [number](std::string_view s, int64_t* v) { return parse_number_exact(s, number, v); });
  } else {
    const DateSpec date = spec->date;
    pass.run(cells, [date](std::string_view s, int64_t* v) { return parse_date_exact(s, date, v); });
  }
  const CostModel& raw = pass.raw;
  const CostModel& delta = pass.delta;
  double raw_bits = raw.bits(), delta_bits = delta.bits();
  spec->coding = delta_bits < raw_bits ? kIntDelta : kIntRaw;
  double best = delta_bits < raw_bits ? delta_bits : raw_bits;
  const TypedColumn* ref = nullptr;
  size_t tried = 0;
  for (auto it = pool->rbegin(); it != pool->rend() && tried < kMaxRefCandidates; ++it) {
    if (it->carried.size() != n || !same_units(it->spec, *spec)) continue;
    ++tried;
    CostModel cost;
    const int64_t* other = it->carried.data();
    for_each_typed(n, *exc, [&](size_t i) { cost.add(sdk::zigzag_encode(wrap_sub(carried[i], other[i]))); });
    double bits = cost.bits();
    if (bits < best) {
      best = bits;
      ref = &*it;
    }
  }
  if (ref) {
    spec->coding = kIntRef;
    spec->ref = ref->index;
  }
  ValueTable table;
  if (choose_value_table(carried, n, *exc, best, &table)) {
    spec->coding = kIntTable;
    write_value_table(parts.add(column_part(index, ".d")), table.values);
  }
  // An exception carries the value before it, so carried[i - 1] is the
  // value a delta at i is taken from.
  // The range for the statistics is taken here, from the values the
  // coding reads anyway: in the first pass it was two loads and stores per
  // cell (no register left there).
  ValueBlockWriter coded(out, n - exc->size());
  int64_t mn = INT64_MAX, mx = INT64_MIN;
  auto code = [&](size_t i, int64_t base) {
    const int64_t v = carried[i];
    mn = v < mn ? v : mn;
    mx = v > mx ? v : mx;
    coded.add(sdk::zigzag_encode(wrap_sub(v, base)));
  };
  switch (spec->coding) {
    case kIntRaw:
      for_each_typed(n, *exc, [&](size_t i) { code(i, 0); });
      break;
    case kIntDelta:
      for_each_typed(n, *exc, [&](size_t i) { code(i, i ? carried[i - 1] : 0); });
      break;
    case kIntTable: {
      const uint32_t* id = table.ids.data();
      for_each_typed(n, *exc, [&](size_t i) {
        const int64_t v = carried[i];
        mn = v < mn ? v : mn;
        mx = v > mx ? v : mx;
        coded.add(*id++);
      });
      break;
    }
    default: {
      const int64_t* other = ref->carried.data();
      for_each_typed(n, *exc, [&](size_t i) { code(i, other[i]); });
      break;
    }
  }
  coded.finish();
  if (mn <= mx) {
    stats->valid = true;
    stats->min = mn;
    stats->max = mx;
  }
  self.spec = *spec;
  pool->push_back(std::move(self));
}

bool has_nul(const ColumnCells& cells, std::string_view v) {
  return cells.may_hold_nul && std::memchr(v.data(), 0, v.size()) != nullptr;
}

// Dictionary ids; false when the dictionary would grow past kMaxDict.
bool encode_dict(const ColumnCells& cells_in, ByteWriter& ids, ByteWriter& dict,
                 std::vector<uint32_t>* exc) {
  // A local copy: the stores of the loop cannot reach it, so its fields
  // need no reload per cell.
  const ColumnCells cells = cells_in;
  DictIndex index;
  ValueBlockWriter coded(ids, cells.size());
  std::string_view prev;
  uint32_t prev_id = 0;
  bool have_prev = false;
  for (size_t i = 0; i < cells.size(); ++i) {
    cells.prefetch(i);
    std::string_view v = cells.value(i);
    if (has_nul(cells, v)) {
      exc->push_back(static_cast<uint32_t>(i));
      continue;
    }
    if (have_prev && same_value(v, prev)) {  // runs of one value are common: skip the hash
      coded.add(prev_id);
      continue;
    }
    bool fresh;
    const uint32_t id = index.intern(v, &fresh);
    prev = v;
    prev_id = id;
    have_prev = true;
    if (fresh) {
      if (index.size() > kMaxDict) return false;
      dict.bytes(v);
      dict.u8(0);
    }
    coded.add(id);
  }
  coded.finish();
  return true;
}

// Text values are short: copied 16 bytes a move (into slack past the
// part's end, and reading past the value when the source allows), where an
// insert and a memcpy call per value cost more than the bytes moved.
constexpr size_t kCopyStep = 16;

void encode_text(const ColumnCells& cells_in, ByteWriter& out, std::vector<uint32_t>* exc) {
  const ColumnCells cells = cells_in;  // see encode_dict
  size_t total = 0;
  for (size_t i = 0; i < cells.size(); ++i) total += cells.value(i).size() + 1;
  std::vector<uint8_t>& buf = out.buffer();
  const size_t at = buf.size();
  buf.resize(at + total + kCopyStep);
  uint8_t* w = buf.data() + at;
  for (size_t i = 0; i < cells.size(); ++i) {
    cells.prefetch(i);
    std::string_view v = cells.value(i);
    if (has_nul(cells, v)) {
      exc->push_back(static_cast<uint32_t>(i));
      continue;
    }
    const size_t n = v.size();
    if (cells.readable(i) >= n + kCopyStep) {
      for (size_t k = 0; k < n; k += kCopyStep) std::memcpy(w + k, v.data() + k, kCopyStep);
    } else {
      std::memcpy(w, v.data(), n);
    }
    w[n] = 0;
    w += n + 1;
  }
  buf.resize(static_cast<size_t>(w - buf.data()));
}

}  // namespace

ColumnSpec encode_column(size_t index, const ColumnCells& cells, char delim, PartWriter& parts,
                         ByteWriter& meta, ColumnStats* stats, std::vector<TypedColumn>* pool) {
  ColumnSpec spec = infer_column(cells, delimiter_allows_types(delim));
  std::vector<uint32_t> flips, exc;
  spec.quote = choose_quote_mode(cells, delim, &flips);

  ByteWriter& values = parts.add(column_part(index, ""));
  if (spec.type == kNumber || spec.type == kDate) {
    encode_typed(static_cast<uint32_t>(index), cells, &spec, values, parts, &exc, stats, pool);
  } else if (spec.type == kDict) {
    ByteWriter& dict = parts.add(column_part(index, ".d"));
    if (!encode_dict(cells, values, dict, &exc)) {
      values.clear();
      dict.clear();
      exc.clear();
      spec.type = kText;
    }
  }
  if (spec.type == kText) encode_text(cells, values, &exc);

  write_spec(meta, spec);
  ByteWriter& x = parts.add(column_part(index, ".x"));
  if (!exc.empty()) {
    write_index_list(x, exc);
    for (uint32_t i : exc) x.str(cells.value(i));
  }
  ByteWriter& q = parts.add(column_part(index, ".q"));
  if (!flips.empty()) write_index_list(q, flips);
  return spec;
}

}  // namespace at1::columnar
