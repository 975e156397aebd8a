// What every at1 command shares: global options, exit codes, plugin loading,
// progress and summary output.
#ifndef AT1_CLI_CLI_COMMON_H
#define AT1_CLI_CLI_COMMON_H

#include <string>
#include <vector>

#include "at1/config.h"
#include "at1/options.h"
#include "at1/plugin_host.h"
#include "at1/result.h"

namespace at1::cli {

// Exit codes (documented in `at1 --help` and docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitIO = 1,       // missing input, unwritable output, other I/O failure
  kExitUsage = 2,    // bad arguments or configuration
  kExitData = 3,     // corrupt archive, checksum mismatch, limit exceeded
  kExitPlugin = 4,   // unknown codec, unusable plugin, unsupported format version
};

struct GlobalOptions {
  std::vector<std::string> plugin_dirs;
  std::string config_path;
  bool quiet = false;
};

// Prints "at1: <message>" on stderr and returns the exit code for `s`.
int Fail(const Status& s);

// Loads the config (explicit or default) and the plugins it and the flags name.
Status LoadEnvironment(const GlobalOptions& g, Config* config, PluginHost* host);

// A progress callback printing one updating line on stderr when it is a
// terminal (and not --quiet); a no-op otherwise.
ProgressFn MakeProgress(const GlobalOptions& g, const char* verb);
// Clears the progress line if one was drawn.
void EndProgress(const GlobalOptions& g);

std::string HumanBytes(double bytes);

}  // namespace at1::cli

#endif  // AT1_CLI_CLI_COMMON_H
