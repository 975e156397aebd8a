// A strict, allocation-free JSON scanner for one line. It does not build a
// tree: it splits the line into a TEMPLATE (everything but the scalar values:
// braces, brackets, keys as written, commas, colons and whitespace, with a
// kSlot byte where each scalar stood) and the list of scalar SPELLINGS, each
// a byte range of the frame. Template + spellings rebuild the line exactly.
#ifndef AT1_JSON_SCANNER_H
#define AT1_JSON_SCANNER_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace at1json {

// A scalar's exact spelling (with quotes for strings) as a range of the frame.
struct ValRef {
  uint32_t off;
  uint32_t len;
};

// One column's spellings in line order, as ranges of the frame.
struct ColumnValues {
  const char* base = nullptr;  // the frame
  std::vector<ValRef> refs;
};

class LineScanner {
 public:
  // Scans `line` (which lies inside the frame starting at `base`). On success
  // sets *tpl to the template and appends the spellings to *vals; returns
  // false when the line is not one strict JSON value (or only whitespace),
  // in which case *tpl and *vals are unspecified.
  bool scan(const char* base, std::string_view line, std::string* tpl, std::vector<ValRef>* vals);

  // Matches `line` against a template scan() produced earlier, given as its
  // literal pieces (the template split at its slots): true, with the
  // spellings appended to *vals, exactly when scan() would give that
  // template, and then the same spellings. Much cheaper than scan() plus a
  // dictionary lookup when lines repeat their predecessor's shape.
  static bool match(const char* base, std::string_view line, const std::string_view* pieces,
                    size_t npieces, std::vector<ValRef>* vals);

 private:
  std::vector<uint8_t> stack_;  // '{' or '[' per open container
};

// Length of the JSON string starting at p[0] == '"' (quotes included), or 0
// when it is not a strict string before end (bad escape, control byte, no
// closing quote).
size_t scan_string(const char* p, const char* end);

// Length of the strict JSON number starting at p, or 0.
size_t scan_number(const char* p, const char* end);

}  // namespace at1json

#endif  // AT1_JSON_SCANNER_H
