// columnar_bench FILE [MB] [lines_per_frame] [decode_repeats]: single-thread encode and decode
// throughput of the `columnar` codec alone (no backend), in frames as the host
// cuts them, timed in thread CPU seconds (the machine is shared, wall time
// lies). A developer tool, not a test. Frames after the first are data only,
// as in a streamed file. Decode writes into one reused 1 MiB block lent
// through reserve/commit, as the real host does.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "columnar_test_util.h"

using at1::sdk::testing::thread_cpu_seconds;

int main(int argc, char** argv) {
  if (argc < 2)
    return std::fprintf(stderr, "usage: %s FILE [MB] [lines_per_frame] [decode_repeats]\n", argv[0]), 2;
  const size_t mb = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50;
  const size_t lines = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 500000;
  // Decoding each frame several times makes a profile mostly decode.
  const size_t repeats = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 1;
  std::string text(mb * 1000000, '\0');
  std::ifstream in(argv[1], std::ios::binary);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() == mb * 1000000) text.resize(text.rfind('\n') + 1);
  auto frames = columnar_test::split_frames(text, lines);
  double enc = 0, dec = 0;
  size_t out = 0;
  at1::sdk::testing::LendingHost host;  // lends a reused 1 MiB block, as at1 does
  for (size_t i = 0; i < frames.size(); ++i) {
    const double t0 = thread_cpu_seconds();
    auto e = at1::sdk::testing::encode(columnar_test::codec(), frames[i], i);
    const double t1 = thread_cpu_seconds();
    if (e.status != AT1_OK) return std::printf("encode failed: %s\n", e.error.c_str()), 1;
    const at1_frame_info info = at1::sdk::testing::frame_info(frames[i], i);
    const double t1_decode = thread_cpu_seconds();
    bool ok = true;
    for (size_t k = 0; k < repeats && ok; ++k) ok = host.decode(columnar_test::codec(), e.streams, info, frames[i], false);
    const double t2 = thread_cpu_seconds();
    if (!ok || !host.decode(columnar_test::codec(), e.streams, info, frames[i], true))  // untimed: compare
      return std::printf("round trip failed\n"), 1;
    enc += t1 - t0;
    dec += t2 - t1_decode;
    out += e.total_stream_bytes();
  }
  std::printf("%zu bytes, %zu frames: encode %.3f s CPU = %.1f MB/s, decode %.3f s CPU = %.1f MB/s, streams %zu bytes\n",
              text.size(), frames.size(), enc, text.size() / enc / 1e6, dec, text.size() * repeats / dec / 1e6, out);
}
