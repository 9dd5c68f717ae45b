#include "cli/app.h"

#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "base/error.h"
#include "cli/commands.h"

namespace foyer::cli {

int Run(int argc, char** argv) {
  CLI::App app{"foyer: one way into every AWS account"};
  app.set_version_flag("--version", "foyer 0.1.0");
  app.require_subcommand(0, 1);

  Runner selected;
  AddWhoamiCommand(app, selected);
  AddInitCommand(app, selected);
  AddValidateCommand(app, selected);
  AddSimulateCommand(app, selected);
  AddConfigureCommand(app, selected);
  AddLoginCommand(app, selected);
  AddLogoutCommand(app, selected);
  AddMfaCommand(app, selected);
  AddWhoCanCommand(app, selected);
  AddPathsCommand(app, selected);
  AddGraphCommand(app, selected);
  AddSnapshotCommand(app, selected);
  AddAuditCommand(app, selected);
  AddAccountsCommand(app, selected);
  AddCredentialProcessCommand(app, selected);
  AddAssumeCommand(app, selected);
  AddExecCommand(app, selected);
  AddRolesCommand(app, selected);
  AddRevokeCommand(app, selected);
  AddConfigSyncCommand(app, selected);
  AddConsoleCommand(app, selected);
  AddServeCredentialsCommand(app, selected);
  AddCompletionCommand(app, selected);
  AddTerraformCommand(app, selected);
  AddGrantCommand(app, selected);
  AddPlanCommand(app, selected);
  AddApplyCommand(app, selected);
  AddAccountCommand(app, selected);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  }
  if (!selected) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  }
  try {
    return selected();
  } catch (const std::exception& e) {
    return ReportError(MakeError("InternalError", std::string("unexpected failure: ") + e.what()));
  }
}

}  // namespace foyer::cli
