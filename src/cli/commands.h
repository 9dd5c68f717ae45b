// Every command of the command line, one function each (see command.h).
#ifndef FOYER_CLI_COMMANDS_H_
#define FOYER_CLI_COMMANDS_H_

#include "cli/command.h"

namespace foyer::cli {

void AddWhoamiCommand(CLI::App& root, Runner& selected);
void AddInitCommand(CLI::App& root, Runner& selected);
void AddValidateCommand(CLI::App& root, Runner& selected);
void AddSimulateCommand(CLI::App& root, Runner& selected);
void AddConfigureCommand(CLI::App& root, Runner& selected);
void AddLoginCommand(CLI::App& root, Runner& selected);
void AddLogoutCommand(CLI::App& root, Runner& selected);

}  // namespace foyer::cli

#endif  // FOYER_CLI_COMMANDS_H_
