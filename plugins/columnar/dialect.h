// Which dialect a frame speaks: its delimiter and whether it starts with a
// header record. Detected per frame (frames decode alone), overridable by the
// codec options `delimiter` and `header`.
#ifndef AT1_COLUMNAR_DIALECT_H
#define AT1_COLUMNAR_DIALECT_H

#include <cstdint>
#include <string_view>

namespace at1::columnar {

struct DelimiterGuess {
  char delim = ',';
  uint32_t lines = 0;       // lines looked at
  uint32_t consistent = 0;  // lines with the modal non-zero delimiter count
  uint32_t count = 0;       // that modal count
};

// Looks at up to `max_lines` lines of `text`.
DelimiterGuess detect_delimiter(std::string_view text, uint32_t max_lines = 64);

// Parses the `delimiter` option; false when the value is not usable.
bool parse_delimiter_option(const char* value, char* delim);
// Parses the `header` option: 1 yes, 0 no, -1 auto; false when invalid.
bool parse_header_option(const char* value, int* header);

// True when a field reads as a number or a date/time (so the record holding
// it is data, not a header).
bool looks_typed(std::string_view field);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_DIALECT_H
