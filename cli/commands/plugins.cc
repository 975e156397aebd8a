// at1 plugins
#include <cstdio>

#include "at1/plugin.h"
#include "commands/commands.h"

namespace at1::cli {
namespace {

int Run(const GlobalOptions& g) {
  Config cfg;
  PluginHost host;
  if (Status s = LoadEnvironment(g, &cfg, &host); !s.ok()) return Fail(s);
  std::printf("host plugin ABI %d.%d; search path:\n", AT1_ABI_MAJOR, AT1_ABI_MINOR);
  for (const std::string& d : host.searched_dirs()) std::printf("  %s\n", d.c_str());
  std::printf("codecs:\n");
  if (host.codecs().empty()) std::printf("  (none)\n");
  for (const CodecInfo& c : host.codecs())
    std::printf("  %-10s format %u (reads %u..%u)  %s %s, ABI %u.%u  %s\n      %s\n", c.name.c_str(), c.format_version,
                c.min_format_version, c.format_version, c.plugin_name.c_str(), c.plugin_version.c_str(), c.abi_major,
                c.abi_minor, c.plugin_path.c_str(), c.description.c_str());
  std::printf("  %-10s built in: plain backend compression, no plugin needed\n", "raw");
  if (!host.problems().empty()) {
    std::printf("not loaded:\n");
    for (const PluginProblem& p : host.problems()) std::printf("  %s: %s\n", p.path.c_str(), p.reason.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddPluginsCommand(CLI::App& app, const GlobalOptions& g, int* exit_code) {
  CLI::App* c = app.add_subcommand("plugins", "List the codecs found: name, versions, file; and files that were refused");
  c->callback([&g, exit_code] { *exit_code = Run(g); });
}

}  // namespace at1::cli
