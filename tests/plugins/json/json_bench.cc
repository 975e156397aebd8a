// json_bench FILE [MB] [lines_per_frame]: single-thread encode and decode
// throughput of the `json` codec alone (no backend), in frames as the host
// cuts them, timed in thread CPU seconds (the machine is shared, wall time
// lies). A developer tool, not a test.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "json_test_util.h"

using at1::sdk::testing::split_frames;
using at1::sdk::testing::thread_cpu_seconds;

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: %s FILE [MB] [lines_per_frame]\n", argv[0]), 2;
  const size_t mb = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50;
  const size_t lines = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 500000;
  std::string text(mb * 1000000, '\0');
  std::ifstream in(argv[1], std::ios::binary);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() == mb * 1000000) text.resize(text.rfind('\n') + 1);
  auto frames = split_frames(text, lines);
  double enc = 0, dec = 0;
  size_t out = 0;
  for (size_t i = 0; i < frames.size(); ++i) {
    const double t0 = thread_cpu_seconds();
    auto e = at1::sdk::testing::encode(json_test::codec(), frames[i], i);
    const double t1 = thread_cpu_seconds();
    if (e.status != AT1_OK) return std::printf("encode failed: %s\n", e.error.c_str()), 1;
    auto d = at1::sdk::testing::decode(json_test::codec(), e.streams, frames[i].size(),
                                       at1::sdk::testing::count_lines(frames[i]), i);
    const double t2 = thread_cpu_seconds();
    if (d.status != AT1_OK || d.output != frames[i]) return std::printf("round trip failed\n"), 1;
    enc += t1 - t0;
    dec += t2 - t1;
    out += e.total_stream_bytes();
  }
  std::printf("%zu bytes, %zu frames: encode %.3f s CPU = %.1f MB/s, decode %.3f s CPU = %.1f MB/s, streams %zu bytes\n",
              text.size(), frames.size(), enc, text.size() / enc / 1e6, dec, text.size() / dec / 1e6, out);
}
