#include "keyed_dict_encode.h"

#include <string>
#include <string_view>

#include "column_infer.h"
#include "dict_index.h"
#include "printed_cell.h"

namespace at1::columnar {

namespace {

// Rows looked at to choose: windows of consecutive rows (runs matter: a
// plain dictionary column pays little for a value that repeats the row
// before), spread over the frame.
constexpr size_t kWindows = 4;
constexpr size_t kWindowRows = 512;
// Keys are looked for this many columns either side.
constexpr size_t kKeyReach = 8;
// Fewer changes than this: the column is nearly constant, a plain
// dictionary is as good.
constexpr size_t kMinChanges = 16;

// Ids of printed texts, in first-seen order: a cell's value through the
// frame's DictIndex (values stay put for the frame), one index per quoting,
// as quoting changes the printed text.
class PrintedIndex {
 public:
  uint32_t intern(const ColumnCells& c, size_t i, bool* fresh) {
    const bool q = c.quoted(i);
    const uint32_t id = index_[q].intern(c.value(i), fresh);
    if (*fresh) ids_[q].push_back(count_++);
    return ids_[q][id];
  }

 private:
  DictIndex index_[2];
  std::vector<uint32_t> ids_[2];
  uint32_t count_ = 0;
};

// Predicts cells of a column from their key's text, as the decoder does.
class KeyedPredictor {
 public:
  // Adds row i: *listed when the prediction missed (then *code is the
  // cell's code), *fresh_value when its value is a new entry.
  void add(const ColumnCells& keys, const ColumnCells& values, size_t i, bool* listed, uint64_t* code,
           bool* fresh_value) {
    bool fresh_key;
    const uint32_t entry = values_.intern(values, i, fresh_value);
    const uint32_t key = keys_.intern(keys, i, &fresh_key);
    if (fresh_key) entry_of_key_.push_back(entry);
    *listed = *fresh_value || fresh_key || entry_of_key_[key] != entry;
    entry_of_key_[key] = entry;
    *code = *fresh_value ? 0 : uint64_t(entry) + 1;
  }

 private:
  PrintedIndex values_, keys_;
  std::vector<uint32_t> entry_of_key_;
};

}  // namespace

void choose_keyed_dicts(const std::vector<ColumnCells>& columns, char delim, std::vector<ColumnSpec>* specs) {
  const size_t ncols = columns.size();
  if (ncols < 2) return;
  std::vector<uint8_t> is_key(ncols, 0);
  std::string vb, pb;
  for (size_t b = 0; b < ncols; ++b) {
    const size_t n = columns[b].size();
    if ((*specs)[b].type != kText || is_key[b] || n < 2) continue;
    if (infer_column(columns[b], delimiter_allows_types(delim)).type != kDict) continue;
    // The windows' rows.
    std::vector<size_t> rows;
    const size_t window = n < kWindowRows * kWindows ? n : kWindowRows;
    const size_t windows = n < kWindowRows * kWindows ? 1 : kWindows;
    for (size_t w = 0; w < windows; ++w) {
      const size_t first = windows == 1 ? 0 : (n - window) * w / (windows - 1);
      for (size_t r = first; r < first + window; ++r) rows.push_back(r);
    }
    size_t changes = 0;
    for (size_t i = 1; i < rows.size(); ++i)
      changes += rows[i] == rows[i - 1] + 1 && printed(columns[b], rows[i], &vb) != printed(columns[b], rows[i - 1], &pb);
    if (changes < kMinChanges) continue;
    size_t best_misses = changes / 2 + 1, best_key = ncols;
    const size_t lo = b > kKeyReach ? b - kKeyReach : 0;
    const size_t hi = b + kKeyReach + 1 < ncols ? b + kKeyReach + 1 : ncols;
    for (size_t a = lo; a < hi; ++a) {
      const ColumnSpec& sa = (*specs)[a];
      if (a == b || columns[a].size() != n || reads_its_row(sa.type)) continue;
      KeyedPredictor p;
      size_t misses = 0;
      for (size_t r : rows) {
        bool listed, fresh;
        uint64_t code;
        p.add(columns[a], columns[b], r, &listed, &code, &fresh);
        misses += listed;
        if (misses >= best_misses) break;
      }
      if (misses < best_misses) {
        best_misses = misses;
        best_key = a;
      }
    }
    if (best_key == ncols) continue;
    (*specs)[b].type = kKeyed;
    (*specs)[b].quote = kQuoteNever;
    (*specs)[b].key = static_cast<uint32_t>(best_key);
    is_key[best_key] = 1;
  }
}

void encode_keyed_dict(size_t index, const ColumnSpec& spec, const std::vector<ColumnCells>& columns,
                       PartWriter& parts) {
  ByteWriter& listed_part = parts.add(column_part(index, ""));
  ByteWriter& dict = parts.add(column_part(index, ".d"));
  const ColumnCells& values = columns[index];
  const ColumnCells& keys = columns[spec.key];
  KeyedPredictor p;
  std::vector<uint32_t> listed;
  std::vector<uint64_t> codes;
  std::string vb;
  for (size_t i = 0; i < values.size(); ++i) {
    bool miss, fresh;
    uint64_t code;
    p.add(keys, values, i, &miss, &code, &fresh);
    if (fresh) dict.str(printed(values, i, &vb));
    if (!miss) continue;
    listed.push_back(static_cast<uint32_t>(i));
    codes.push_back(code);
  }
  listed_part.varint(listed.size());
  uint32_t prev = 0;
  for (uint32_t i : listed) {
    listed_part.varint(i - prev);
    prev = i;
  }
  for (uint64_t c : codes) listed_part.varint(c);
}

}  // namespace at1::columnar
