// stream_report — a codec author's bench tool: loads a plugin .so, encodes a
// file as ONE frame through the SDK's in-memory host, checks the round trip,
// and prints every stream's size raw, xz-compressed (raw LZMA2, preset 9e) and
// zstd-compressed (level 19), next to plain xz/zstd of the whole input.
//
//   stream_report build/plugins/libat1-log.so log FILE [FILE...]
#include <dlfcn.h>
#include <lzma.h>
#include <zstd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "at1/cpp/testing.hpp"
#include "at1/plugin.h"

namespace {

size_t xz_size(const std::string& s) {
  lzma_options_lzma opt;
  lzma_lzma_preset(&opt, 9 | LZMA_PRESET_EXTREME);
  if (opt.dict_size > s.size() + 4096) opt.dict_size = std::max<uint32_t>(4096, static_cast<uint32_t>(s.size()));
  lzma_filter f[] = {{LZMA_FILTER_LZMA2, &opt}, {LZMA_VLI_UNKNOWN, nullptr}};
  std::string out(s.size() + s.size() / 2 + 1024, '\0');
  size_t pos = 0;
  if (lzma_raw_buffer_encode(f, nullptr, reinterpret_cast<const uint8_t*>(s.data()), s.size(),
                             reinterpret_cast<uint8_t*>(out.data()), &pos, out.size()) != LZMA_OK)
    return s.size();
  return pos;
}

size_t zstd_size(const std::string& s, int level) {
  std::string out(ZSTD_compressBound(s.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), s.data(), s.size(), level);
  return ZSTD_isError(n) ? s.size() : n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: stream_report PLUGIN.so CODEC FILE...\n";
    return 2;
  }
  void* h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    std::cerr << dlerror() << "\n";
    return 1;
  }
  auto entry = reinterpret_cast<at1_plugin_entry_fn>(dlsym(h, AT1_PLUGIN_ENTRY_SYMBOL));
  const at1_codec* codec = nullptr;
  for (uint32_t i = 0; entry && i < entry()->codec_count; ++i)
    if (std::string(entry()->get_codec(i)->name) == argv[2]) codec = entry()->get_codec(i);
  if (!codec) {
    std::cerr << "no codec " << argv[2] << " in " << argv[1] << "\n";
    return 1;
  }
  size_t tot_in = 0, tot_xz = 0, tot_plain_xz = 0, tot_zs = 0, tot_plain_zs = 0;
  for (int a = 3; a < argc; ++a) {
    std::ifstream f(argv[a], std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string text = ss.str();
    auto e = at1::sdk::testing::encode(codec, text);
    if (e.status != AT1_OK) {
      std::printf("%s: encode status %d (%s)\n", argv[a], e.status, e.error.c_str());
      continue;
    }
    auto d = at1::sdk::testing::decode(codec, e.streams, text.size(), at1::sdk::testing::count_lines(text));
    bool ok = d.status == AT1_OK && d.output == text;
    size_t sx = 0, sz = 0;
    std::printf("%s  (%zu bytes) round trip %s\n", argv[a], text.size(), ok ? "OK" : ("FAILED " + d.error).c_str());
    for (auto& [name, bytes] : e.streams) {
      size_t x = xz_size(bytes), z = zstd_size(bytes, 19);
      sx += x + 8;  // ~8 bytes of stream-table entry per stream in the container
      sz += z + 8;
      std::printf("  %-24s raw %9zu  xz %8zu  zstd19 %8zu\n", name.c_str(), bytes.size(), x, z);
    }
    size_t px = xz_size(text), pz = zstd_size(text, 19);
    std::printf("  TOTAL streams xz %zu (plain xz -9e %zu, %.2fx)  zstd19 %zu (plain %zu, %.2fx)\n", sx, px,
                double(px) / sx, sz, pz, double(pz) / sz);
    tot_in += text.size(); tot_xz += sx; tot_plain_xz += px; tot_zs += sz; tot_plain_zs += pz;
  }
  std::printf("ALL: in %zu  ours-xz %zu (ratio %.2f) plain-xz %zu (ratio %.2f) => %.3fx | ours-zstd19 %zu plain %zu => %.3fx\n",
              tot_in, tot_xz, double(tot_in) / tot_xz, tot_plain_xz, double(tot_in) / tot_plain_xz,
              double(tot_plain_xz) / tot_xz, tot_zs, tot_plain_zs, double(tot_plain_zs) / tot_zs);
  return 0;
}
