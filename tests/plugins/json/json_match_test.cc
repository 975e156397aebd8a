// LineScanner::match (the encoder's fast path: a line checked against its
// predecessor's template) must agree with scan() exactly: same verdict,
// same spellings, on lines that differ from the template in small ways.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "json_format.h"
#include "json_scanner.h"

namespace {

using at1json::LineScanner;
using at1json::ValRef;

std::vector<std::string_view> pieces_of(std::string_view tpl) {
  std::vector<std::string_view> pieces;
  for (size_t start = 0;;) {
    size_t slot = tpl.find(at1json::kSlot, start);
    pieces.push_back(tpl.substr(start, slot == std::string_view::npos ? slot : slot - start));
    if (slot == std::string_view::npos) return pieces;
    start = slot + 1;
  }
}

// For every (template line, candidate line) pair: match() succeeds exactly
// when scan() gives the same template, and then with the same spellings.
TEST(JsonMatch, AgreesWithScan) {
  const std::vector<std::string> lines = {
      R"({"a":1,"b":"x"})",     R"({"a":12,"b":"xy"})",   R"({"a":1.5e3,"b":"x\"y"})",
      R"({"a":-0,"b":null})",   R"({"a":true,"b":false})", R"({"a": 1,"b":"x"})",
      R"({"a":1 ,"b":"x"})",    R"({"a":1,"b":"x"} )",    R"({"a":1,"b":"x"}x)",
      R"({"a":1,"b":"x)",       R"({"a":01,"b":"x"})",    R"({"a":1.,"b":"x"})",
      R"({"a":{},"b":"x"})",    R"({"a":[1],"b":"x"})",   R"({"a":"1","b":"x"})",
      R"({"a":tru,"b":"x"})",   R"({"a":nul,"b":"x"})",   R"({"a":1,"c":"x"})",
      R"([1,2,3])",             R"([10,-2,3e5])",         R"([1,2])",
      R"([1,2,3,4])",           R"("s")",                 R"(7)",
      R"(-)",                   R"()",                    R"({"a":1,"b":"\u00e9"})",
      R"({"a":1,"b":"\u00zz"})", "{\"a\":1,\"b\":\"x\ty\"}", R"({"k":[{"x":1},{"x":"2"}]})",
      R"({"k":[{"x":10},{"x":"20"}]})", R"({"k":[{"x":10},{"x":20}]})"};
  LineScanner scanner;
  size_t matches = 0;
  for (const std::string& t : lines) {
    std::string tpl;
    std::vector<ValRef> tvals;
    if (!scanner.scan(t.data(), t, &tpl, &tvals)) continue;
    const std::string tpl_copy = tpl;
    const auto pieces = pieces_of(tpl_copy);
    for (const std::string& line : lines) {
      std::vector<ValRef> mvals, svals;
      const bool matched = LineScanner::match(line.data(), line, pieces.data(), pieces.size(), &mvals);
      std::string stpl;
      const bool same = scanner.scan(line.data(), line, &stpl, &svals) && stpl == tpl_copy;
      ASSERT_EQ(matched, same) << "template of " << t << " vs line " << line;
      if (!matched) continue;
      ++matches;
      ASSERT_EQ(mvals.size(), svals.size());
      for (size_t i = 0; i < mvals.size(); ++i) {
        EXPECT_EQ(mvals[i].off, svals[i].off);
        EXPECT_EQ(mvals[i].len, svals[i].len);
      }
    }
  }
  EXPECT_GT(matches, lines.size());  // some lines share templates with others
}

}  // namespace
