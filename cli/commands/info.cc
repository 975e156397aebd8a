// at1 info IN
#include <cstdio>
#include <memory>

#include "at1/archive.h"
#include "commands/commands.h"

namespace at1::cli {
namespace {

int Run(const std::string& in, bool frames, const GlobalOptions& g) {
  Config cfg;
  PluginHost host;
  if (Status s = LoadEnvironment(g, &cfg, &host); !s.ok()) return Fail(s);
  Result<ArchiveDescription> r = Describe(in, host);
  if (!r.ok()) return Fail(r.status().With(in));
  const ArchiveDescription& d = *r;
  uint64_t structured = 0;
  for (const auto& f : d.frames) structured += f.structured;
  std::printf("file:        %s (%s)\n", in.c_str(), HumanBytes(d.file_size).c_str());
  std::printf("format:      %u.%u\n", d.format_major, d.format_minor);
  std::printf("codec:       %s (format %u)\n", d.codec.c_str(), d.codec_format_version);
  std::printf("plugin:      %s\n", d.plugin_status.c_str());
  std::printf("backend:     %s level %d\n", d.backend.c_str(), d.level);
  std::printf("mode:        %s\n", d.streamed ? ("streamed, " + std::to_string(d.chunk_lines) + " lines per frame").c_str()
                                              : "whole");
  std::printf("original:    %s, %llu lines\n", HumanBytes(d.total_raw_bytes).c_str(), (unsigned long long)d.total_lines);
  std::printf("ratio:       %.2f\n", d.file_size ? double(d.total_raw_bytes) / d.file_size : 0.0);
  // In a codec archive a raw frame is a fallback: the codec failed, did not
  // verify, or lost to plain compression on that frame.
  std::printf("frames:      %zu (structured %llu, raw %llu%s)\n", d.frames.size(), (unsigned long long)structured,
              (unsigned long long)(d.frames.size() - structured),
              d.codec == "raw" ? "" : " = fallbacks");
  std::printf("sha256:      %s\n", d.sha256_hex.c_str());
  if (frames) {
    for (const auto& f : d.frames) {
      std::printf("frame %llu @%llu: lines %llu+%llu, %s -> %s, %s", (unsigned long long)f.sequence,
                  (unsigned long long)f.offset, (unsigned long long)f.first_line, (unsigned long long)f.line_count,
                  HumanBytes(f.raw_size).c_str(), HumanBytes(f.stored_size).c_str(), f.structured ? "structured" : "raw");
      for (const auto& s : f.stats) std::printf(", %s", s.Describe().c_str());
      std::printf("\n");
      for (const auto& [name, size] : f.streams) std::printf("    %-24s %llu\n", name.c_str(), (unsigned long long)size);
    }
  }
  return kExitOk;
}

}  // namespace

void AddInfoCommand(CLI::App& app, const GlobalOptions& g, int* exit_code) {
  auto in = std::make_shared<std::string>();
  auto frames = std::make_shared<bool>(false);
  CLI::App* c = app.add_subcommand("info", "Describe an archive: codec, plugin needed, frames, ratio (payloads not decoded)");
  c->add_option("in", *in, "input .at1 file, or - for stdin")->required();
  c->add_flag("--frames", *frames, "list every frame with its streams and statistics");
  c->callback([in, frames, &g, exit_code] { *exit_code = Run(*in, *frames, g); });
}

}  // namespace at1::cli
