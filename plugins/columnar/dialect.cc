#include "dialect.h"

#include <cstring>

#include "datetime_format.h"
#include "number_format.h"

namespace at1::columnar {

DelimiterGuess detect_delimiter(std::string_view text, uint32_t max_lines) {
  static constexpr char kCandidates[] = {',', '\t', ';', '|'};
  constexpr int kN = sizeof kCandidates;
  constexpr uint32_t kMaxCount = 256;
  uint32_t counts[kN][64];
  uint32_t lines = 0;
  size_t pos = 0;
  while (pos < text.size() && lines < max_lines && lines < 64) {
    size_t nl = text.find('\n', pos);
    size_t stop = nl == std::string_view::npos ? text.size() : nl;
    uint32_t c[kN] = {0, 0, 0, 0};
    bool in_quotes = false;
    for (size_t i = pos; i < stop; ++i) {
      char ch = text[i];
      if (ch == '"') in_quotes = !in_quotes;
      if (in_quotes) continue;
      for (int k = 0; k < kN; ++k) c[k] += ch == kCandidates[k];
    }
    for (int k = 0; k < kN; ++k) counts[k][lines] = c[k] > kMaxCount ? kMaxCount : c[k];
    ++lines;
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  DelimiterGuess best;
  best.lines = lines;
  for (int k = 0; k < kN; ++k) {
    // Modal non-zero count of this candidate over the lines.
    uint32_t mode = 0, mode_n = 0;
    for (uint32_t i = 0; i < lines; ++i) {
      uint32_t v = counts[k][i];
      if (v == 0) continue;
      uint32_t n = 0;
      for (uint32_t j = 0; j < lines; ++j) n += counts[k][j] == v;
      if (n > mode_n || (n == mode_n && v > mode)) {
        mode = v;
        mode_n = n;
      }
    }
    if (mode_n > best.consistent) {
      best.delim = kCandidates[k];
      best.consistent = mode_n;
      best.count = mode;
    }
  }
  return best;
}

bool parse_delimiter_option(const char* value, char* delim) {
  if (!value) return false;
  struct Named {
    const char* name;
    char delim;
  };
  static constexpr Named kNames[] = {{"tab", '\t'},   {"\\t", '\t'},   {"comma", ','},
                                     {"semicolon", ';'}, {"pipe", '|'}, {"space", ' '}};
  for (const auto& n : kNames)
    if (std::strcmp(value, n.name) == 0) {
      *delim = n.delim;
      return true;
    }
  if (std::strlen(value) != 1) return false;
  char c = value[0];
  if (c == '"' || c == '\r' || c == '\n' || c == '\0') return false;
  *delim = c;
  return true;
}

bool parse_header_option(const char* value, int* header) {
  if (!value) return false;
  static constexpr const char* kYes[] = {"1", "true", "yes", "on"};
  static constexpr const char* kNo[] = {"0", "false", "no", "off"};
  for (const char* y : kYes)
    if (std::strcmp(value, y) == 0) return *header = 1, true;
  for (const char* n : kNo)
    if (std::strcmp(value, n) == 0) return *header = 0, true;
  if (std::strcmp(value, "auto") == 0) return *header = -1, true;
  return false;
}

bool looks_typed(std::string_view field) {
  if (field.empty()) return false;
  NumberShape shape;
  if (analyze_number(field, &shape)) return true;
  DateSpec spec;
  return detect_date_layout(field, &spec);
}

}  // namespace at1::columnar
