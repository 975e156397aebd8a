#include "row_ref_encode.h"

#include <algorithm>
#include <cstring>

#include "column_infer.h"
#include "printed_cell.h"

namespace at1::columnar {

namespace {

// Sources longer than this are only indexed up to it (a row's copies come
// from short cells; this bounds the work per row).
constexpr size_t kMaxIndexed = 1 << 16;
// Candidates tried per position.
constexpr int kMaxChain = 16;

// Finds, for one row, the copies of a target cell in its source cells and
// writes the ops. Buffers are reused from row to row.
class RowMatcher {
 public:
  // Sources of the row (views must live until code()).
  void index(const std::vector<std::string_view>& sources) {
    sources_ = &sources;
    size_t total = 0;
    starts_.clear();
    for (std::string_view s : sources) {
      starts_.push_back(static_cast<uint32_t>(total));
      total += std::min(s.size(), kMaxIndexed);
    }
    size_t size = 64;
    while (size < 2 * total) size *= 2;
    mask_ = static_cast<uint32_t>(size - 1);
    head_.assign(size, -1);
    next_.resize(total);
    owner_.resize(total);
    for (size_t k = 0; k < sources.size(); ++k) {
      const std::string_view s = sources[k];
      const size_t n = std::min(s.size(), kMaxIndexed);
      // Inserted back to front so chains list earlier positions first.
      for (size_t p = n; p-- > 0;) {
        if (p + kMinRowCopy > s.size()) continue;
        const int32_t g = static_cast<int32_t>(starts_[k] + p);
        const uint32_t h = hash(s.data() + p);
        next_[g] = head_[h];
        owner_[g] = static_cast<uint8_t>(k);
        head_[h] = g;
      }
    }
  }

  // Codes `t` (ops to `ops`, literals to `lits`); returns the bytes copied.
  size_t code(std::string_view t, ByteWriter* ops, ByteWriter* lits) {
    const std::vector<std::string_view>& src = *sources_;
    uint32_t cursor[kMaxRowRefSources] = {};
    size_t start = 0, i = 0, copied = 0;
    while (i + kMinRowCopy <= t.size()) {
      size_t best_len = 0, best_k = 0, best_p = 0;
      int chain = 0;
      for (int32_t g = head_[hash(t.data() + i)]; g >= 0 && chain < kMaxChain; g = next_[g], ++chain) {
        const size_t k = owner_[g];
        const size_t p = static_cast<size_t>(g) - starts_[k];
        const std::string_view s = src[k];
        const size_t most = std::min(s.size() - p, t.size() - i);
        size_t len = 0;
        while (len < most && s[p + len] == t[i + len]) ++len;
        if (len > best_len || (len == best_len && len && p == cursor[k])) {
          best_len = len;
          best_k = k;
          best_p = p;
        }
      }
      if (best_len < kMinRowCopy) {
        ++i;
        continue;
      }
      if (ops) {
        ops->varint(i - start);
        lits->bytes(t.substr(start, i - start));
        ops->varint(best_k + 1);
        ops->svarint(static_cast<int64_t>(best_p) - static_cast<int64_t>(cursor[best_k]));
        ops->varint(best_len - kMinRowCopy);
      }
      cursor[best_k] = static_cast<uint32_t>(best_p + best_len);
      copied += best_len;
      i += best_len;
      start = i;
    }
    if (ops) {
      ops->varint(t.size() - start);
      lits->bytes(t.substr(start));
      ops->varint(0);
    }
    return copied;
  }

 private:
  uint32_t hash(const char* p) const {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return (v * 2654435761u) >> 7 & mask_;
  }
  const std::vector<std::string_view>* sources_ = nullptr;
  std::vector<uint32_t> starts_;
  std::vector<int32_t> head_, next_;
  std::vector<uint8_t> owner_;
  uint32_t mask_ = 0;
};

// Rows sampled to choose targets and sources.
constexpr size_t kRowRefSample = 256;
// Sources are looked for this many columns either side of the target.
constexpr size_t kSourceReach = 8;
// A target needs this share of its sampled printed bytes copied.
constexpr double kMinCopiedShare = 0.4;
// A source must give at least 1/kMinSourceShare of the target's bytes
// alone: each source is indexed in every row.
constexpr size_t kMinSourceShare = 20;
// Shorter sampled cells (on average) are not worth the ops.
constexpr size_t kMinMeanLength = 8;

struct Sample {
  std::vector<size_t> rows;
  // Printed cells per column (only the columns looked at).
  std::vector<std::vector<std::string>> text;
};

// Bytes of the sampled target cells copied from `sources`.
size_t copied_bytes(const Sample& sample, size_t target, const std::vector<uint32_t>& sources,
                    RowMatcher& m) {
  std::vector<std::string_view> views(sources.size());
  size_t copied = 0;
  for (size_t r = 0; r < sample.rows.size(); ++r) {
    for (size_t k = 0; k < sources.size(); ++k) views[k] = sample.text[sources[k]][r];
    m.index(views);
    copied += m.code(sample.text[target][r], nullptr, nullptr);
  }
  return copied;
}

}  // namespace

std::vector<ColumnSpec> choose_row_refs(const std::vector<ColumnCells>& columns, char delim) {
  const size_t ncols = columns.size();
  std::vector<ColumnSpec> specs(ncols);
  if (ncols < 2 || columns[0].size() == 0) return specs;
  const size_t n = columns[0].size();
  Sample sample;
  const size_t step = n > kRowRefSample ? n / kRowRefSample : 1;
  for (size_t r = 0; r < n; r += step) sample.rows.push_back(r);
  sample.text.resize(ncols);
  std::string buf;
  auto load = [&](size_t j) {
    if (!sample.text[j].empty()) return;
    for (size_t r : sample.rows) sample.text[j].emplace_back(printed(columns[j], r, &buf));
  };
  std::vector<uint8_t> is_source(ncols, 0);
  RowMatcher matcher;
  for (size_t j = 0; j < ncols; ++j) {
    // Columns of another length have cells in other rows (ragged rows).
    if (columns[j].size() != n || is_source[j]) continue;
    if (infer_column(columns[j], delimiter_allows_types(delim)).type != kText) continue;
    load(j);
    size_t total = 0;
    for (const std::string& s : sample.text[j]) total += s.size();
    if (total < kMinMeanLength * sample.rows.size()) continue;
    // Each candidate alone, then the best few together.
    std::vector<std::pair<size_t, uint32_t>> scored;
    const size_t lo = j > kSourceReach ? j - kSourceReach : 0;
    const size_t hi = std::min(ncols, j + kSourceReach + 1);
    for (size_t k = lo; k < hi; ++k) {
      if (k == j || columns[k].size() != n || specs[k].type == kRowRef) continue;
      load(k);
      const size_t c = copied_bytes(sample, j, {static_cast<uint32_t>(k)}, matcher);
      if (c >= total / kMinSourceShare) scored.emplace_back(c, static_cast<uint32_t>(k));
    }
    std::sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first > b.first; });
    if (scored.size() > kMaxRowRefSources) scored.resize(kMaxRowRefSources);
    std::vector<uint32_t> sources;
    for (auto& s : scored) sources.push_back(s.second);
    if (sources.empty()) continue;
    if (static_cast<double>(copied_bytes(sample, j, sources, matcher)) < kMinCopiedShare * static_cast<double>(total))
      continue;
    specs[j].type = kRowRef;
    specs[j].quote = kQuoteNever;
    specs[j].nsources = static_cast<uint32_t>(sources.size());
    for (size_t k = 0; k < sources.size(); ++k) {
      specs[j].sources[k] = sources[k];
      is_source[sources[k]] = 1;
    }
  }
  return specs;
}

void encode_row_ref(size_t index, const ColumnSpec& spec, const std::vector<ColumnCells>& columns,
                    PartWriter& parts) {
  ByteWriter& ops = parts.add(column_part(index, ""));
  ByteWriter& lits = parts.add(column_part(index, ".l"));
  const ColumnCells& target = columns[index];
  std::vector<std::string> bufs(spec.nsources + 1);
  std::vector<std::string_view> views(spec.nsources);
  RowMatcher m;
  for (size_t r = 0; r < target.size(); ++r) {
    for (uint32_t k = 0; k < spec.nsources; ++k) views[k] = printed(columns[spec.sources[k]], r, &bufs[k]);
    m.index(views);
    m.code(printed(target, r, &bufs[spec.nsources]), &ops, &lits);
  }
}

}  // namespace at1::columnar
