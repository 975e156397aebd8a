// Conformance: every codec plugin found in the build's plugin directory, with
// every backend, whole and streamed, on the inputs that break codecs —
// empty input, lone newlines, CRLF and mixed endings, no final newline, NUL
// and non-UTF-8 bytes, a 1 MB line, random bytes, and a slice of each corpus
// domain (so each codec also meets data that is not its own). Every archive
// must decompress to the exact input; a truncated archive must fail cleanly.
#include <gtest/gtest.h>

#include <random>

#include "at1/archive.h"
#include "support/test_util.h"

namespace at1 {
namespace {

const PluginHost& Host() {
  static PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  return host;
}

std::vector<std::string> CodecNames() {
  std::vector<std::string> names = {"raw"};
  for (const auto& c : Host().codecs()) names.push_back(c.name);
  return names;
}

std::vector<std::pair<std::string, std::string>> Inputs() {
  std::vector<std::pair<std::string, std::string>> in = {
      {"empty", ""},
      {"newline", "\n"},
      {"newlines", "\n\n\n\r\n\n"},
      {"no_final_newline", "alpha\nbeta\ngamma"},
      {"crlf", "a,b,c\r\n1,2,3\r\n4,5,6\r\n"},
      {"mixed_endings", "x\r\ny\nz\r\n\rw\n"},
      {"nul_and_high_bytes", std::string("a\0b\n\xff\xfe\x80\n", 8) + "tail"},
      {"trailing_space_tabs", "key\tvalue  \n\t\t\n  \n"},
      {"json_like", "{\"a\":1}\n{\"a\": 1.50,\"b\":[1e3,null]}\nnot json\n"},
  };
  std::string longline(1 << 20, 'L');
  in.emplace_back("one_mb_line", "start\n" + longline + "\nend\n");
  std::mt19937 rng(42);
  std::string random(200000, '\0');
  for (char& c : random) c = static_cast<char>(rng());
  in.emplace_back("random_bytes", random);
  std::string repeated;
  for (int i = 0; i < 30000; ++i) repeated += "2026-11-21 10:00:" + std::to_string(i % 60) + " INFO worker " + std::to_string(i % 17) + " done\n";
  in.emplace_back("repeated_log", repeated);
  if (!testing::CorpusDir().empty()) {
    for (const char* domain : {"log", "ssh", "columnar", "vcf", "json"}) {
      auto files = testing::CorpusFiles(domain);
      if (!files.empty()) in.emplace_back(std::string("corpus_") + domain, testing::ReadFile(files[0]).substr(0, 150000));
    }
  }
  return in;
}

struct Case {
  std::string codec;
  BackendId backend;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.codec << "/" << BackendName(c.backend); }

class Conformance : public ::testing::TestWithParam<Case> {
 protected:
  void RoundTrip(const std::string& name, const std::string& text, bool stream, uint64_t chunk_lines) {
    testing::TempDir dir;
    testing::WriteFile(dir.file("in"), text);
    CompressOptions o;
    o.codec = GetParam().codec;
    o.backend = DefaultBackendSettings(GetParam().backend);
    if (GetParam().backend == BackendId::kXz) o.backend.level = 6, o.backend.extreme = false;  // test speed
    o.stream = stream;
    o.chunk_lines = chunk_lines;
    Result<CompressSummary> c = Compress(dir.file("in"), dir.file("a.at1"), o, Host());
    ASSERT_TRUE(c.ok()) << name << ": " << c.status().ToString();
    Result<DecompressSummary> d = Decompress(dir.file("a.at1"), dir.file("out"), DecompressOptions{}, Host());
    ASSERT_TRUE(d.ok()) << name << ": " << d.status().ToString();
    ASSERT_EQ(testing::ReadFile(dir.file("out")), text) << name << " stream=" << stream << " chunk=" << chunk_lines;
    EXPECT_EQ(d->bytes_out, text.size());
  }
};

TEST_P(Conformance, WholeRoundTrips) {
  for (const auto& [name, text] : Inputs()) RoundTrip(name, text, false, 0);
}

TEST_P(Conformance, StreamedRoundTrips) {
  for (const auto& [name, text] : Inputs())
    for (uint64_t chunk : {1u, 7u, 1000u}) {
      if (chunk == 1 && text.size() > 200000) continue;  // one frame per line: keep the test quick
      RoundTrip(name, text, true, chunk);
    }
}

TEST_P(Conformance, TruncatedArchiveFailsCleanly) {
  testing::TempDir dir;
  std::string text = Inputs().back().second;
  testing::WriteFile(dir.file("in"), text);
  CompressOptions o;
  o.codec = GetParam().codec;
  o.backend = DefaultBackendSettings(GetParam().backend);
  o.stream = true;
  o.chunk_lines = 500;
  ASSERT_TRUE(Compress(dir.file("in"), dir.file("a.at1"), o, Host()).ok());
  std::string archive = testing::ReadFile(dir.file("a.at1"));
  for (size_t cut : {archive.size() - 1, archive.size() - 80, archive.size() / 2, size_t(20)}) {
    testing::WriteFile(dir.file("t.at1"), archive.substr(0, cut));
    Result<DecompressSummary> d = Decompress(dir.file("t.at1"), dir.file("out"), DecompressOptions{}, Host());
    EXPECT_FALSE(d.ok()) << "cut at " << cut;
    EXPECT_FALSE(std::filesystem::exists(dir.file("out"))) << "no output may be left after a failure";
  }
}

std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const std::string& c : CodecNames())
    for (BackendId b : {BackendId::kXz, BackendId::kZstd, BackendId::kStored}) cases.push_back({c, b});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(EveryPluginEveryBackend, Conformance, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.codec + "_" + BackendName(info.param.backend);
                         });

TEST(ConformanceSetup, FindsThePlugins) {
  // The build always has at least the text plugin; an empty list would make
  // the suite above test nothing but raw.
  EXPECT_NE(Host().Find("text"), nullptr) << "no plugins found in " AT1_PLUGIN_DIR;
}

}  // namespace
}  // namespace at1
