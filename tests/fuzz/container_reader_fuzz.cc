// Fuzz target: the container reader and the whole decode path (headers,
// frames, backends, the text codec, index, trailer) on arbitrary bytes.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "at1/archive.h"

namespace {

const at1::PluginHost& Host() {
  static at1::PluginHost host = at1::PluginHost::LoadFrom({AT1_PLUGIN_DIR});
  return host;
}

// An in-memory file the reader can open by path.
std::string MemFile(const uint8_t* data, size_t size, int* fd) {
  *fd = memfd_create("at1-fuzz", 0);
  if (*fd < 0 || (size && write(*fd, data, size) != static_cast<ssize_t>(size))) return "";
  lseek(*fd, 0, SEEK_SET);
  return "/proc/self/fd/" + std::to_string(*fd);
}

std::string Archive(const std::string& codec, const std::string& text, at1::BackendId backend, bool stream) {
  char in_path[] = "/tmp/at1-fuzz-seed-XXXXXX";
  int fd = mkstemp(in_path);
  if (fd < 0) return "";
  if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) return "";
  close(fd);
  std::string out_path = std::string(in_path) + ".at1";
  at1::CompressOptions o;
  o.codec = codec;
  o.backend = at1::DefaultBackendSettings(backend);
  o.stream = stream;
  o.chunk_lines = 40;
  o.threads = 1;
  std::string archive;
  if (at1::Compress(in_path, out_path, o, Host()).ok()) {
    FILE* f = std::fopen(out_path.c_str(), "rb");
    char buf[4096];
    size_t n;
    while (f && (n = std::fread(buf, 1, sizeof buf, f)) > 0) archive.append(buf, n);
    if (f) std::fclose(f);
  }
  unlink(in_path);
  unlink(out_path.c_str());
  return archive;
}

}  // namespace

std::vector<std::string> at1_fuzz_seeds() {
  std::string text;
  for (int i = 0; i < 120; ++i) text += "2026-11-21 event " + std::to_string(i * 7) + (i % 5 ? "\n" : "\r\n");
  std::vector<std::string> seeds;
  for (const char* codec : {"raw", "text"})
    for (auto b : {at1::BackendId::kZstd, at1::BackendId::kXz, at1::BackendId::kStored})
      for (bool stream : {false, true}) seeds.push_back(Archive(codec, text, b, stream));
  return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int fd = -1;
  std::string path = MemFile(data, size, &fd);
  if (!path.empty()) {
    at1::DecompressOptions o;
    o.threads = 1;
    o.limits.max_frame_bytes = 64 << 20;
    (void)at1::Integrity(path, o, Host());
    (void)at1::Describe(path, Host());
  }
  if (fd >= 0) close(fd);
  return 0;
}
