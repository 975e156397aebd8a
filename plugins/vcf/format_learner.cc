#include "format_learner.hpp"

#include <algorithm>

#include "vcf_number.hpp"

namespace at1::vcf {

namespace {

// Costs in quarter bits: a number about its zigzag bit length plus one, a
// text byte 8 bits, a missing element or a hit a quarter bit (they repeat),
// the flag of a miss one bit.
constexpr int64_t kHitCost = 1, kFlagCost = 4;

int64_t number_cost(int64_t x) {
  uint64_t zig = (static_cast<uint64_t>(x) << 1) ^ static_cast<uint64_t>(x >> 63);
  return 4 * (1 + (zig ? 64 - __builtin_clzll(zig) : 0));
}

// Cost of storing `value`, its numbers residuals against `pred` (if given
// and of the same length); *numeric false when an element is not a number.
int64_t value_cost(std::string_view value, const std::vector<int64_t>* pred, bool* numeric) {
  int64_t cost = 0;
  size_t start = 0, index = 0;
  *numeric = true;
  for (;;) {
    size_t comma = value.find(',', start);
    std::string_view e = value.substr(start, comma == std::string_view::npos ? comma : comma - start);
    int64_t m = 0;
    uint8_t fmt = classify_element(e, &m);
    if (fmt >= kFmtNumber && fmt < kFmtNegZero) {
      if (pred && index < pred->size()) m -= (*pred)[index];
      cost += number_cost(m);
    } else {
      *numeric = false;
      cost += fmt == kFmtText ? 32 * static_cast<int64_t>(e.size() + 1) : kHitCost;
    }
    ++index;
    if (comma == std::string_view::npos) return cost;
    start = comma + 1;
  }
}

}  // namespace

void FormatLearner::add_row(std::string_view format, const std::vector<std::string_view>& keys,
                            const std::vector<std::string_view>& values, const std::vector<size_t>& counts,
                            size_t nsamples, std::string_view info) {
  size_t nkeys = keys.size();
  if (full() || nsamples == 0) return;
  ++rows_seen_;
  values_seen_ += nsamples * nkeys;
  Stats& st = stats_[std::string(format)];
  if (st.plain.empty()) {
    st.plain.assign(nkeys, 0);
    st.info_sum.assign(nkeys, 0);
    st.plain_all.assign(nkeys, 0);
    if (nkeys <= kMaxMinKeys) st.min_of.assign(nkeys * nkeys, 0);
  }
  if (!st.min_of.empty()) learn_min(st, keys, values, counts, nsamples);
  row_.reset(info);
  size_t last = nsamples - 1;
  for (size_t k = 0; k < nkeys; ++k) {
    bool all = true;
    for (size_t s = 0; s < nsamples; ++s) all &= counts[s] > k;
    std::string_view total;
    if (!all || keys[k] == "GT" || !row_.value(keys[k], &total)) continue;
    std::string_view v = values[last * nkeys + k];
    bool numeric;
    int64_t plain = value_cost(v, nullptr, &numeric);
    st.plain[k] += plain;
    others_.clear();
    for (size_t s = 0; s < last; ++s) others_.push_back(values[s * nkeys + k]);
    if (!predict_info_sum(total, others_.data(), others_.size(), &prediction_)) {
      st.info_sum[k] += plain;
    } else if (v == prediction_.text) {
      st.info_sum[k] += kHitCost;
    } else {
      st.info_sum[k] += kFlagCost + value_cost(v, &prediction_.numbers, &numeric);
    }
  }
}

void FormatLearner::learn_min(Stats& st, const std::vector<std::string_view>& keys,
                              const std::vector<std::string_view>& values, const std::vector<size_t>& counts,
                              size_t nsamples) {
  size_t nkeys = keys.size();
  smallest_.resize(nkeys);
  plain_.resize(nkeys);
  for (size_t s = 0; s < nsamples; ++s) {
    for (size_t k = 0; k < nkeys; ++k) {
      Smallest& m = smallest_[k];
      // Lists only: MIN of a single number is a copy, which xz finds anyway.
      std::string_view list = k < counts[s] ? values[s * nkeys + k] : std::string_view();
      m.ok = keys[k] != "GT" && list.find(',') != std::string_view::npos && smallest_element(list, &m.text);
      if (m.ok) classify_element(m.text, &m.mantissa);
      bool numeric;
      plain_[k] = k < counts[s] ? value_cost(values[s * nkeys + k], nullptr, &numeric) : 0;
      st.plain_all[k] += plain_[k];
    }
    for (size_t k = 0; k < counts[s]; ++k) {
      bool gt = keys[k] == "GT";  // never predicted: no saving
      std::string_view v = values[s * nkeys + k];
      for (size_t j = 0; j < nkeys; ++j) {
        const Smallest& m = smallest_[j];
        int64_t& cost = st.min_of[k * nkeys + j];
        if (gt || j == k || !m.ok) {
          cost += plain_[k];  // no prediction, no flag
        } else if (v == m.text) {
          cost += kHitCost;
        } else {
          bool numeric;
          prediction_.numbers.assign(1, m.mantissa);
          cost += kFlagCost + value_cost(v, &prediction_.numbers, &numeric);
        }
      }
    }
  }
}

std::vector<uint64_t> FormatLearner::choose(std::string_view format, const std::vector<Predictor>& defaults,
                                            const std::vector<int>& sources) const {
  size_t nkeys = defaults.size();
  std::vector<uint64_t> codes(nkeys, kLearnedDefault);
  auto it = stats_.find(std::string(format));
  if (it == stats_.end() || it->second.plain.size() != nkeys) return codes;
  const Stats& st = it->second;
  // Saves a quarter, and a few bytes at least (a column of flags costs too).
  auto worth = [](int64_t plain, int64_t predicted) {
    return plain - predicted >= std::max<int64_t>(256, plain / 4);
  };
  std::vector<bool> read_by_default(nkeys, false);
  for (int j : sources)
    if (j >= 0) read_by_default[static_cast<size_t>(j)] = true;
  std::vector<int64_t> saving(nkeys, 0);
  for (size_t k = 0; k < nkeys; ++k) {
    if (defaults[k] != Predictor::kNone) continue;
    if (worth(st.plain[k], st.info_sum[k])) {
      codes[k] = kLearnedInfoSum;
      saving[k] = st.plain[k] - st.info_sum[k];
    }
  }
  // MIN of a key that is not a MIN itself, on keys no default reads (the
  // decoder's rule); the larger saving wins.
  if (st.min_of.empty()) return codes;
  for (size_t k = 0; k < nkeys; ++k) {
    if (defaults[k] != Predictor::kNone || read_by_default[k]) continue;
    for (size_t j = 0; j < nkeys; ++j) {
      int64_t cost = st.min_of[k * nkeys + j];
      if (j == k || codes[j] >= kLearnedMinBase || !worth(st.plain_all[k], cost) ||
          st.plain_all[k] - cost <= saving[k])
        continue;
      // A key already used as a MIN source stays plain.
      bool is_source = false;
      for (size_t t = 0; t < nkeys; ++t) is_source |= codes[t] == kLearnedMinBase + k;
      if (is_source) continue;
      codes[k] = kLearnedMinBase + j;
      saving[k] = st.plain_all[k] - cost;
    }
  }
  return codes;
}

}  // namespace at1::vcf
