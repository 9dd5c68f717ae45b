// Every command of the command line, one function each (see command.h).
#ifndef FOYER_CLI_COMMANDS_H_
#define FOYER_CLI_COMMANDS_H_

#include "access/target_session.h"
#include "cli/command.h"

namespace foyer::cli {

void AddWhoamiCommand(CLI::App& root, Runner& selected);
void AddInitCommand(CLI::App& root, Runner& selected);
void AddValidateCommand(CLI::App& root, Runner& selected);
void AddSimulateCommand(CLI::App& root, Runner& selected);
void AddConfigureCommand(CLI::App& root, Runner& selected);
void AddLoginCommand(CLI::App& root, Runner& selected);
void AddLogoutCommand(CLI::App& root, Runner& selected);
void AddMfaCommand(CLI::App& root, Runner& selected);
void AddWhoCanCommand(CLI::App& root, Runner& selected);
void AddPathsCommand(CLI::App& root, Runner& selected);
void AddGraphCommand(CLI::App& root, Runner& selected);
void AddSnapshotCommand(CLI::App& root, Runner& selected);
void AddAuditCommand(CLI::App& root, Runner& selected);
void AddAccountsCommand(CLI::App& root, Runner& selected);
void AddCredentialProcessCommand(CLI::App& root, Runner& selected);
void AddAssumeCommand(CLI::App& root, Runner& selected);
void AddExecCommand(CLI::App& root, Runner& selected);
void AddRolesCommand(CLI::App& root, Runner& selected);
void AddRevokeCommand(CLI::App& root, Runner& selected);
void AddConfigSyncCommand(CLI::App& root, Runner& selected);
void AddConsoleCommand(CLI::App& root, Runner& selected);
void AddServeCredentialsCommand(CLI::App& root, Runner& selected);
void AddCompletionCommand(CLI::App& root, Runner& selected);
void AddTerraformCommand(CLI::App& root, Runner& selected);
void AddGrantCommand(CLI::App& root, Runner& selected);
void AddPlanCommand(CLI::App& root, Runner& selected);
void AddApplyCommand(CLI::App& root, Runner& selected);
void AddAccountCommand(CLI::App& root, Runner& selected);

// TARGET, --role, --org, --group and --no-cache: the options of every
// command that moves into an account (credential_process_command.cc).
void AddTargetSessionOptions(CLI::App& command, access::TargetSessionOptions& options, bool& no_cache);

}  // namespace foyer::cli

#endif  // FOYER_CLI_COMMANDS_H_
