// Each at1 subcommand registers itself on the CLI11 app; its callback runs
// the command and stores the exit code.
#ifndef AT1_CLI_COMMANDS_COMMANDS_H
#define AT1_CLI_COMMANDS_COMMANDS_H

#include <CLI/CLI.hpp>

#include "cli_common.h"

namespace at1::cli {

void AddCompressCommand(CLI::App& app, const GlobalOptions& g, int* exit_code);
void AddDecompressCommands(CLI::App& app, const GlobalOptions& g, int* exit_code);  // decompress, integrity
void AddInfoCommand(CLI::App& app, const GlobalOptions& g, int* exit_code);
void AddPluginsCommand(CLI::App& app, const GlobalOptions& g, int* exit_code);

}  // namespace at1::cli

#endif  // AT1_CLI_COMMANDS_COMMANDS_H
