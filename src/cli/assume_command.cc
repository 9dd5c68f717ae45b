#include <cstdio>
#include <memory>
#include <string>

#include "access/exports.h"
#include "access/target_session.h"
#include "cli/commands.h"
#include "creds/environment.h"

namespace foyer::cli {
namespace {

int RunAssume(const access::TargetSessionOptions& options, const std::string& format_name) {
  auto format = access::ParseExportFormat(format_name);
  if (!format) {
    Error error = MakeError("UsageError", "--format must be sh, fish, powershell or json, not '" + format_name + "'");
    error.exit_code = ExitCode::kUsage;
    return ReportError(error);
  }
  auto target = access::OpenTargetSession(options, creds::Environment::Process());
  if (!target.ok()) return ReportError(target.error());
  auto variables = access::SessionVariables(target->session.credentials, target->region);
  std::fputs(access::RenderExports(variables, *format).c_str(), stdout);
  std::fprintf(stderr, "Session of %s until %s.\n", target->session.role_arn.c_str(),
               target->session.credentials.expiration ? FormatRfc3339(*target->session.credentials.expiration).c_str()
                                                      : "no expiry");
  return 0;
}

}  // namespace

void AddAssumeCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<access::TargetSessionOptions>();
  auto no_cache = std::make_shared<bool>(false);
  auto format = std::make_shared<std::string>("sh");
  auto* command = root.add_subcommand("assume", "Print shell statements that set a session of TARGET");
  AddTargetSessionOptions(*command, *options, *no_cache);
  command->add_option("--format", *format, "sh (default), fish, powershell or json");
  command->callback([&selected, options, no_cache, format] {
    options->use_cache = !*no_cache;
    selected = [options, format] { return RunAssume(*options, *format); };
  });
}

}  // namespace foyer::cli
