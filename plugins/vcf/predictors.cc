#include "predictors.hpp"

#include <algorithm>
#include <cstdint>

#include "vcf_number.hpp"

namespace at1::vcf {

namespace {

constexpr size_t kMaxListLength = 64;
// Predicted mantissas stay below 10^18, like parsed ones.
constexpr int64_t kMaxMantissa = 1000000000000000000;

// Parses "12,0,-3" (canonical integers only) into out; false otherwise.
// One hand-written pass: this runs for every predicted sample value.
bool parse_int_list(std::string_view s, std::vector<int64_t>& out) {
  out.clear();
  const char* p = s.data();
  const char* end = p + s.size();
  for (;;) {
    bool neg = p != end && *p == '-';
    if (neg) ++p;
    const char* digits = p;
    int64_t v = 0;
    while (p != end && *p >= '0' && *p <= '9' && p - digits < kMaxDigits) v = v * 10 + (*p++ - '0');
    size_t n = static_cast<size_t>(p - digits);
    if (n == 0 || (n > 1 && *digits == '0') || (neg && v == 0)) return false;
    if (out.size() >= kMaxListLength) return false;
    out.push_back(neg ? -v : v);
    if (p == end) return true;
    if (*p++ != ',') return false;
  }
}

void spell_int_list(Prediction* out) {
  out->text.clear();
  for (size_t i = 0; i < out->numbers.size(); ++i) {
    if (i) out->text.push_back(',');
    append_number(out->text, kFmtNumber, out->numbers[i]);
  }
}

// The value of INFO key `key` in "K=V;K2=V2;FLAG", or false.
bool find_info_value(std::string_view info, std::string_view key, std::string_view* value) {
  size_t start = 0;
  while (start <= info.size()) {
    size_t semi = info.find(';', start);
    std::string_view item = info.substr(start, semi == std::string_view::npos ? semi : semi - start);
    if (item.size() > key.size() && item.compare(0, key.size(), key) == 0 &&
        item[key.size()] == '=') {
      *value = item.substr(key.size() + 1);
      return true;
    }
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  return false;
}

int index_of(const std::vector<std::string_view>& keys, std::string_view key) {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

}  // namespace

Predictor choose_predictor(std::string_view key, const std::vector<std::string_view>& keys,
                           int* source) {
  *source = -1;
  if (key == "DP") *source = index_of(keys, "AD");
  if (*source >= 0) return Predictor::kDpFromAd;
  if (key == "GQ") {
    *source = index_of(keys, "PP");
    if (*source >= 0) return Predictor::kGqFromPp;
    *source = index_of(keys, "PL");
    if (*source >= 0) return Predictor::kGqFromPl;
  }
  if (key == "PP") *source = index_of(keys, "PL");
  if (*source >= 0) return Predictor::kPpFromPlPg;
  if (key == "DS") *source = index_of(keys, "GT");
  if (*source >= 0) return Predictor::kDsFromGt;
  *source = -1;
  return Predictor::kNone;
}

int decode_rank(Predictor p) {
  switch (p) {
    case Predictor::kNone:
    case Predictor::kInfoSumLast: return 0;  // reads no other key
    case Predictor::kPpFromPlPg: return 1;  // before GQ, which may read PP
    case Predictor::kMinOf: return 3;       // after its source, whatever predicts it
    default: return 2;
  }
}

const std::vector<int64_t>* RowContext::prior() {
  if (pg_state_ == 0) {
    std::string_view pg;
    pg_state_ = find_info_value(info_, "PG", &pg) && parse_int_list(pg, pg_) ? 1 : 2;
  }
  return pg_state_ == 1 ? &pg_ : nullptr;
}

bool RowContext::value(std::string_view key, std::string_view* out) {
  if (!split_) {
    split_ = true;
    size_t start = 0;
    while (start <= info_.size()) {
      size_t semi = info_.find(';', start);
      std::string_view item = info_.substr(start, semi == std::string_view::npos ? semi : semi - start);
      size_t eq = item.find('=');
      if (eq != std::string_view::npos) items_.emplace_back(item.substr(0, eq), item.substr(eq + 1));
      if (semi == std::string_view::npos) break;
      start = semi + 1;
    }
  }
  // Callers ask in FORMAT order, often the INFO order too: search on from
  // the last match, wrapping around (keys repeat rarely; the first match
  // after the cursor counts).
  size_t n = items_.size();
  for (size_t i = 0; i < n; ++i) {
    size_t at = cursor_ + i < n ? cursor_ + i : cursor_ + i - n;
    if (items_[at].first == key) {
      *out = items_[at].second;
      cursor_ = at + 1 < n ? at + 1 : 0;
      return true;
    }
  }
  return false;
}

bool predict(Predictor p, std::string_view source, RowContext& row, int scale, Prediction* out) {
  std::vector<int64_t>& v = out->numbers;
  switch (p) {
    case Predictor::kNone:
    case Predictor::kInfoSumLast: return false;  // predict_info_sum
    case Predictor::kMinOf: {
      if (!smallest_element(source, &out->text)) return false;
      int64_t m = 0;
      classify_element(out->text, &m);
      v.assign(1, m);
      return true;
    }
    case Predictor::kDpFromAd: {
      if (!parse_int_list(source, v)) return false;
      uint64_t sum = 0;  // wraps instead of overflowing on hostile input
      for (int64_t x : v) sum += static_cast<uint64_t>(x);
      v.assign(1, static_cast<int64_t>(sum));
      spell_int_list(out);
      return true;
    }
    case Predictor::kGqFromPp:
    case Predictor::kGqFromPl: {
      if (!parse_int_list(source, v) || v.size() < 2) return false;
      std::partial_sort(v.begin(), v.begin() + 2, v.end());
      v.assign(1, std::min<int64_t>(99, v[1]));
      spell_int_list(out);
      return true;
    }
    case Predictor::kPpFromPlPg: {
      const std::vector<int64_t>* pg = row.prior();
      if (!pg || !parse_int_list(source, v) || v.size() != pg->size()) return false;
      const std::vector<int64_t>& prior = *pg;
      int64_t lo = INT64_MAX;
      for (size_t i = 0; i < v.size(); ++i) {
        v[i] = static_cast<int64_t>(static_cast<uint64_t>(v[i]) + static_cast<uint64_t>(prior[i]));
        lo = std::min(lo, v[i]);
      }
      for (int64_t& x : v) x = static_cast<int64_t>(static_cast<uint64_t>(x) - static_cast<uint64_t>(lo));
      spell_int_list(out);
      return true;
    }
    case Predictor::kDsFromGt: {
      int64_t alt = 0;
      bool allele = false;
      for (char c : source) {
        if (c >= '1' && c <= '9' && !allele) ++alt;
        allele = c >= '0' && c <= '9';
        if (!(allele || c == '/' || c == '|' || c == '.')) return false;
      }
      if (scale < 0 || scale > kMaxScale) return false;
      int64_t m = alt;
      for (int i = 0; i < scale; ++i) m *= 10;
      v.assign(1, m);
      out->text.clear();
      append_number(out->text, static_cast<uint8_t>(kFmtNumber + scale), m);
      return true;
    }
  }
  return false;
}

namespace {

// Parses a list of plain numbers (no '.', text, negative zero) into
// mantissas and scales; false otherwise.
bool parse_number_list(std::string_view s, std::vector<int64_t>& mantissas, std::vector<int>& scales) {
  mantissas.clear();
  scales.clear();
  size_t start = 0;
  for (;;) {
    size_t comma = s.find(',', start);
    std::string_view e = s.substr(start, comma == std::string_view::npos ? comma : comma - start);
    int64_t m = 0;
    uint8_t fmt = classify_element(e, &m);
    if (fmt < kFmtNumber || fmt >= kFmtNegZero || mantissas.size() >= kMaxListLength) return false;
    mantissas.push_back(m);
    scales.push_back(fmt - kFmtNumber);
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

// m * 10^by, false on overflow.
bool rescale(int64_t m, int by, int64_t* out) {
  for (int i = 0; i < by; ++i)
    if (__builtin_mul_overflow(m, 10, &m)) return false;
  *out = m;
  return true;
}

}  // namespace

bool smallest_element(std::string_view list, std::string* text) {
  thread_local std::vector<int64_t> m;
  thread_local std::vector<int> scale;
  if (!parse_number_list(list, m, scale)) return false;
  size_t best = 0;
  for (size_t i = 1; i < m.size(); ++i) {
    if (scale[i] != scale[0]) return false;
    if (m[i] < m[best]) best = i;
  }
  text->clear();
  append_number(*text, static_cast<uint8_t>(kFmtNumber + scale[0]), m[best]);  // its own spelling
  return true;
}

bool predict_info_sum(std::string_view total, const std::string_view* others, size_t count,
                      Prediction* out) {
  thread_local std::vector<int64_t> m, om;
  thread_local std::vector<int> scale, oscale;
  if (!parse_number_list(total, m, scale)) return false;
  for (size_t i = 0; i < count; ++i) {
    if (!parse_number_list(others[i], om, oscale) || om.size() != m.size()) return false;
    for (size_t e = 0; e < m.size(); ++e) {
      // Bring both to the finer scale, then subtract.
      if (oscale[e] > scale[e]) {
        if (!rescale(m[e], oscale[e] - scale[e], &m[e])) return false;
        scale[e] = oscale[e];
      }
      int64_t x;
      if (!rescale(om[e], scale[e] - oscale[e], &x) || __builtin_sub_overflow(m[e], x, &m[e]))
        return false;
    }
  }
  out->text.clear();
  out->numbers.clear();
  for (size_t e = 0; e < m.size(); ++e) {
    int64_t r = m[e];
    int sc = scale[e];
    while (sc > 0 && r % 10 == 0) {
      r /= 10;
      --sc;
    }
    if (r <= -kMaxMantissa || r >= kMaxMantissa) return false;
    if (e) out->text.push_back(',');
    append_number(out->text, static_cast<uint8_t>(kFmtNumber + sc), r);
    out->numbers.push_back(r);
  }
  return true;
}

bool predict_af(std::string_view ac, std::string_view an, Prediction* out) {
  std::vector<int64_t>& counts = out->numbers;
  int64_t total = 0;
  if (classify_element(an, &total) != kFmtNumber || total <= 0 || total > (int64_t(1) << 40))
    return false;
  if (!parse_int_list(ac, counts)) return false;
  out->text.clear();
  for (size_t i = 0; i < counts.size(); ++i) {
    int64_t c = counts[i];
    if (c < 0 || c > total) return false;
    if (i) out->text.push_back(',');
    if (c == 0) {
      out->text.push_back('0');
      counts[i] = 0;
      continue;
    }
    // AF >= 0.005 <=> 200 * c >= total: two decimals, else four.
    int scale = 200 * c >= total ? 2 : 4;
    int64_t unit = scale == 2 ? 100 : 10000;
    int64_t m = (2 * c * unit + total) / (2 * total);
    counts[i] = m;
    append_number(out->text, static_cast<uint8_t>(kFmtNumber + scale), m);
  }
  return true;
}

}  // namespace at1::vcf
