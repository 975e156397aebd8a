// Numbers with their integer part grouped by thousands ("-566,000",
// "1,234.5"), as spreadsheets and government exports write amounts. A
// grouped column (NumberSpec::grouped) stores the same mantissas as the plain
// spelling; only the text differs: a ',' before every third digit of the
// integer part, counted from the point.
#ifndef AT1_COLUMNAR_NUMBER_GROUPING_H
#define AT1_COLUMNAR_NUMBER_GROUPING_H

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace at1::columnar {

struct NumberSpec;

inline constexpr char kGroupSeparator = ',';

// The plain spelling of a canonically grouped number (`s` without its
// separators) into out (`cap` bytes); false unless every separator sits
// where group_thousands puts one and no separator is missing ("1234" and
// "1,23" are refused, "123" and "1,234" taken). Fraction and sign are
// copied as they are; the plain parser judges them.
bool ungroup_number(std::string_view s, char* out, size_t cap, size_t* len);

// Inserts the separators into the plain number text at `text` (len bytes,
// room for len / 3 more): returns the new length.
size_t group_thousands(char* text, size_t len);

// parse_number_exact / format_number for a grouped spec.
bool parse_grouped_exact(std::string_view s, const NumberSpec& spec, int64_t* mantissa);
size_t format_grouped(int64_t mantissa, const NumberSpec& spec, char* out);

}  // namespace at1::columnar

#endif  // AT1_COLUMNAR_NUMBER_GROUPING_H
