#include <cstdio>
#include <memory>
#include <string>

#include "access/exports.h"
#include "access/target_session.h"
#include "cli/commands.h"
#include "creds/environment.h"

namespace foyer::cli {
namespace {

// Runs once per SDK call that needs credentials: warm, it reads the
// configuration and one cache entry, prints one line and exits.
int RunCredentialProcess(const access::TargetSessionOptions& options) {
  auto target = access::OpenTargetSession(options, creds::Environment::Process());
  if (!target.ok()) return ReportError(target.error());
  std::string line = access::CredentialProcessJson(target->session.credentials) + "\n";
  std::fputs(line.c_str(), stdout);
  return 0;
}

}  // namespace

void AddTargetSessionOptions(CLI::App& command, access::TargetSessionOptions& options, bool& no_cache) {
  command.add_option("TARGET", options.target, "Account id, admin, management, account name or <domain>/<environment>[/<quality>]")
      ->required();
  command.add_option("--role", options.role, "Role to assume (default: the only role your group is granted in the account)");
  command.add_option("--org", options.org, "Organization of the client configuration (default: default_org)");
  command.add_option("--group", options.group, "Group whose landing session to start from (default: default_group)");
  command.add_flag("--no-cache", no_cache, "Ask STS for a new session; neither read nor write the cache");
}

void AddCredentialProcessCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<access::TargetSessionOptions>();
  auto no_cache = std::make_shared<bool>(false);
  auto* command = root.add_subcommand("credential-process",
                                      "Print a session of TARGET for an AWS profile's credential_process");
  AddTargetSessionOptions(*command, *options, *no_cache);
  command->callback([&selected, options, no_cache] {
    options->use_cache = !*no_cache;
    selected = [options] { return RunCredentialProcess(*options); };
  });
}

}  // namespace foyer::cli
