// The SDK's line-ending streams: what EolEncoder writes, EolDecoder hands
// back line by line, and `uniform` says when every line ends the same way
// (decoders then skip the per-line call).
#include <gtest/gtest.h>

#include <vector>

#include "at1/cpp/lines.hpp"

namespace at1::sdk {
namespace {

std::vector<uint8_t> Encode(const std::vector<Eol>& kinds) {
  EolEncoder enc;
  for (Eol k : kinds) enc.add(k);
  ByteWriter out;
  enc.finish(out);
  return std::vector<uint8_t>(out.data(), out.data() + out.size());
}

TEST(EolStream, MixedEndingsComeBackLineByLineAndAreNotUniform) {
  const std::vector<Eol> kinds = {kEolLF, kEolCRLF, kEolLF, kEolLF, kEolNone};
  const auto bytes = Encode(kinds);
  EolDecoder dec(Bytes(bytes.data(), bytes.size()));
  EXPECT_EQ(dec.count(), kinds.size());
  Eol k = kEolNone;
  EXPECT_FALSE(dec.uniform(&k));
  for (Eol want : kinds) EXPECT_EQ(dec.next(), want);
}

TEST(EolStream, OneKindThroughoutIsUniform) {
  for (Eol kind : {kEolLF, kEolCRLF}) {
    const auto bytes = Encode(std::vector<Eol>(1000, kind));
    EolDecoder dec(Bytes(bytes.data(), bytes.size()));
    Eol k = kEolNone;
    ASSERT_TRUE(dec.uniform(&k));
    EXPECT_EQ(k, kind);
    EXPECT_EQ(dec.next(), kind);  // next() still agrees
  }
}

}  // namespace
}  // namespace at1::sdk
