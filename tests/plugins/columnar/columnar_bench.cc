// columnar_bench FILE [MB] [lines_per_frame] [decode_repeats]: single-thread encode and decode
// throughput of the `columnar` codec alone (no backend), in frames as the host
// cuts them, timed in thread CPU seconds (the machine is shared, wall time
// lies). A developer tool, not a test. Frames after the first are data only,
// as in a streamed file. Decode writes into one reused buffer
// (lent through reserve/commit, as the real host does).
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "columnar_test_util.h"

namespace {
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A decode host writing into one buffer reused for every frame, touched once
// before timing: the SDK's test host grows a fresh string per frame, and
// page faults on that would dwarf the codec (the real host streams).
struct ReusedOutput {
  const at1::sdk::testing::StreamMap* streams = nullptr;
  std::string buf;
  size_t used = 0;
};
at1_status get_stream(void* ctx, const char* name, const uint8_t** data, size_t* size) {
  auto* s = static_cast<ReusedOutput*>(ctx);
  auto it = s->streams->find(name);
  if (it == s->streams->end()) return AT1_E_NOT_FOUND;
  *data = reinterpret_cast<const uint8_t*>(it->second.data());
  *size = it->second.size();
  return AT1_OK;
}
at1_status write(void* ctx, const uint8_t* data, size_t size) {
  auto* s = static_cast<ReusedOutput*>(ctx);
  if (s->used + size > s->buf.size()) return AT1_E_HOST;
  std::memcpy(s->buf.data() + s->used, data, size);
  s->used += size;
  return AT1_OK;
}
void set_error(void*, const char*) {}
// ABI 1.1 zero-copy output, as the real host lends it: the codec writes
// straight into the reused buffer.
uint8_t* reserve(void* ctx, size_t min_room, size_t* room) {
  auto* s = static_cast<ReusedOutput*>(ctx);
  if (s->used + min_room > s->buf.size()) return nullptr;
  *room = s->buf.size() - s->used;
  return reinterpret_cast<uint8_t*>(s->buf.data() + s->used);
}
at1_status commit(void* ctx, size_t size) {
  auto* s = static_cast<ReusedOutput*>(ctx);
  if (s->used + size > s->buf.size()) return AT1_E_HOST;
  s->used += size;
  return AT1_OK;
}

at1_status decode_into(ReusedOutput& o, const at1::sdk::testing::StreamMap& streams,
                       const at1_frame_info& info) {
  o.streams = &streams;
  o.used = 0;
  at1_decode_host host{};
  host.struct_size = sizeof host;
  host.ctx = &o;
  host.get_stream = &get_stream;
  host.write = &write;
  host.set_error = &set_error;
  host.reserve = &reserve;
  host.commit = &commit;
  return columnar_test::codec()->decode(&host, &info);
}
}  // namespace

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
  ReusedOutput output;
  size_t largest = 0;
  for (auto f : frames) largest = f.size() > largest ? f.size() : largest;
  output.buf.assign(largest + AT1_RESERVE_MAX, '\0');  // reservations may reach past the end
  for (size_t i = 0; i < frames.size(); ++i) {
    const double t0 = cpu_seconds();
    auto e = at1::sdk::testing::encode(columnar_test::codec(), frames[i], i);
    const double t1 = cpu_seconds();
    if (e.status != AT1_OK) return std::printf("encode failed: %s\n", e.error.c_str()), 1;
    const at1_frame_info info = at1::sdk::testing::frame_info(frames[i], i);
    const double t1_decode = cpu_seconds();
    at1_status st = AT1_OK;
    for (size_t k = 0; k < repeats && st == AT1_OK; ++k) st = decode_into(output, e.streams, info);
    const double t2 = cpu_seconds();
    if (st != AT1_OK || std::string_view(output.buf.data(), output.used) != frames[i])
      return std::printf("round trip failed\n"), 1;
    enc += t1 - t0;
    dec += t2 - t1_decode;
    out += e.total_stream_bytes();
  }
  std::printf("%zu bytes, %zu frames: encode %.3f s CPU = %.1f MB/s, decode %.3f s CPU = %.1f MB/s, streams %zu bytes\n",
              text.size(), frames.size(), enc, text.size() / enc / 1e6, dec, text.size() * repeats / dec / 1e6, out);
}
