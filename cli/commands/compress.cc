// at1 compress <domain|auto|raw> IN OUT
#include <cstdio>
#include <memory>

#include "at1/archive.h"
#include "commands/commands.h"

namespace at1::cli {
namespace {

struct CompressArgs {
  std::string codec, in, out;
  bool stream = false;
  uint64_t chunk_lines = 0;
  std::string backend, level;
  unsigned threads = 0;
  std::vector<std::string> options;
};

// Flags override the codec's config section, which overrides the compress section.
Status Resolve(const CompressArgs& a, const Config& cfg, CompressOptions* o) {
  o->codec = a.codec;
  const CodecConfig* cc = nullptr;
  if (auto it = cfg.codecs.find(a.codec); it != cfg.codecs.end()) cc = &it->second;
  std::string backend = !a.backend.empty() ? a.backend
                        : (cc && cc->backend) ? *cc->backend
                        : cfg.compress.backend ? *cfg.compress.backend : "xz";
  Result<BackendId> id = ParseBackend(backend);
  if (!id.ok()) return id.status();
  o->backend = DefaultBackendSettings(*id);
  std::string level = !a.level.empty() ? a.level
                      : (cc && cc->level && a.backend.empty()) ? *cc->level
                      : (cfg.compress.level && a.backend.empty() && !(cc && cc->backend)) ? *cfg.compress.level : "";
  if (!level.empty()) AT1_RETURN_IF_ERROR(ParseLevel(level, &o->backend));
  o->stream = a.stream || cfg.compress.stream.value_or(false);
  o->chunk_lines = a.chunk_lines ? a.chunk_lines : cfg.compress.chunk_lines.value_or(500000);
  o->threads = a.threads ? a.threads : cfg.compress.threads.value_or(0);
  if (cc) o->codec_options = cc->options;
  for (const std::string& kv : a.options) {
    size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0) return Status::InvalidArgument("--option wants key=value, got '" + kv + "'");
    o->codec_options[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return Status::OK();
}

int Run(const CompressArgs& a, const GlobalOptions& g) {
  Config cfg;
  PluginHost host;
  if (Status s = LoadEnvironment(g, &cfg, &host); !s.ok()) return Fail(s);
  CompressOptions o;
  if (Status s = Resolve(a, cfg, &o); !s.ok()) return Fail(s);
  o.progress = MakeProgress(g, "compress");
  Result<CompressSummary> r = Compress(a.in, a.out, o, host);
  EndProgress(g);
  if (!r.ok()) return Fail(r.status());
  const CompressSummary& s = *r;
  if (!g.quiet) {
    double ratio = s.bytes_out ? double(s.bytes_in) / s.bytes_out : 0;
    double mbs = s.seconds > 0 ? s.bytes_in / 1e6 / s.seconds : 0;
    std::fprintf(stderr,
                 "at1: %s %s -> %s, ratio %.2f, %.1f MB/s, codec %s, %s %d%s, frames %llu "
                 "(structured %llu, raw %llu, fallbacks %llu)\n",
                 a.in.c_str(), HumanBytes(s.bytes_in).c_str(), HumanBytes(s.bytes_out).c_str(), ratio, mbs,
                 s.codec.c_str(), BackendName(o.backend.id), o.backend.level, o.backend.extreme ? "e" : "",
                 (unsigned long long)s.frames, (unsigned long long)s.frames_structured,
                 (unsigned long long)s.frames_raw, (unsigned long long)s.fallbacks);
    for (const auto& [reason, count] : s.fallback_reasons)
      std::fprintf(stderr, "at1:   fallback x%llu: %s\n", (unsigned long long)count, reason.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddCompressCommand(CLI::App& app, const GlobalOptions& g, int* exit_code) {
  auto a = std::make_shared<CompressArgs>();
  CLI::App* c = app.add_subcommand("compress", "Compress IN to OUT with a codec (verified frame by frame)");
  c->add_option("codec", a->codec, "codec: a plugin domain (log, ssh, columnar, vcf, json, ...), auto, or raw")
      ->required();
  c->add_option("in", a->in, "input file, or - for stdin")->required();
  c->add_option("out", a->out, "output .at1 file, or - for stdout")->required();
  c->add_flag("--stream", a->stream, "bounded memory: frames of --chunk-lines lines and at most 64 MiB (else one frame per GiB)");
  c->add_option("--chunk-lines", a->chunk_lines, "lines per frame with --stream (default 500000)")
      ->check(CLI::PositiveNumber);
  c->add_option("--backend", a->backend, "xz (default, max ratio) or zstd (fast)")
      ->check(CLI::IsMember({"xz", "zstd", "stored"}));
  c->add_option("--level", a->level, "backend level: xz 0-9, 9e = extreme (default 9e); zstd -7..22, negative = faster (default 3)");
  c->add_option("--threads", a->threads, "worker threads (default: all cores)")->check(CLI::Range(1, 256));
  c->add_option("--option", a->options, "codec option key=value (repeatable), e.g. delimiter=;");
  c->callback([a, &g, exit_code] { *exit_code = Run(*a, g); });
}

}  // namespace at1::cli
