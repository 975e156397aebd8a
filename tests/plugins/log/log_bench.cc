// log_bench FILE [MB] [lines_per_frame]: single-thread encode and decode
// throughput of the `log` codec alone (no backend), in frames as the host
// cuts them. A developer tool, not a test.
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include <gtest/gtest.h>

#include "log_test_util.hpp"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  const size_t mb = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50;
  std::string text(mb * 1000000, '\0');
  std::ifstream in(argv[1], std::ios::binary);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  const size_t lines = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 500000;
  if (text.size() > mb * 1000000) text.resize(text.rfind('\n', mb * 1000000) + 1);
  auto frames = at1::log::test::frames_of(text, lines);
  using clock = std::chrono::steady_clock;
  double enc = 0, dec = 0;
  size_t out = 0;
  for (const auto& f : frames) {
    auto t0 = clock::now();
    auto e = at1::sdk::testing::encode(at1::log::test::codec(), f);
    auto t1 = clock::now();
    if (e.status != AT1_OK) return std::printf("encode failed: %s\n", e.error.c_str()), 1;
    auto d = at1::sdk::testing::decode(at1::log::test::codec(), e.streams, f.size(), at1::sdk::testing::count_lines(f));
    auto t2 = clock::now();
    if (d.status != AT1_OK || d.output != f) return std::printf("round trip failed\n"), 1;
    enc += std::chrono::duration<double>(t1 - t0).count();
    dec += std::chrono::duration<double>(t2 - t1).count();
    out += e.total_stream_bytes();
  }
  std::printf("%zu bytes, %zu frames: encode %.1f MB/s, decode %.1f MB/s, streams %zu bytes\n", text.size(),
              frames.size(), text.size() / enc / 1e6, text.size() / dec / 1e6, out);
}
