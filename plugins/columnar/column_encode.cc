#include "column_encode.h"

#include <cstring>
#include <unordered_map>

#include "column_infer.h"
#include "csv_parse.h"

namespace at1::columnar {

namespace {

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

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
  size_t minimal_misses = 0, quoted = 0;
  const size_t n = cells.values.size();
  std::vector<uint8_t> need(n);
  for (size_t i = 0; i < n; ++i) {
    // The decoder predicts from the value alone, so the encoder must too.
    need[i] = needs_quotes(cells.values[i], delim);
    minimal_misses += need[i] != cells.quoted[i];
    quoted += cells.quoted[i];
  }
  uint8_t mode = (n - quoted) < minimal_misses ? kQuoteAlways : kQuoteMinimal;
  for (size_t i = 0; i < n; ++i) {
    bool predicted = mode == kQuoteAlways ? true : need[i] != 0;
    if (predicted != (cells.quoted[i] != 0)) flips->push_back(static_cast<uint32_t>(i));
  }
  return mode;
}

// Values as int64 under the spec; the rest become exceptions.
void encode_typed(const ColumnCells& cells, ColumnSpec* spec, ByteWriter& out,
                  std::vector<uint32_t>* exc, ColumnStats* stats) {
  std::vector<int64_t> ints;
  ints.reserve(cells.values.size());
  for (size_t i = 0; i < cells.values.size(); ++i) {
    int64_t v;
    bool ok = spec->type == kNumber ? parse_number_exact(cells.values[i], spec->number, &v)
                                    : parse_date_exact(cells.values[i], spec->date, &v);
    if (ok) {
      ints.push_back(v);
    } else {
      exc->push_back(static_cast<uint32_t>(i));
    }
  }
  size_t raw = 0, delta = 0;
  int64_t prev = 0;
  int64_t mn = INT64_MAX, mx = INT64_MIN;
  for (int64_t v : ints) {
    raw += varint_size(sdk::zigzag_encode(v));
    delta += varint_size(sdk::zigzag_encode(static_cast<int64_t>(static_cast<uint64_t>(v) -
                                                                 static_cast<uint64_t>(prev))));
    prev = v;
    mn = v < mn ? v : mn;
    mx = v > mx ? v : mx;
  }
  spec->coding = delta < raw ? kIntDelta : kIntRaw;
  out.reserve(spec->coding == kIntDelta ? delta : raw);
  prev = 0;
  for (int64_t v : ints) {
    if (spec->coding == kIntDelta) {
      out.svarint(static_cast<int64_t>(static_cast<uint64_t>(v) - static_cast<uint64_t>(prev)));
      prev = v;
    } else {
      out.svarint(v);
    }
  }
  if (!ints.empty()) {
    stats->valid = true;
    stats->min = mn;
    stats->max = mx;
  }
}

bool has_nul(std::string_view v) { return std::memchr(v.data(), 0, v.size()) != nullptr; }

// Dictionary ids; false when the dictionary would grow past kMaxDict.
bool encode_dict(const ColumnCells& cells, ByteWriter& ids, ByteWriter& dict,
                 std::vector<uint32_t>* exc) {
  std::unordered_map<std::string_view, uint32_t> index;
  index.reserve(1024);
  for (size_t i = 0; i < cells.values.size(); ++i) {
    std::string_view v = cells.values[i];
    if (has_nul(v)) {
      exc->push_back(static_cast<uint32_t>(i));
      continue;
    }
    auto [it, fresh] = index.try_emplace(v, static_cast<uint32_t>(index.size()));
    if (fresh) {
      if (index.size() > kMaxDict) return false;
      dict.bytes(v);
      dict.u8(0);
    }
    ids.varint(it->second);
  }
  return true;
}

void encode_text(const ColumnCells& cells, ByteWriter& out, std::vector<uint32_t>* exc) {
  for (size_t i = 0; i < cells.values.size(); ++i) {
    std::string_view v = cells.values[i];
    if (has_nul(v)) {
      exc->push_back(static_cast<uint32_t>(i));
      continue;
    }
    out.bytes(v);
    out.u8(0);
  }
}

}  // namespace

ColumnSpec encode_column(size_t index, const ColumnCells& cells, char delim, PartWriter& parts,
                         ByteWriter& meta, ColumnStats* stats) {
  ColumnSpec spec = infer_column(cells.values, delimiter_allows_types(delim));
  std::vector<uint32_t> flips, exc;
  spec.quote = choose_quote_mode(cells, delim, &flips);

  ByteWriter& values = parts.add(column_part(index, ""));
  if (spec.type == kNumber || spec.type == kDate) {
    encode_typed(cells, &spec, values, &exc, stats);
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
    for (uint32_t i : exc) x.str(cells.values[i]);
  }
  ByteWriter& q = parts.add(column_part(index, ".q"));
  if (!flips.empty()) write_index_list(q, flips);
  return spec;
}

}  // namespace at1::columnar
