// Byte-exact round trip of every file of the shared corpus, with both
// backends, whole and streamed (1000-line frames), through `raw` and through
// the domain's own codec when its plugin is built. Integrity must pass and
// the structured archive must never be larger than the raw one.
#include <gtest/gtest.h>

#include "at1/archive.h"
#include "support/test_util.h"

namespace at1 {
namespace {

const PluginHost& Host() {
  static PluginHost host = PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  return host;
}

struct Case {
  std::string domain;
  BackendId backend;
  bool stream;
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.domain << "/" << BackendName(c.backend) << (c.stream ? "/stream" : "/whole");
}

class CorpusRoundTrip : public ::testing::TestWithParam<Case> {};

uint64_t CompressAndCheck(const std::string& file, const std::string& codec, const Case& c, testing::TempDir& dir,
                          const std::string& text) {
  CompressOptions o;
  o.codec = codec;
  o.backend = DefaultBackendSettings(c.backend);
  o.stream = c.stream;
  o.chunk_lines = 1000;
  std::string archive = dir.file(codec + ".at1");
  Result<CompressSummary> s = Compress(file, archive, o, Host());
  EXPECT_TRUE(s.ok()) << file << " " << codec << ": " << s.status().ToString();
  if (!s.ok()) return 0;
  Result<DecompressSummary> i = Integrity(archive, DecompressOptions{}, Host());
  EXPECT_TRUE(i.ok()) << file << " " << codec << ": " << i.status().ToString();
  Result<DecompressSummary> d = Decompress(archive, dir.file("out"), DecompressOptions{}, Host());
  EXPECT_TRUE(d.ok()) << file << " " << codec << ": " << d.status().ToString();
  EXPECT_TRUE(testing::ReadFile(dir.file("out")) == text) << file << " " << codec << ": output differs";
  return s->bytes_out;
}

TEST_P(CorpusRoundTrip, EveryFileIsByteExact) {
  AT1_REQUIRE_CORPUS();
  const Case& c = GetParam();
  auto files = testing::CorpusFiles(c.domain);
  ASSERT_FALSE(files.empty()) << "no files in corpus domain " << c.domain;
  const bool has_codec = Host().Find(c.domain) != nullptr;
  if (!has_codec) std::printf("note: no '%s' plugin built; checking raw only\n", c.domain.c_str());
  for (const std::string& f : files) {
    testing::TempDir dir;
    const std::string text = testing::ReadFile(f);
    uint64_t raw = CompressAndCheck(f, "raw", c, dir, text);
    if (has_codec) {
      uint64_t structured = CompressAndCheck(f, c.domain, c, dir, text);
      // Frame headers may cost a few bytes more; the payload never does.
      EXPECT_LE(structured, raw + 64) << f << ": structured archive larger than raw";
    }
  }
}

std::vector<Case> Cases() {
  std::vector<Case> out;
  for (const char* d : {"log", "ssh", "columnar", "vcf", "json"})
    for (BackendId b : {BackendId::kXz, BackendId::kZstd})
      for (bool s : {false, true}) out.push_back({d, b, s});
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllDomains, CorpusRoundTrip, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& i) {
                           return i.param.domain + "_" + BackendName(i.param.backend) + (i.param.stream ? "_stream" : "_whole");
                         });

}  // namespace
}  // namespace at1

namespace at1 {
namespace {

// `compress auto` on each corpus file picks that file's own domain codec (or
// stores it raw when even that codec cannot beat plain compression).
TEST(CorpusAuto, PicksTheDomainCodec) {
  AT1_REQUIRE_CORPUS();
  for (const char* domain : {"log", "ssh", "columnar", "vcf", "json"}) {
    if (!Host().Find(domain)) continue;
    for (const std::string& f : testing::CorpusFiles(domain)) {
      testing::TempDir dir;
      CompressOptions o;
      o.codec = "auto";
      o.backend = DefaultBackendSettings(BackendId::kZstd);
      Result<CompressSummary> s = Compress(f, dir.file("a.at1"), o, Host());
      ASSERT_TRUE(s.ok()) << f << ": " << s.status().ToString();
      EXPECT_TRUE(s->codec == domain || s->codec == "raw") << f << " went to codec " << s->codec;
    }
  }
}

}  // namespace
}  // namespace at1
