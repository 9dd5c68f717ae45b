#include <signal.h>

#include <cstdio>
#include <memory>
#include <string>

#include "access/credential_server.h"
#include "access/exports.h"
#include "access/target_session.h"
#include "cli/commands.h"
#include "creds/environment.h"

namespace foyer::cli {
namespace {

struct ServeOptions {
  access::TargetSessionOptions target;
  bool no_cache = false;
  std::string format = "sh";
};

// Prints the two variables a job needs, then serves until SIGINT or SIGTERM.
int RunServeCredentials(const ServeOptions& options) {
  auto format = access::ParseExportFormat(options.format);
  creds::Environment env = creds::Environment::Process();
  auto first = access::OpenTargetSession(options.target, env);
  if (!first.ok()) return ReportError(first.error());

  // Blocked before the server's thread starts, so that it inherits the mask
  // and the signals reach sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  access::TargetSessionOptions target = options.target;
  auto server = access::CredentialServer::Start(
      [target, env]() -> Result<aws::Credentials> {
        auto session = access::OpenTargetSession(target, env);
        if (!session.ok()) return session.error();
        return session->session.credentials;
      },
      access::NewAuthorizationToken());
  if (!server.ok()) return ReportError(server.error());
  std::string exports = access::RenderExports({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", (*server)->url()},
                                               {"AWS_CONTAINER_AUTHORIZATION_TOKEN", (*server)->token()}},
                                              *format);
  std::fputs(exports.c_str(), stdout);
  std::fflush(stdout);
  std::fprintf(stderr, "Serving %s as %s until interrupted (Ctrl-C).\n", first->session.role_arn.c_str(),
               first->role.c_str());
  int received = 0;
  sigwait(&stop_signals, &received);
  return 0;
}

}  // namespace

void AddServeCredentialsCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ServeOptions>();
  auto* command = root.add_subcommand(
      "serve-credentials", "Serve sessions of TARGET on a loopback container-credentials endpoint for long jobs");
  AddTargetSessionOptions(*command, options->target, options->no_cache);
  command->add_option("--format", options->format, "How to print the endpoint's variables")
      ->check(CLI::IsMember({"sh", "fish", "powershell", "json"}))
      ->capture_default_str();
  command->callback([&selected, options] {
    options->target.use_cache = !options->no_cache;
    selected = [options] { return RunServeCredentials(*options); };
  });
}

}  // namespace foyer::cli
