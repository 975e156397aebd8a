// `at1 info`: an archive described from its headers, payloads skipped.
#include "at1/archive.h"
#include "container/reader.h"
#include "crypto/checksums.h"

namespace at1 {

Result<ArchiveDescription> Describe(const std::string& in_path, const PluginHost& plugins) {
  io::InputFile in;
  AT1_RETURN_IF_ERROR(in.Open(in_path));
  container::ContainerReader reader(&in, Limits{});
  format::FileHeader h;
  AT1_RETURN_IF_ERROR(reader.ReadHeader(&h));
  ArchiveDescription d;
  d.codec = h.codec_name;
  d.codec_format_version = h.codec_format_version;
  d.format_major = h.format_major;
  d.format_minor = h.format_minor;
  d.backend = BackendName(h.backend);
  d.level = h.level;
  d.streamed = h.streamed;
  d.chunk_lines = h.chunk_lines;
  d.file_size = in.size();
  if (h.codec_name == "raw") {
    d.plugin_status = "needs no plugin";
  } else if (const CodecInfo* c = plugins.Find(h.codec_name)) {
    bool fits = h.codec_format_version >= c->min_format_version && h.codec_format_version <= c->format_version;
    d.plugin_status = "needs plugin codec '" + h.codec_name + "' format " + std::to_string(h.codec_format_version) +
                      (fits ? ": provided by " : ": NOT readable by ") + c->plugin_path + " (" + c->plugin_name +
                      " " + c->plugin_version + ", formats " + std::to_string(c->min_format_version) + ".." +
                      std::to_string(c->format_version) + ")";
  } else {
    d.plugin_status = "needs plugin codec '" + h.codec_name + "' format " + std::to_string(h.codec_format_version) +
                      ": NOT FOUND in the plugin path";
  }
  for (;;) {
    bool got = false;
    format::FrameHeader fh;
    std::string none;
    AT1_RETURN_IF_ERROR(reader.NextFrame(&got, &fh, &none, /*skip_payload=*/true));
    if (!got) break;
    FrameDescription f;
    f.sequence = fh.sequence;
    f.offset = reader.frame_offset();
    f.first_line = fh.first_line;
    f.line_count = fh.line_count;
    f.raw_size = fh.raw_size;
    f.stored_size = fh.payload_size;
    f.structured = fh.method == 1;
    for (const auto& s : fh.streams) f.streams.emplace_back(s.name, s.stored_size);
    f.stats = std::move(fh.stats);
    d.frames.push_back(std::move(f));
  }
  format::Trailer t;
  AT1_RETURN_IF_ERROR(reader.ReadFooter(&t));
  d.has_trailer = true;
  d.total_raw_bytes = t.total_raw_bytes;
  d.total_lines = t.total_lines;
  d.sha256_hex = crypto::ToHex(t.sha256.data(), 32);
  if (!d.file_size) d.file_size = in.offset();
  return d;
}

}  // namespace at1
