// log_bench FILE [MB] [lines_per_frame] [repeats]: single-thread encode and
// decode throughput of the `log` codec alone (no backend), in frames as the
// host cuts them. Thread CPU time, best of `repeats`: the machine is shared,
// so wall-clock time says little. A developer tool, not a test.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <cstdlib>

#include <gtest/gtest.h>

#include "log_test_util.hpp"

namespace {

// Decodes one frame through a host that lends one reused 1 MiB block, as
// at1's does; true when it came back byte for byte (checked when `check`).
bool decode_frame(at1::sdk::testing::LendingHost& host, const at1::sdk::testing::StreamMap& streams,
                  std::string_view frame, bool check) {
  at1_frame_info info{};
  info.struct_size = sizeof info;
  info.line_count = at1::sdk::testing::count_lines(frame);
  info.raw_size = frame.size();
  return host.decode(at1::log::test::codec(), streams, info, frame, check);
}

}  // namespace

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
  const size_t repeats = argc > 4 ? std::max<size_t>(1, std::strtoul(argv[4], nullptr, 10)) : 1;
  // Thread CPU time; *sys gets the kernel's part (page faults on fresh memory).
  const auto cpu_seconds = [](double* sys) {
    rusage u;
    getrusage(RUSAGE_THREAD, &u);
    *sys = static_cast<double>(u.ru_stime.tv_sec) + static_cast<double>(u.ru_stime.tv_usec) * 1e-6;
    return *sys + static_cast<double>(u.ru_utime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec) * 1e-6;
  };
  double best_enc = 1e30, best_dec = 1e30, enc_sys = 0, dec_sys = 0;
  at1::sdk::testing::LendingHost host;
  size_t out = 0;
  for (size_t rep = 0; rep < repeats; ++rep) {
    double enc = 0, dec = 0, esys = 0, dsys = 0, s0, s1, s2;
    out = 0;
    for (const auto& f : frames) {
      const double t0 = cpu_seconds(&s0);
      auto e = at1::sdk::testing::encode(at1::log::test::codec(), f);
      const double t1 = cpu_seconds(&s1);
      if (e.status != AT1_OK) return std::printf("encode failed: %s\n", e.error.c_str()), 1;
      const bool decoded = decode_frame(host, e.streams, f, false);
      const double t2 = cpu_seconds(&s2);
      if (!decoded || !decode_frame(host, e.streams, f, true)) return std::printf("round trip failed\n"), 1;
      enc += t1 - t0;
      dec += t2 - t1;
      esys += s1 - s0, dsys += s2 - s1;
      out += e.total_stream_bytes();
    }
    if (enc < best_enc) best_enc = enc, enc_sys = esys;
    if (dec < best_dec) best_dec = dec, dec_sys = dsys;
  }
  std::printf(
      "%zu bytes, %zu frames: encode %.1f MB/s (%.3f s, sys %.3f), decode %.1f MB/s (%.3f s, sys %.3f); CPU, best of "
      "%zu; streams %zu bytes\n",
      text.size(), frames.size(), text.size() / best_enc / 1e6, best_enc, enc_sys, text.size() / best_dec / 1e6,
      best_dec, dec_sys, repeats, out);
}
