// at1 decompress IN OUT, at1 integrity IN
#include <cstdio>
#include <memory>

#include "at1/archive.h"
#include "commands/commands.h"

namespace at1::cli {
namespace {

struct Args {
  std::string in, out;
  unsigned threads = 0;
  std::string io;  // empty: the config's, else auto
};

Result<DecompressOptions> Resolve(const Args& a, const Config& cfg) {
  DecompressOptions o;
  o.threads = a.threads ? a.threads : cfg.decompress.threads.value_or(0);
  if (cfg.decompress.max_frame_bytes) o.limits.max_frame_bytes = *cfg.decompress.max_frame_bytes;
  const std::string io = !a.io.empty() ? a.io : cfg.decompress.io.value_or("auto");
  Result<OutputIo> parsed = ParseOutputIo(io);
  if (!parsed.ok()) return parsed.status();
  o.io = *parsed;
  return o;
}

int Run(const Args& a, const GlobalOptions& g, bool check_only) {
  Config cfg;
  PluginHost host;
  if (Status s = LoadEnvironment(g, &cfg, &host); !s.ok()) return Fail(s);
  Result<DecompressOptions> resolved = Resolve(a, cfg);
  if (!resolved.ok()) return Fail(resolved.status());
  DecompressOptions o = *resolved;
  o.progress = MakeProgress(g, check_only ? "integrity" : "decompress");
  Result<DecompressSummary> r = check_only ? Integrity(a.in, o, host) : Decompress(a.in, a.out, o, host);
  EndProgress(g);
  if (!r.ok()) return Fail(r.status().With(a.in));
  if (!g.quiet) {
    double mbs = r->seconds > 0 ? r->bytes_out / 1e6 / r->seconds : 0;
    std::fprintf(stderr, "at1: %s %s: %s -> %s, %llu lines, %llu frames, %.1f MB/s%s, SHA-256 ok\n",
                 check_only ? "integrity ok" : "decompressed", a.in.c_str(), HumanBytes(r->bytes_in).c_str(),
                 HumanBytes(r->bytes_out).c_str(), (unsigned long long)r->lines, (unsigned long long)r->frames, mbs,
                 r->direct_io ? " (direct I/O)" : "");
  }
  return kExitOk;
}

}  // namespace

void AddDecompressCommands(CLI::App& app, const GlobalOptions& g, int* exit_code) {
  auto a = std::make_shared<Args>();
  CLI::App* d = app.add_subcommand("decompress", "Decompress IN to OUT, checking every frame and the SHA-256");
  d->add_option("in", a->in, "input .at1 file, or - for stdin")->required();
  d->add_option("out", a->out, "output file, or - for stdout (a file appears only once everything checks out; "
                               "a pipe, a device such as /dev/null or a FIFO receives bytes as they decode, so a "
                               "damaged archive leaves partial output there and a non-zero exit; stdout "
                               "redirected to a regular file with > is written in place and cut back on failure)")
      ->required();
  d->add_option("--threads", a->threads, "worker threads (default: all cores)")->check(CLI::Range(1, 256));
  d->add_option("--io", a->io,
                "how OUT is written: buffered (through the page cache), direct (whole pages straight to the "
                "device, bypassing the cache: less memory touched, but OUT is not left cached) or auto (default: "
                "direct for outputs of " + std::to_string(kDirectIoMinBytes >> 20) + " MiB or more). Stdout, devices, "
                "FIFOs and file systems without direct I/O are always written through the page cache, and so is the "
                "rest of a file once the device proves slower than " + std::to_string(static_cast<int>(kDirectIoMinRate / 1e6)) +
                " MB/s")
      ->check(CLI::IsMember({"auto", "buffered", "direct"}));
  d->callback([a, &g, exit_code] { *exit_code = Run(*a, g, false); });

  auto b = std::make_shared<Args>();
  CLI::App* i = app.add_subcommand("integrity", "Check IN completely: every frame decoded, all checksums and the SHA-256");
  i->add_option("in", b->in, "input .at1 file, or - for stdin")->required();
  i->add_option("--threads", b->threads, "worker threads (default: all cores)")->check(CLI::Range(1, 256));
  i->callback([b, &g, exit_code] { *exit_code = Run(*b, g, true); });
}

}  // namespace at1::cli
