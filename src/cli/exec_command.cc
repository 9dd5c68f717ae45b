#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "access/exports.h"
#include "access/server_exec.h"
#include "access/target_session.h"
#include "cli/commands.h"
#include "creds/environment.h"

namespace foyer::cli {
namespace {

struct ExecOptions {
  access::TargetSessionOptions target;
  bool no_cache = false;
  bool nested = false;
  bool server = false;
  std::vector<std::string> command;
};

Error UsageError(std::string message) {
  Error error = MakeError("UsageError", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

// The command's exit status; a signal that ended it ends foyer the same way.
int RunWithServer(const ExecOptions& options) {
  auto status = access::RunWithCredentialServer(options.target, options.command, creds::Environment::Process());
  if (!status.ok()) return ReportError(status.error());
  if (WIFSIGNALED(*status)) {
    std::signal(WTERMSIG(*status), SIG_DFL);
    std::raise(WTERMSIG(*status));
    return 128 + WTERMSIG(*status);
  }
  return WEXITSTATUS(*status);
}

// Replaces this process with the command, so that its exit status and any
// signal that ends it reach the caller unchanged.
int RunExec(ExecOptions& options) {
  if (options.command.empty()) return ReportError(UsageError("no command to run: foyer exec TARGET -- CMD ARGS..."));
  const char* outer = std::getenv("FOYER_EXEC");
  if (outer != nullptr && *outer != '\0' && !options.nested) {
    return ReportError(UsageError(std::string("already inside `foyer exec` (FOYER_EXEC=") + outer +
                                  "); pass --nested to switch accounts from within it"));
  }
  if (options.server) return RunWithServer(options);
  auto target = access::OpenTargetSession(options.target, creds::Environment::Process());
  if (!target.ok()) return ReportError(target.error());
  for (const auto& [name, value] : access::SessionVariables(target->session.credentials, target->region)) {
    setenv(name.c_str(), value.c_str(), 1);
  }
  setenv("FOYER_EXEC", target->session.role_arn.c_str(), 1);
  unsetenv("AWS_PROFILE");
  unsetenv("AWS_SECURITY_TOKEN");

  std::vector<char*> argv;
  for (auto& word : options.command) argv.push_back(word.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  int error = errno;
  return ReportError(MakeError("ExecFailed", "could not run '" + options.command[0] + "': " + std::strerror(error)));
}

}  // namespace

void AddExecCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ExecOptions>();
  auto* command = root.add_subcommand("exec", "Run a command with a session of TARGET in its environment");
  AddTargetSessionOptions(*command, options->target, options->no_cache);
  command->add_flag("--nested", options->nested, "Allow running inside another `foyer exec`");
  command->add_flag("--server", options->server,
                    "Serve credentials to CMD from a loopback endpoint, renewed as they expire, instead of keys");
  command->add_option("CMD", options->command, "The command and its arguments, after --")->required();
  command->callback([&selected, options] {
    options->target.use_cache = !options->no_cache;
    selected = [options] { return RunExec(*options); };
  });
}

}  // namespace foyer::cli
