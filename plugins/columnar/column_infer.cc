#include "column_infer.h"

#include "dict_index.h"

namespace at1::columnar {

namespace {

// Best NumberSpec for the shapes, and how many of them it fits.
size_t best_number_spec(const std::vector<NumberShape>& shapes, NumberSpec* out) {
  uint8_t scale = 0;
  bool mixed_frac = false;
  for (const auto& s : shapes) {
    if (s.frac_digits > scale) scale = s.frac_digits;
  }
  // Widths worth trying: 0 (".5"), 1, and every zero-padded width seen.
  uint32_t widths = 0b11;
  for (const auto& s : shapes) {
    mixed_frac |= s.frac_digits != scale;
    if (s.int_digits > s.natural && s.int_digits <= kMaxWidth) widths |= 1u << s.int_digits;
  }
  size_t best_fit = 0;
  NumberSpec best;
  const uint8_t modes[] = {kFracFixed, kFracTrim, kFracTrimKeep1};
  for (uint8_t mode : modes) {
    if (scale == 0 && mode != kFracFixed) continue;
    if (!mixed_frac && mode != kFracFixed) continue;
    for (uint8_t width = 0; width <= kMaxWidth; ++width) {
      if (!(widths >> width & 1)) continue;
      NumberSpec spec{scale, mode, width};
      size_t fit = 0;
      for (const auto& s : shapes) fit += shape_fits(s, spec);
      if (fit > best_fit) {
        best_fit = fit;
        best = spec;
      }
    }
  }
  *out = best;
  return best_fit;
}

// Long fixed fractions that are really 32-bit floats ("1455.219971") keep
// only their real digits.
void try_binary32(const std::vector<std::string_view>& sample, size_t need, NumberSpec* spec) {
  if (spec->frac_mode != kFracFixed || spec->scale < 4 || spec->grouped) return;
  size_t fit = 0;
  int inner = 0;
  for (auto v : sample) {
    if (v.empty()) continue;
    int k = binary32_inner_digits(v, spec->scale);
    if (k < 0) continue;
    ++fit;
    inner = k > inner ? k : inner;
  }
  if (fit >= need && fit > 0 && inner + 2 <= spec->scale) spec->inner = static_cast<uint8_t>(inner);
}

// Integers that all end in zeros ("931800000") store value / 10^zeros.
void try_trailing_zeros(const std::vector<std::string_view>& sample, NumberSpec* spec) {
  int zeros = kMaxScale;
  size_t nonzero = 0;
  for (auto v : sample) {
    size_t z = 0;
    while (z < v.size() && v[v.size() - 1 - z] == '0') ++z;
    if (z == v.size() || v.empty() || (v.size() == z + 1 && v[0] == '-')) continue;  // zero / empty
    if (v.back() < '0' || v.back() > '9') continue;
    ++nonzero;
    zeros = static_cast<int>(z) < zeros ? static_cast<int>(z) : zeros;
  }
  if (nonzero >= 8 && zeros > 0) spec->zeros = static_cast<uint8_t>(zeros > 17 ? 17 : zeros);
}

// Amounts grouped by thousands ("-566,000"): the best grouped spec over the
// values' plain spellings and how many values it fits; false when no value
// has a separator (the plain spec then says it all).
bool best_grouped_spec(const std::vector<std::string_view>& sample, NumberSpec* out, size_t* fit) {
  std::vector<NumberShape> shapes;
  bool separated = false;
  char plain[kNumberTextMax];
  for (auto v : sample) {
    size_t n;
    NumberShape sh;
    if (v.empty() || !ungroup_number(v, plain, sizeof plain, &n) || !analyze_number({plain, n}, &sh)) continue;
    separated |= n != v.size();
    shapes.push_back(sh);
  }
  if (!separated) return false;
  *fit = best_number_spec(shapes, out);
  out->grouped = true;
  return out->width <= 1;  // zero padding is not grouped
}

bool has_group_separator(const std::vector<std::string_view>& sample) {
  for (auto v : sample)
    if (v.find(kGroupSeparator) != std::string_view::npos) return true;
  return false;
}

}  // namespace

ColumnSpec infer_column(const ColumnCells& values, bool allow_typed) {
  ColumnSpec spec;
  if (values.size() == 0) return spec;
  const size_t n = values.size();
  const size_t step = n > kSampleSize ? n / kSampleSize : 1;
  std::vector<std::string_view> sample;
  sample.reserve(kSampleSize + 1);
  for (size_t i = 0; i < n; i += step) sample.push_back(values.value(i));

  size_t non_empty = 0;
  for (auto v : sample) non_empty += !v.empty();
  if (allow_typed && non_empty > 0) {
    const size_t need = static_cast<size_t>(kTypedFit * static_cast<double>(non_empty));
    std::vector<NumberShape> shapes;
    shapes.reserve(non_empty);
    for (auto v : sample) {
      NumberShape sh;
      if (!v.empty() && analyze_number(v, &sh)) shapes.push_back(sh);
    }
    NumberSpec ns;
    size_t fit = 0;
    bool number = false;
    if (shapes.size() >= need && !shapes.empty()) {
      fit = best_number_spec(shapes, &ns);
      number = fit >= need;
    }
    if (fit < non_empty && has_group_separator(sample)) {
      NumberSpec grouped;
      size_t grouped_fit = 0;
      if (best_grouped_spec(sample, &grouped, &grouped_fit) && grouped_fit > fit && grouped_fit >= need) {
        ns = grouped;
        number = true;
      }
    }
    if (number) {
      spec.type = kNumber;
      spec.number = ns;
      try_binary32(sample, need, &spec.number);
      if (ns.scale == 0) try_trailing_zeros(sample, &spec.number);
      return spec;
    }
    // Dates: the most common layout among the first layouts seen.
    DateSpec layouts[4];
    size_t counts[4] = {0, 0, 0, 0};
    size_t nl = 0;
    for (auto v : sample) {
      DateSpec d;
      if (v.empty() || !detect_date_layout(v, &d)) continue;
      size_t k = 0;
      while (k < nl && !(layouts[k] == d)) ++k;
      if (k == nl) {
        if (nl == 4) continue;
        layouts[nl++] = d;
      }
      ++counts[k];
    }
    size_t best = 0;
    for (size_t k = 1; k < nl; ++k)
      if (counts[k] > counts[best]) best = k;
    if (nl && counts[best] >= need && counts[best] > 0) {
      spec.type = kDate;
      spec.date = layouts[best];
      return spec;
    }
  }
  DictIndex distinct;
  bool fresh;
  for (auto v : sample) distinct.intern(v, &fresh);
  spec.type = distinct.size() * 2 <= sample.size() ? kDict : kText;
  return spec;
}

}  // namespace at1::columnar
