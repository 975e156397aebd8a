// at1 — verified-lossless, structure-aware compression of line-oriented data.
#include <malloc.h>

#include <CLI/CLI.hpp>

#include "cli_common.h"
#include "commands/commands.h"

int main(int argc, char** argv) {
  using namespace at1::cli;
  // Frames allocate and free the same tens of MB over and over. glibc's
  // defaults hand blocks above 128 KiB straight back to the kernel, so each
  // frame page-faulted fresh memory in anew (a third of compress CPU on a VM
  // where first touch is dear); keeping them for reuse cut that by ~40%.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  CLI::App app{"at1: verified-lossless, structure-aware compression of line-oriented data"};
  app.footer(
      "Exit codes: 0 ok; 1 I/O error or missing file; 2 bad usage or config; 3 corrupt archive, checksum\n"
      "mismatch or limit exceeded; 4 unknown codec, unusable plugin or unsupported format.\n"
      "Plugins are searched in: --plugin-dir, $AT1_PLUGIN_PATH, the config's plugin_dirs, the install\n"
      "directory and ../plugins beside the at1 binary. Config: --config, $AT1_CONFIG, ~/.config/at1/config.yaml.\n"
      "Global options (--plugin-dir, --config, -q) go before or after the command.");
  app.require_subcommand(1);
  // Global options may also follow the command (`at1 info X -q`): inherited
  // by the subcommands added below.
  app.fallthrough();
  GlobalOptions g;
  app.add_option("--plugin-dir", g.plugin_dirs, "directory with codec plugins (repeatable, searched first)");
  app.add_option("--config", g.config_path, "YAML configuration file");
  app.add_flag("-q,--quiet", g.quiet, "no progress or summary lines");
  int exit_code = kExitOk;
  AddCompressCommand(app, g, &exit_code);
  AddDecompressCommands(app, g, &exit_code);
  AddInfoCommand(app, g, &exit_code);
  AddPluginsCommand(app, g, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }
  return exit_code;
}
