// Edge cases of the columnar codec through the SDK's in-memory host: every
// quoting, line-ending and type case the issue names must round trip.
#include <gtest/gtest.h>

#include <cstring>

#include "columnar_test_util.h"

namespace {

using columnar_test::codec;
using columnar_test::round_trip;
using at1::sdk::testing::encode;

TEST(ColumnarCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "columnar");
  EXPECT_TRUE(codec()->capabilities & AT1_CAP_PROBE);
  EXPECT_TRUE(codec()->capabilities & AT1_CAP_STATS);
  EXPECT_EQ(p->get_codec(1), nullptr);
}

TEST(ColumnarCodec, LineEndingsAndEmptiness) {
  const char* cases[] = {"",
                         "\n",
                         "\r\n",
                         "a",
                         "a,b\n",
                         "a,b\r\n1,2\r\n",
                         "a,b\r\n1,2\n3,4\r\n5,6",  // mixed endings, no final newline
                         "a,b\n1,2\n\n3,4\n\n",      // empty lines
                         "a,b\n1,2\r",               // lone CR at the very end
                         "x\ry,2\n1\r,3\n",          // CR inside unquoted fields
                         "\n\n\n",
                         "h1,h2\n",  // header only
                         ",\n,,\n,,,\n"};
  for (const char* c : cases) EXPECT_EQ(round_trip(c), "") << "case [" << c << "]";
}

TEST(ColumnarCodec, QuotingPreservedExactly) {
  const char* cases[] = {
      "name,addr\n\"a\",\"b, c\"\n",                        // quoted with delimiter
      "a,b\n\"say \"\"hi\"\"\",2\n",                       // doubled quotes
      "a,b\r\n\"line1\nline2\",x\r\n\"l1\r\nl2\",y\r\n",    // newlines inside quotes
      "a,b\n\"\",\"\"\n\"x\",y\n",                          // quoted empty
      "a,b\n\"1\",\"2\"\n\"3\",\"4\"\n5,6\n",               // always-quoted with one exception
      "a,b\n5\" floppy,2\n",                               // quote inside an unquoted field
      "a,b\n\"open,2\nnext,3\n",                            // unterminated quote
      "a,b\n\"x\"y,2\n",                                    // text after closing quote
      "a,b\n\"x\"\r,2\n",                                   // CR after closing quote
      "a,b\n\"a\"\"\",\"\"\"\"\n",                         // quote-only contents
      "q\n\"\"\"\"\"\"\n",                                 // lone quoted column
      "a,b\n\"x\",\"y\"",                                  // quoted at end, no newline
      "a,b\nx,\"unterminated",
  };
  for (const char* c : cases) EXPECT_EQ(round_trip(c), "") << "case [" << c << "]";
}

TEST(ColumnarCodec, FramesCutInsideQuotedFields) {
  // The host cuts at '\n', so a frame may start or end inside a quoted field.
  std::string text = "id,note,v\r\n1,\"first\nsecond\nthird\",10\r\n2,\"a, \"\"b\"\"\nc\",20\r\n";
  for (size_t cut = 0; cut < text.size(); ++cut) {
    if (cut > 0 && text[cut - 1] != '\n') continue;
    std::string_view a(text.data(), cut), b(text.data() + cut, text.size() - cut);
    EXPECT_EQ(round_trip(a, 0), "") << "first part cut at " << cut;
    EXPECT_EQ(round_trip(b, 1), "") << "second part cut at " << cut;
  }
}

TEST(ColumnarCodec, RaggedRowsAndWhitespace) {
  const char* cases[] = {
      "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10\n11,12,13\n",
      "a,b\n x , y \n1 ,2\t\n",  // leading/trailing spaces and a tab
      "a,b,c\n1,,3\n,,\n,2,\n",   // empty fields
      "a\tb\tc\n1\t2\t3\n4\t\t6\n",  // TSV
      "a;b\n1,5;2\n3,25;4\n",        // semicolon
      "a|b\n1|2\n",
  };
  for (const char* c : cases) EXPECT_EQ(round_trip(c), "") << "case [" << c << "]";
}

TEST(ColumnarCodec, BinaryAndOddBytes) {
  std::string nul("a,b\n1,x\0y\n2,\0\n", 14);
  EXPECT_EQ(round_trip(nul), "");
  EXPECT_EQ(round_trip("a,b\n\xff\xfe,\x80\n\xc3\xa9,2\n"), "");  // non-UTF-8
  EXPECT_EQ(round_trip("\xEF\xBB\xBFid,name\n1,a\n2,b\n"), "");    // BOM + header
  EXPECT_EQ(round_trip("\xEF\xBB\xBF" "1,a\n2,b\n"), "");          // BOM, no header
  EXPECT_EQ(round_trip("\xEF\xBB"), "");                           // half a BOM
}

TEST(ColumnarCodec, LongLinesAndManyFields) {
  std::string big = "a,b\n1," + std::string(1 << 21, 'x') + "\n2,\"" + std::string(1 << 20, ',') +
                    "\"\n3,y\n";
  EXPECT_EQ(round_trip(big), "");
  std::string wide;
  for (int i = 0; i < 700; ++i) wide += std::to_string(i) + ",";
  wide += "\n1,2\n";
  EXPECT_EQ(round_trip(wide), "");  // more fields than kMaxFields -> verbatim line
  std::string many_newlines = "a,b\n\"" + std::string(200, '\n') + "\",1\n2,3\n";
  EXPECT_EQ(round_trip(many_newlines), "");
}

TEST(ColumnarCodec, NumberEdgeCasesGoToExceptions) {
  const char* cases[] = {
      "n\n1\n2\n+3\n-0\n007\n4\n-5\n\n6\n",           // sign, -0, padding, empty
      "z\n00501\n00544\n00601\n1234\n012345\n00007\n",  // zero-padded column
      "d\n1.50\n2.25\n-0.75\n3.5\n.25\n-0.00\n10.00\n", // fixed scale 2 + exceptions
      "d\n.097\n.1\n1.25\n-.5\n0.5\n",                  // no leading zero
      "d\n40.922326\n18.1652\n-66.7\n1.0\n5\n",         // trimmed trailing zeros
      "d\n0.0\n12.8\n4.0\n-3.5\n",                      // keep-one fraction
      "n\n9223372036854775807\n1\n99999999999999999999\n-9223372036854775808\n",
      "n\n1e5\n2\n3\n0x10\n",
  };
  for (const char* c : cases) EXPECT_EQ(round_trip(c), "") << "case [" << c << "]";
}

TEST(ColumnarCodec, DateEdgeCasesGoToExceptions) {
  const char* cases[] = {
      "d\n2000-01-03\n2000-02-29\n2001-02-29\n2000-13-01\n1999-12-31\n",
      "t\n2010-01-01T01:00:00\n2010-01-01T02:00:00\n2010-01-01T24:00:00\n2010-01-01 03:00:00\n",
      "t\n00:00:00.008\n00:00:01.272\n23:59:59.999\n23:59:60.000\n",
      "t\n2021/03/04 05:06:07.123456Z\n2021/03/04 05:06:08.000001Z\n",
      "d\n0000-01-01\n9999-12-31\n1970-01-01\n",
  };
  for (const char* c : cases) EXPECT_EQ(round_trip(c), "") << "case [" << c << "]";
}

TEST(ColumnarCodec, TypesAreChosen) {
  std::string t = "id,price,day,flag,name\n";
  for (int i = 0; i < 300; ++i)
    t += std::to_string(1000 + i) + "," + std::to_string(i % 97) + "." + std::to_string(10 + i % 90) +
         ",2020-01-" + (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "," +
         (i % 3 ? "true" : "false") + ",name" + std::to_string(i * 7919 % 1000) + "\n";
  ASSERT_EQ(round_trip(t), "");
  auto e = encode(codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  // Stats: integer column, decimal column, date column (and the time stat).
  ASSERT_TRUE(e.stats.count("col.0"));
  int64_t lo, hi;
  std::memcpy(&lo, e.stats["col.0"].first.data(), 8);
  std::memcpy(&hi, e.stats["col.0"].second.data(), 8);
  EXPECT_EQ(lo, 1000);
  EXPECT_EQ(hi, 1299);
  ASSERT_TRUE(e.stats.count("col.1"));
  double dlo, dhi;
  std::memcpy(&dlo, e.stats["col.1"].first.data(), 8);
  std::memcpy(&dhi, e.stats["col.1"].second.data(), 8);
  EXPECT_DOUBLE_EQ(dlo, 0.10);
  EXPECT_DOUBLE_EQ(dhi, 96.30);  // i = 290: 96 + .30
  EXPECT_TRUE(e.stats.count("col.2"));
  EXPECT_TRUE(e.stats.count("time"));
  EXPECT_FALSE(e.stats.count("col.3"));
  EXPECT_FALSE(e.stats.count("col.4"));
  // An increasing id column costs about a byte a row before the backend.
  size_t id_bytes = e.streams.count("c0") ? e.streams["c0"].size() : 0;
  EXPECT_LE(id_bytes, 310u);
}

TEST(ColumnarCodec, HeaderOnlyInFrameZero) {
  std::string t = "name,city\nann,paris\nbob,rome\n";
  auto e0 = encode(codec(), t, 0);
  auto e1 = encode(codec(), t, 1);
  ASSERT_EQ(e0.status, AT1_OK);
  ASSERT_EQ(e1.status, AT1_OK);
  EXPECT_EQ(round_trip(t, 0), "");
  EXPECT_EQ(round_trip(t, 1), "");
  // In frame 0 the header sits in meta's head, not in the columns.
  EXPECT_NE(e0.streams["small"].find("name,city\n"), std::string::npos);
}

TEST(ColumnarCodec, OptionsOverrideDetection) {
  std::map<std::string, std::string> semi = {{"delimiter", ";"}, {"header", "0"}};
  std::string t = "a;b,c\n1;2,3\n4;5,6\n";
  EXPECT_EQ(round_trip(t, 0, &semi), "");
  std::map<std::string, std::string> tab = {{"delimiter", "tab"}, {"header", "yes"}};
  EXPECT_EQ(round_trip("1\t2\n3\t4\n", 0, &tab), "");
  std::map<std::string, std::string> bad = {{"delimiter", "\"\""}};
  EXPECT_EQ(encode(codec(), "a,b\n", 0, &bad).status, AT1_E_INVALID);
  std::map<std::string, std::string> bad_header = {{"header", "maybe"}};
  EXPECT_EQ(encode(codec(), "a,b\n", 0, &bad_header).status, AT1_E_INVALID);
  std::map<std::string, std::string> digit = {{"delimiter", "5"}};
  EXPECT_EQ(round_trip("15.5,2\n35.5,4\n", 0, &digit), "");  // delimiter numbers can print
}

TEST(ColumnarCodec, ProbeLikesTablesOnly) {
  auto probe = [](std::string_view s) {
    return codec()->probe(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_GE(probe("a,b,c\n1,2,3\n4,5,6\n7,8,9\n"), 70);
  EXPECT_GE(probe("a\tb\n1\t2\n3\t4\n5\t6\n"), 70);
  EXPECT_LE(probe("##fileformat=VCFv4.2\n#CHROM\tPOS\n"), 10);
  EXPECT_LE(probe("{\"a\":1,\"b\":2}\n{\"a\":3}\n"), 10);
  EXPECT_LE(probe("Jun 1 sshd[1]: Accepted password for root\nJun 1 kernel: boot\n"), 10);
  EXPECT_EQ(probe(""), 0);
}

TEST(ColumnarCodec, CorruptStreamsAreRejected) {
  std::string t = "a,b\n1,x\n2,y\n3,z\n";
  auto e = encode(codec(), t);
  ASSERT_EQ(e.status, AT1_OK);
  ASSERT_TRUE(e.streams.count("small"));
  auto s = e.streams;
  s["small"].pop_back();
  auto d = at1::sdk::testing::decode(codec(), s, t.size(), 4);
  EXPECT_NE(d.status, AT1_OK);
  d = at1::sdk::testing::decode(codec(), {}, t.size(), 4);
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
  d = at1::sdk::testing::decode(codec(), e.streams, t.size() - 1, 4);  // output too long
  EXPECT_NE(d.status, AT1_OK);
  d = at1::sdk::testing::decode(codec(), e.streams, t.size() + 1, 4);  // output too short
  EXPECT_EQ(d.status, AT1_E_CORRUPT);
}

}  // namespace
