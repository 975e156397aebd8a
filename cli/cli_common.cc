#include "cli_common.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace at1::cli {

int Fail(const Status& s) {
  std::fprintf(stderr, "at1: %s\n", s.ToString().c_str());
  switch (s.code()) {
    case Status::Code::kOk: return kExitOk;
    case Status::Code::kInvalidArgument: return kExitUsage;
    case Status::Code::kCorruption:
    case Status::Code::kChecksumMismatch:
    case Status::Code::kLimitExceeded: return kExitData;
    case Status::Code::kNotSupported:
    case Status::Code::kPluginError: return kExitPlugin;
    case Status::Code::kNotFound:
    case Status::Code::kIOError: return kExitIO;
  }
  return kExitIO;
}

Status LoadEnvironment(const GlobalOptions& g, Config* config, PluginHost* host) {
  Result<Config> c = LoadConfig(g.config_path);
  if (!c.ok()) return c.status();
  *config = std::move(*c);
  *host = PluginHost::LoadFrom(PluginSearchPath(g.plugin_dirs, config->plugin_dirs));
  return Status::OK();
}

std::string HumanBytes(double b) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB"};
  int u = 0;
  while (b >= 1000 && u < 4) {
    b /= 1000;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

namespace {
bool ShowProgress(const GlobalOptions& g) { return !g.quiet && ::isatty(2); }
bool g_drawn = false;
}  // namespace

ProgressFn MakeProgress(const GlobalOptions& g, const char* verb) {
  if (!ShowProgress(g)) return nullptr;
  auto start = std::chrono::steady_clock::now();
  auto last = start - std::chrono::seconds(1);
  return [=](const Progress& p) mutable {
    auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(200)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    double rate = secs > 0 ? p.bytes_in / secs : 0;
    if (p.total_in)
      std::fprintf(stderr, "\r%s: %5.1f%%  %s in, %s out, %s/s   ", verb, 100.0 * p.bytes_in / p.total_in,
                   HumanBytes(p.bytes_in).c_str(), HumanBytes(p.bytes_out).c_str(), HumanBytes(rate).c_str());
    else
      std::fprintf(stderr, "\r%s: %s in, %s out, %s/s   ", verb, HumanBytes(p.bytes_in).c_str(),
                   HumanBytes(p.bytes_out).c_str(), HumanBytes(rate).c_str());
    g_drawn = true;
  };
}

void EndProgress(const GlobalOptions&) {
  if (g_drawn) std::fprintf(stderr, "\r\033[K");
  g_drawn = false;
}

}  // namespace at1::cli
