#include <unistd.h>

#include <climits>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "access/config_sync.h"
#include "cli/commands.h"
#include "creds/environment.h"

namespace foyer::cli {
namespace {

// The absolute path of the `foyer` the profiles will run: the front end
// beside this full program (src/front_end), which answers warm calls
// without loading the full program; this binary itself when run alone.
std::string FoyerPath() {
  char path[PATH_MAX];
  ssize_t length = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (length <= 0) return "foyer";
  std::filesystem::path self(std::string(path, static_cast<size_t>(length)));
  std::filesystem::path front_end = self.parent_path() / "foyer";
  if (self.filename() == "foyer-cli" && ::access(front_end.c_str(), X_OK) == 0) return front_end.string();
  return self.string();
}

void PrintNames(const char* label, const std::vector<std::string>& names, const char* why) {
  for (const auto& name : names) std::printf("  %-8s %s%s\n", label, name.c_str(), why);
}

int RunConfigSync(access::ConfigSyncOptions options) {
  options.foyer_path = FoyerPath();
  auto report = access::SyncAwsConfig(options, creds::Environment::Process());
  if (!report.ok()) return ReportError(report.error());
  const access::SyncOutcome& outcome = report->outcome;
  std::printf("%s %s: %zu foyer profiles\n", report->changed ? "Updated" : "Up to date:", report->config_path.c_str(),
              report->profiles.size());
  PrintNames("added", outcome.added, "");
  PrintNames("pruned", outcome.pruned, "");
  PrintNames("kept", outcome.stale, " (no longer granted; `foyer config sync --prune` removes it)");
  PrintNames("skipped", outcome.shadowed, " (you define a profile of that name yourself)");
  PrintNames("skipped", report->missing_accounts, " (account not in the inventory: not created yet?)");
  if (report->without_inventory) {
    std::printf("No account inventory is cached: run `foyer accounts --refresh` so that account names resolve.\n");
  }
  if (!report->backup_path.empty()) std::printf("The previous file is in %s\n", report->backup_path.c_str());
  return 0;
}

}  // namespace

void AddConfigSyncCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<access::ConfigSyncOptions>();
  auto* config = root.add_subcommand("config", "Manage the AWS config profiles foyer writes");
  config->require_subcommand(1);
  auto* sync = config->add_subcommand(
      "sync", "Write one ~/.aws/config profile per account and granted role, using credential_process");
  sync->add_flag("--prune", options->prune, "Remove profiles of accounts and roles no longer granted");
  sync->add_option("--org", options->org, "Organization of the client configuration (default: default_org)");
  sync->add_option("--group", options->group, "Group whose grants to write (default: default_group)");
  sync->callback([&selected, options] { selected = [options] { return RunConfigSync(*options); }; });
}

}  // namespace foyer::cli
