// Unit tests of the `vcf` codec through the SDK's in-memory host: layout
// edge cases (samples, missing values, phasing, SVs, unsorted input,
// malformed lines, line endings), statistics, probe and corrupt streams.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "vcf_test_util.hpp"

namespace {

using vcf_test::codec;
using vcf_test::exact;

const char* kHeader =
    "##fileformat=VCFv4.2\n"
    "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
    "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\n";

void expect_exact(const std::string& text) {
  std::string why;
  EXPECT_TRUE(exact(text, &why)) << why << "\n--- input ---\n" << text;
  EXPECT_TRUE(exact(text, &why, 3)) << "as frame 3: " << why;
}

TEST(VcfCodec, DescriptorIsSane) {
  const at1_plugin* p = at1_plugin_entry();
  EXPECT_EQ(p->abi_major, AT1_ABI_MAJOR);
  ASSERT_EQ(p->codec_count, 1u);
  EXPECT_STREQ(codec()->name, "vcf");
  EXPECT_TRUE(codec()->capabilities & AT1_CAP_PROBE);
  EXPECT_NE(codec()->probe, nullptr);
  EXPECT_EQ(p->get_codec(1), nullptr);
}

TEST(VcfCodec, EmptyAndTinyInputs) {
  for (const char* t : {"", "\n", "\r\n", "#", "#CHROM\n", "x", "\n\n\n", "\t\t\t\t\t\t\t",
                        "1\t2\t.\tA\tC\t.\t.\t.", "1\t2\t.\tA\tC\t.\t.\t.\n"})
    expect_exact(t);
}

TEST(VcfCodec, ZeroSamples) {
  expect_exact(
      "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
      "1\t100\trs1\tA\tG\t50\tPASS\tDP=10;AF=0.5\n"
      "1\t200\t.\tAT\tA\t.\t.\t.\n"
      "1\t250\t.\tA\tG\t1e+03\tq10;s50\tDB;DP=3\n");
}

TEST(VcfCodec, FormatWithoutSamples) {
  expect_exact("1\t100\t.\tA\tG\t50\tPASS\tDP=10\tGT:DP\n1\t101\t.\tA\tG\t50\tPASS\tDP=10\tGT\n");
}

TEST(VcfCodec, OneSampleAndMissingValues) {
  expect_exact(std::string("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n") +
               "1\t1\t.\tN\t<CGA_NOCALL>\t.\t.\tEND=10000\tGT\t./.\n"
               "1\t10001\t.\tT\t.\t.\t.\tNS=1\tGT:PS\t0/0:0\n"
               "1\t10002\t.\tT\tC\t.\t.\tNS=1\tGT:PS:DP\t.:.:.\n"
               "1\t10003\t.\tT\tC\t.\t.\tNS=1\tGT:PS:DP\t.\n"
               "1\t10004\t.\tT\tC\t.\t.\tNS=1\tGT:PS:DP\t\n"
               "1\t10005\t.\tT\tC\t.\t.\tNS=1\tGT:PS:DP\t1:\n");
}

TEST(VcfCodec, PhasingAndGenotypeVariety) {
  expect_exact(std::string(kHeader) +
               "22\t16050075\trs1\tA\tG\t100\tPASS\tAC=1\tGT:DS:GL\t0|0:0.000:-0.00,-2.77,-5.00\t"
               "0/1:1.000:-0.48,-0.48,-0.48\t1|1:2.000:-5.00,-2.00,-0.00\n"
               "22\t16050076\trs2\tA\tG,T\t100\tPASS\tAC=1,2\tGT:DS:GL\t.|.:.:.\t1/2:1.5:"
               "-0.1,-0.2,-0.3,-0.4,-0.5,-0.6\t0\n"
               "22\t16050077\trs3\tA\tG\t100\tPASS\tAC=1\tGT\t0|1\t1|0\t./1\n"
               "22\t16050078\trs4\tA\tG\t100\tPASS\tAC=1\tGT\t0/0/1\t1\t.\n");
}

TEST(VcfCodec, ManySamples) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT";
  const int kSamples = 400;
  for (int s = 0; s < kSamples; ++s) text += "\tS" + std::to_string(s);
  text += "\n";
  uint32_t rng = 12345;
  for (int row = 0; row < 60; ++row) {
    text += "7\t" + std::to_string(1000 + row * 37) + "\trs" + std::to_string(77 + row) +
            "\tC\tT\t" + std::to_string(row * 3) + ".5\tPASS\tAF=0." + std::to_string(row) +
            "\tGT:GQ:PL";
    for (int s = 0; s < kSamples; ++s) {
      rng = rng * 1103515245u + 12345u;
      int g = (rng >> 16) % 10;
      const char* gt = g < 7 ? "0/0" : g < 8 ? "0/1" : g < 9 ? "1|1" : "./.";
      text += std::string("\t") + gt + ":" + std::to_string((rng >> 8) % 100) + ":0," +
              std::to_string(g * 3) + "," + std::to_string(g * 30);
    }
    text += "\n";
  }
  expect_exact(text);
}

TEST(VcfCodec, StructuralVariantsAndBreakends) {
  expect_exact(std::string(kHeader) +
               "2\t321681\tbnd_W\tG\tG]17:198982]\t6\tPASS\tSVTYPE=BND;MATEID=bnd_Y\tGT\t0/1\t0/0\t1/1\n"
               "2\t321682\tbnd_V\tT\t]13:123456]T\t6\tPASS\tSVTYPE=BND;MATEID=bnd_U\tGT\t0/1\t0/0\t0/0\n"
               "13\t123456\tbnd_U\tC\tC[2:321682[\t6\tPASS\tSVTYPE=BND;MATEID=bnd_V\tGT\t0/1\t0/0\t0/0\n"
               "1\t2827694\trs2376870\tCGTGGATGCGGGGAC\tC\t.\tPASS\tSVTYPE=DEL;END=2827708;"
               "HOMLEN=1;HOMSEQ=G;SVLEN=-14\tGT:GQ\t1/1:14\t0/0:1\t0/1:.\n"
               "3\t12665100\t.\tA\t<DUP>\t14\tPASS\tSVTYPE=DUP;END=12686200;SVLEN=21100;"
               "CIPOS=-500,500;CIEND=-500,500\tGT:GQ:CN:CNQ\t./.:0:3:16.2\t.\t1\n"
               "4\t18665128\t.\tT\t<DUP:TANDEM>\t11\tPASS\tSVTYPE=DUP;END=18665204\tGT\t1\n");
}

TEST(VcfCodec, UnsortedInputAndMixedChromosomes) {
  expect_exact(std::string(kHeader) +
               "X\t500\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|0\t0|1\t0|0\n"
               "1\t900000000\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|0\t0|1\t0|0\n"
               "1\t3\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|0\t0|1\t0|0\n"
               "chrUn_gl000220\t0\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|0\t0|1\t0|0\n"
               "X\t499\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|0\t0|1\t0|0\n");
}

TEST(VcfCodec, MalformedLinesGoVerbatim) {
  expect_exact(std::string(kHeader) +
               "1\t0100\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0\t1\t0\n"   // leading zero POS
               "1\t-5\t.\tA\tG\t1\tPASS\tDP=1\n"                   // negative POS
               "1\t99999999999999999999\t.\tA\tG\t1\tPASS\tDP=1\n"  // huge POS
               "1\t5\t.\tA\tG\t1\tPASS\n"                          // 7 fields
               "1\t6\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0:1:2\n"          // more subfields than keys
               "garbage line without tabs\n"
               "#comment in the middle\n"
               "1\t7\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0\t1\t0\t1\t1\n"  // extra samples
               "1\t8\t\t\t\t\t\t\t\t\t\n"                          // empty fields
               "1\t9\t.\tA\tG\t007\tPASS\tDP=1;DP=2;;=;X=a=b;Y=1,,2;Z=-0;W=+3;V=1.;U=.5;T=1e5\n"
               "1\t10\trs0\tA\tG\t-0.0\tPASS\tK=rs012;L=99999999999999999999\n"
               "1\t11\trs012\tA\tG\t3.1415926535897932384\tPASS\tK=-9223372036854775808\n");
}

TEST(VcfCodec, LineEndingsAndBytes) {
  std::string body = "1\t5\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|1\t0|0\t1|1";
  expect_exact(body + "\r\n" + body + "\r\n");                 // CRLF
  expect_exact(body + "\n" + body + "\r\n" + body);            // mixed, no final newline
  expect_exact(body + " \n" + body + "\t\n");                  // trailing space / tab
  expect_exact(body + "\r\r\n" + "1\t5\t.\tA\tG\t1\tPASS\tDP=\r1\n");  // bare CR inside
  expect_exact(std::string("1\t5\t.\t\xff\xfe\tG\t1\tPASS\tD\xe9=1\tGT\t0\xff\n"));  // non-UTF-8
  static const char kNul[] = "1\t5\t.\tA\0C\tG\t1\tPASS\tDP=1\n";
  expect_exact(std::string(kNul, sizeof kNul - 1));                                 // NUL byte
  std::string big(1 << 20, 'A');
  expect_exact("1\t5\t.\t" + big + "\tG\t1\tPASS\tDP=1\n" + big + "\n");  // lines over 1 MB
}

// Predicted subfields (DP, GQ, PP, DS, INFO AF) must round trip whether the
// prediction holds or not; and INFO keys in shuffled order, and value columns
// large enough for dictionary mode.
TEST(VcfCodec, PredictionsHitAndMiss) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";
  const char* infos[] = {"AC=1;AN=4;AF=0.25;PG=0,10,27", "AN=4;AC=0;AF=0;PG=3,0,3",
                         "AC=1;AN=2184;AF=0.0005;PG=0,17", "AF=0.5;AC=1;AN=2;PG=x",
                         "AC=1,2;AN=8;AF=0.13,0.25;PG=-1,0,2", "AC=9;AN=4;AF=2.25"};
  const char* samples[] = {
      "0/0:26,0:26:88:0,78,868:0,88,895:0.000",  // all predicted exactly
      "0/1:10,12:23:7:367,0,196:357,0,212:1.000",  // DP miss, PP off by one
      "1/1:0,2:2:8:49,6,0:59,8,0:2.000",
      "./.:.:.:.:.:.:.",
      "0|1:3,x:3:99:0,1:0,1:0.95",
      "1/2:1,2,3:6:5:1,2,3,4,5,6:7,8,9,10,11,12:2",
      "0/0:5,0",
  };
  for (int row = 0; row < 600; ++row) {
    text += "22\t" + std::to_string(1000 + row) + "\t.\tA\tC\t50\tPASS\t";
    text += infos[row % 6];
    text += "\tGT:AD:DP:GQ:PL:PP:DS\t";
    text += samples[row % 7];
    text += "\t";
    text += samples[(row / 7) % 7];
    text += "\n";
  }
  expect_exact(text);
  std::string why;
  EXPECT_TRUE(exact(text.substr(0, text.size() / 3), &why)) << why;
}

// INFO values that are the sums of the samples' same-named FORMAT values
// (GRIDSS) predict the last sample: exact hits shrink the streams; misses,
// decimals of mixed scale, lists, missing and short samples stay exact.
std::string info_sum_rows(bool sums_hold) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\n";
  for (int row = 0; row < 400; ++row) {
    int a = row % 37, b = (row * 7) % 101, c = (row * 13) % 53;
    int total = a + b + c + (sums_hold ? 0 : 1 + row % 5);
    std::string bq = std::to_string(100 + row) + "." + std::to_string(row % 10);  // "103.3"
    std::string bq_total = std::to_string(2 * (100 + row) + 1) + (row % 10 == 5 ? "" : "." + std::to_string(row % 10));
    text += "1\t" + std::to_string(1000 + row) + "\t.\tA\tC\t50\tPASS\t";
    text += "REF=" + std::to_string(total) + ";BQ=" + bq_total + ";SR=" + std::to_string(a) + "," + std::to_string(b);
    text += "\tGT:REF:BQ:SR\t";
    text += "0/1:" + std::to_string(a) + ":" + bq + ":0,0\t";
    text += "0/0:" + std::to_string(b) + ":1.0:" + std::to_string(a) + "," + std::to_string(b) + "\t";
    switch (row % 50) {
      case 7: text += "./."; break;                                    // short sample
      case 8: text += "0/0:.:.:."; break;                              // missing values
      case 9: text += "0/0:x:-0:1,2,3"; break;                         // text, -0, longer list
      default: text += "1/1:" + std::to_string(c) + ":" + std::to_string(100 + row) + ":0,0";
    }
    text += "\n";
  }
  return text;
}

TEST(VcfCodec, InfoSumPredictsTheLastSample) {
  std::string holds = info_sum_rows(true), fails = info_sum_rows(false);
  expect_exact(holds);
  expect_exact(fails);
  // The same rows with INFO keys that name no FORMAT key (same lengths).
  std::string unnamed = holds;
  for (auto [from, to] : {std::pair{"\tREF=", "\tR_F="}, {";BQ=", ";B_="}, {";SR=", ";S_="}})
    for (size_t p = unnamed.find(from); p != std::string::npos; p = unnamed.find(from, p + 1))
      unnamed.replace(p, std::strlen(from), to);
  auto size_of = [](const std::string& text) {
    return at1::sdk::testing::encode(codec(), text).total_stream_bytes();
  };
  // A hit stores a 1-byte flag instead of a shape and a number: sample C's
  // REF, BQ and SR (3 x ~390 values) save (measured: 605 bytes).
  EXPECT_LT(size_of(holds) + 400, size_of(unnamed));
}

// Breakend ALTs are stored as parts (form, REF or sequence, mate CHROM
// and position, mate of the previous row); odd ones stay text, exactly.
std::string breakend_rows(char open) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
  const char* odd[] = {"A[1:007[", "A[1:5[,C", "[1:5[", "A]1:5[", "A[:5[", "A[chr:1:5[", "]X:9]]T", "<DEL>",
                       "A[1:5[A", "AC]HLA-A*01:01:12]"};
  for (int row = 0; row < 300; ++row) {
    uint64_t pos = 1000 + 977 * static_cast<uint64_t>(row), mate = pos + 40 + row % 7;
    std::string p = std::to_string(pos), m = std::to_string(mate);
    std::string chrom = row % 40 < 30 ? "1" : "chr2";
    std::string alt;
    switch (row % 6) {
      case 0: alt = std::string("G") + open + chrom + ":" + m + open; break;        // t[p[ of REF
      case 1: alt = "]" + chrom + ":" + p + "]TT"; break;                            // mate pair, other sequence
      case 2: alt = std::string(1, open) + "X:" + m + open + "G"; break;           // [p[t, other chrom
      case 3: alt = "GACGT]" + chrom + ":" + std::to_string(pos - 100 * row) + "]"; break;
      case 4: alt = odd[(row / 6) % 10]; break;
      default: alt = "C";
    }
    text += chrom + "\t" + p + "\t.\tG\t" + alt + "\t.\tPASS\tSVTYPE=BND\n";
    if (row % 6 == 0) {  // the mate row follows
      text += chrom + "\t" + m + "\t.\tG\t]" + chrom + ":" + p + "]G\t.\tPASS\tSVTYPE=BND\n";
      ++row;
    }
  }
  return text;
}

TEST(VcfCodec, BreakendAltsAreSplitExactly) {
  std::string parts = breakend_rows('['), text = breakend_rows('{');
  ASSERT_EQ(parts.size(), text.size());
  expect_exact(parts);
  expect_exact(text);
  expect_exact(parts.substr(0, parts.size() / 7));
  auto size_of = [](const std::string& t) { return at1::sdk::testing::encode(codec(), t).total_stream_bytes(); };
  EXPECT_LT(size_of(parts) + 1000, size_of(text));
  // A few breakends among many rows: every ALT stays text.
  std::string few = parts.substr(0, parts.find('\n', 200) + 1);
  for (int row = 0; row < 2000; ++row) few += "1\t" + std::to_string(900000 + row) + "\t.\tA\tC\t.\tPASS\t.\n";
  expect_exact(few);
}

// INFO values named after the row's ID (MATEID, EVENT of SV callers) are
// stored relative to it; unrelated, empty, longer values stay exact.
std::string id_named_rows(int shift) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
  auto id_of = [](int row) { return "gridss" + std::to_string(7 * row) + "fb_" + std::to_string(8542 + row); };
  for (int row = 0; row < 400; ++row) {
    std::string id = row % 25 == 3 ? "." : id_of(row) + (row % 2 ? "h" : "o");
    std::string named = id_of(row + shift);
    std::string mate = named + (row % 2 ? "o" : "h"), event = named;
    if (row % 31 == 5) mate = "";                      // empty value
    if (row % 37 == 6) event = id + "_and_more";      // the whole ID and more
    if (row % 41 == 7) mate = "unrelated";
    text += "1\t" + std::to_string(1000 + row) + "\t" + id + "\tA\t<DEL>\t.\tPASS\tSVTYPE=BND;MATEID=" + mate +
            ";EVENT=" + event + ";IMPRECISE\n";
  }
  return text;
}

TEST(VcfCodec, InfoValuesRelativeToTheIdAreExact) {
  std::string related = id_named_rows(0), unrelated = id_named_rows(50);
  expect_exact(related);
  expect_exact(unrelated);
  expect_exact(related.substr(0, related.size() / 9));
  auto size_of = [](const std::string& t) { return at1::sdk::testing::encode(codec(), t).total_stream_bytes(); };
  EXPECT_LT(size_of(related) + 4000, size_of(unrelated));
}

// A key that is the smallest element of another (Complete Genomics GQ =
// min(HQ)) is learned as MIN; misses, '.', mixed scales stay exact.
std::string min_rows(bool holds) {
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";
  for (int row = 0; row < 500; ++row) {
    int a = 20 + (row * 37) % 180, b = 20 + (row * 53) % 180;
    std::string hq = std::to_string(a) + "," + std::to_string(b);
    int gq = holds ? std::min(a, b) : (row * 29) % 200;
    std::string sample = "1/1:" + std::to_string(gq) + ":" + hq + ":" + std::to_string(row % 9);
    std::string other = "0/1:" + std::to_string(gq) + ":" + hq;
    switch (row % 40) {
      case 1: other = "0/1:" + std::to_string(gq + 1) + ":" + hq; break;  // miss
      case 2: other = "0/1:7:.,5"; break;                                  // no MIN
      case 3: other = "0/1:1.5:1.5,2"; break;                              // mixed scales
      case 4: other = "0/1:3:3"; break;                                    // single element
      case 5: other = "./."; break;
    }
    text += "1\t" + std::to_string(1000 + row) + "\t.\tA\tC\t.\tPASS\tNS=2\tGT:GQ:HQ:PS\t" + sample + "\t" + other + "\n";
  }
  return text;
}

TEST(VcfCodec, SmallestElementOfAnotherKeyIsLearned) {
  std::string holds = min_rows(true), unrelated = min_rows(false);
  expect_exact(holds);
  expect_exact(unrelated);
  expect_exact(holds.substr(0, holds.size() / 5));
  auto size_of = [](const std::string& t) { return at1::sdk::testing::encode(codec(), t).total_stream_bytes(); };
  EXPECT_LT(size_of(holds) + 600, size_of(unrelated));
}

TEST(VcfCodec, ShuffledInfoKeysAndManyRows) {
  std::string text;
  const char* keys[] = {"AA", "AN", "AC", "THETA", "LDAF", "VT", "RSQ", "SNPSOURCE", "ERATE"};
  uint32_t rng = 7;
  for (int row = 0; row < 1500; ++row) {
    int order[9] = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    for (int i = 8; i > 0; --i) {
      rng = rng * 1103515245u + 12345u;
      std::swap(order[i], order[(rng >> 16) % (i + 1)]);
    }
    int n = 9 - row % 3;  // a few different key sets
    text += "X\t" + std::to_string(5000 + row * 13) + "\trs" + std::to_string(rng % 100000) +
            "\tG\tA\t100\tPASS\t";
    for (int i = 0; i < n; ++i) {
      if (i) text += ";";
      text += std::string(keys[order[i]]) + "=" + std::to_string((rng >> (i % 16)) % 7);
    }
    text += row % 5 ? ";AF=0.01\n" : ";DB\n";
  }
  expect_exact(text);
}

// The directory stream lists column names as length-prefixed strings.
bool has_column(const std::string& dir, const std::string& name) {
  return dir.find(static_cast<char>(name.size()) + name) != std::string::npos;
}

TEST(VcfCodec, VarintsSplitInColumnsOfSingleNumbersOnly) {
  // Values around the one-byte varint limits, POS deltas up to 2^62, rs
  // numbers, one-number INFO values, PL triples and a dictionary of > 128
  // GL entries (two-byte ids).
  const int64_t edges[] = {0, 63, 64, 127, 128, 8191, 8192, 16383, 16384, 2097151, 2097152};
  std::string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";
  uint64_t pos = 1;
  uint32_t rng = 11;
  for (int row = 0; row < 3000; ++row) {
    rng = rng * 1103515245u + 12345u;
    pos += row % 11 == 0 ? static_cast<uint64_t>(edges[row % 11] + 1) : (rng >> 8) % 100000;
    if (row == 2999) pos = uint64_t(1) << 62;
    int64_t e = edges[row % 11];
    text += "7\t" + std::to_string(pos) + "\trs" + std::to_string(rng) + "\tA\tG\t" +
            std::to_string(e + row) + "\tPASS\tRSQ=0." + std::to_string(1000 + rng % 9000) +
            ";LDAF=-" + std::to_string(e * 3000 + row) + "\tGT:PL:GL";
    for (int s = 0; s < 2; ++s) {
      rng = rng * 1103515245u + 12345u;
      text += "\t0/" + std::to_string(s) + ":0," + std::to_string(rng % 3000) + "," +
              std::to_string(e) + ":-0." + std::to_string(rng % 300) + ",-1.00,-2.00";
    }
    text += "\n";
  }
  expect_exact(text);
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  const std::string& dir = e.streams["dir"];
  for (const char* split : {"pos", "pos+", "id.n", "id.n+", "qual.ns", "qual.ns+", "I:0.ns",
                            "I:0.ns+", "I:1.ns+", "F:GL.d", "F:GL.d+"})
    EXPECT_TRUE(has_column(dir, split)) << split;
  EXPECT_TRUE(has_column(dir, "F:PL.n"));  // triples keep plain varints
  EXPECT_FALSE(has_column(dir, "F:PL.ns"));
  EXPECT_FALSE(has_column(dir, "I:0.n"));
}

TEST(VcfCodec, ReportsChromAndPosRange) {
  std::string text = std::string(kHeader) +
                     "2\t500\t.\tA\tG\t1\tPASS\tDP=1\n"
                     "10\t20\t.\tA\tG\t1\tPASS\tDP=1\n"
                     "X\t900\t.\tA\tG\t1\tPASS\tDP=1\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  ASSERT_EQ(e.stats.count("chrom"), 1u);
  EXPECT_EQ(e.stats["chrom"].first, "10");
  EXPECT_EQ(e.stats["chrom"].second, "X");
  ASSERT_EQ(e.stats.count("pos"), 1u);
  int64_t lo, hi;
  std::memcpy(&lo, e.stats["pos"].first.data(), 8);
  std::memcpy(&hi, e.stats["pos"].second.data(), 8);
  EXPECT_EQ(lo, 20);
  EXPECT_EQ(hi, 900);
  auto header_only = at1::sdk::testing::encode(codec(), kHeader);
  EXPECT_EQ(header_only.stats.count("pos"), 0u);
}

TEST(VcfCodec, ProbeScoresVcfAboveOtherText) {
  auto probe = [](const std::string& s) {
    return codec()->probe(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_EQ(probe(kHeader), 100);
  EXPECT_GE(probe("1\t100\trs1\tA\tG\t50\tPASS\tDP=1\n1\t200\t.\tA\tG\t50\tPASS\tDP=1\n"), 70);
  EXPECT_LT(probe("a,b,c\n1,2,3\n"), 10);
  EXPECT_LT(probe("Jan 1 00:00:00 host sshd[1]: hello\n"), 10);
  EXPECT_EQ(probe(""), 0);
}

TEST(VcfCodec, CorruptStreamsAreRejected) {
  std::string text = std::string(kHeader) + "1\t5\t.\tA\tG\t1\tPASS\tDP=1\tGT\t0|1\t0|0\t1|1\n";
  auto e = at1::sdk::testing::encode(codec(), text);
  ASSERT_EQ(e.status, AT1_OK);
  for (const auto& kv : e.streams) {
    if (kv.second.empty()) continue;
    auto broken = e.streams;
    broken[kv.first].pop_back();
    auto d = at1::sdk::testing::decode(codec(), broken, text.size(), 4);
    EXPECT_NE(d.status, AT1_OK) << "truncated " << kv.first;
    auto missing = e.streams;
    missing.erase(kv.first);
    EXPECT_NE(at1::sdk::testing::decode(codec(), missing, text.size(), 4).status, AT1_OK)
        << "missing " << kv.first;
  }
  EXPECT_NE(at1::sdk::testing::decode(codec(), {}, 5, 1).status, AT1_OK);
}

}  // namespace
