// How a command plugs into the command line.
//
// Each command lives in its own file, src/cli/<name>_command.cc, and exposes
//   void Add<Name>Command(CLI::App& root, Runner& selected);
// which adds its subcommand and options to `root` and, from the subcommand's
// parse callback, stores in `selected` the function that runs it. app.cc calls
// every Add*Command; after parsing it runs whatever was selected. Commands hold
// no AWS or business logic: they parse, call the core, render.
#ifndef FOYER_CLI_COMMAND_H_
#define FOYER_CLI_COMMAND_H_

#include <functional>

#include <CLI/CLI.hpp>

#include "base/error.h"

namespace foyer::cli {

// Runs the selected command; returns the process exit status.
using Runner = std::function<int()>;

// Prints "foyer: <error>" on stderr and returns the error's exit status.
int ReportError(const Error& error);

}  // namespace foyer::cli

#endif  // FOYER_CLI_COMMAND_H_
