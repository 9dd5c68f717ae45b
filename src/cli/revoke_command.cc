#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "base/time_format.h"
#include "cli/commands.h"
#include "cli/roles_session.h"
#include "roles/revocation.h"
#include "roles/role_changes.h"

namespace foyer::cli {
namespace {

struct RevokeOptions {
  std::string spec_path = "foyer.toml";
  std::string profile;
  std::string group;
  std::string before;
};

Result<SystemTime> Cutoff(const std::string& text) {
  // Rounded up: policies hold whole seconds, and a session issued earlier
  // in the current second must be cut off too.
  if (text.empty()) return SystemTime(std::chrono::ceil<std::chrono::seconds>(std::chrono::system_clock::now()));
  auto parsed = ParseIso8601(text);
  if (!parsed.ok()) {
    Error error = MakeError("UsageError", "--before " + text +
                                              " is not a time; write it as RFC 3339, e.g. 2026-11-28T02:00:00Z");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  return *parsed;
}

Result<std::vector<std::string>> Groups(const spec::Spec& spec, const std::string& only) {
  std::vector<std::string> groups;
  for (const spec::Group& group : spec.groups) {
    if (only.empty() || group.name.value == only) groups.push_back(group.name.value);
  }
  if (!only.empty() && groups.empty()) {
    Error error = MakeError("UsageError", "there is no group " + only + " in foyer.toml");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  return groups;
}

int RunRevoke(const RevokeOptions& options) {
  auto cutoff = Cutoff(options.before);
  if (!cutoff.ok()) return ReportError(cutoff.error());
  auto session = OpenRolesSession(options.spec_path, options.profile);
  if (!session.ok()) return ReportError(session.error());
  const RolesSession& s = **session;
  auto groups = Groups(s.spec.spec, options.group);
  if (!groups.ok()) return ReportError(groups.error());
  auto admin = s.Admin();
  if (!admin.ok()) return ReportError(admin.error());
  auto config = s.access->ConfigIn(admin->id, s.Region());
  if (!config.ok()) return ReportError(config.error());
  aws::IamClient iam(std::move(*config));
  for (const std::string& group : *groups) {
    auto in_force = roles::RevokeSessions(iam, group, *cutoff);
    if (!in_force.ok()) return ReportError(in_force.error());
    std::printf("%s: sessions issued before %s are denied (%s); foyer apply removes this after %s\n",
                group.c_str(), FormatRfc3339(*in_force).c_str(),
                roles::RoleArn(admin->partition, admin->id, group).c_str(),
                FormatRfc3339(*in_force + roles::kRevocationKeptFor).c_str());
  }
  return 0;
}

}  // namespace

void AddRevokeCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<RevokeOptions>();
  auto* command = root.add_subcommand(
      "revoke", "Deny every landing-role session issued before a time (default: now)");
  command->add_option("--spec", options->spec_path, "The organization spec (default: foyer.toml)");
  command->add_option("--profile", options->profile,
                      "AWS profile to use (default: AWS_DEFAULT_PROFILE, AWS_PROFILE, then 'default')");
  command->add_option("--group", options->group, "Only this group's landing role (default: every group)");
  command->add_option("--before", options->before,
                      "Cut off sessions issued before this RFC 3339 time (default: now)");
  command->callback([&selected, options] { selected = [options] { return RunRevoke(*options); }; });
}

}  // namespace foyer::cli
