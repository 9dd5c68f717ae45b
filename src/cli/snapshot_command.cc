#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "audit/planned_state.h"
#include "cli/commands.h"
#include "cli/roles_session.h"
#include "cli/snapshot_source.h"
#include "store/private_file.h"

namespace foyer::cli {
namespace {

struct SnapshotOptions {
  SnapshotSource source;
  std::string output;
  bool planned = false;
  std::string spec_path = "foyer.toml";
};

// Accounts that could not be read completely, counted for the summary line.
size_t IncompleteAccounts(const nlohmann::json& snapshot) {
  size_t incomplete = 0;
  for (const auto& [id, account] : snapshot["accounts"].items()) {
    if (account.contains("errors")) ++incomplete;
  }
  return incomplete;
}

// The live snapshot with the spec's roles in place of foyer's, as apply
// would leave it (audit/planned_state.h). Before the organization exists
// there is nothing live to read: everything is planned.
Result<nlohmann::json> CollectPlanned(const SnapshotOptions& options) {
  auto session = OpenRolesSession(options.spec_path, options.source.profile);
  if (!session.ok()) return session.error();
  const RolesSession& s = **session;
  nlohmann::json live;
  if (s.live.organization) {
    auto collected = CollectLive(options.source);
    if (!collected.ok()) return collected.error();
    live = std::move(*collected);
  }
  audit::PlannedState planned = audit::PlannedOverLive(std::move(live), s.spec.spec, s.spec.accounts, s.account_ids,
                                                       s.live.organization ? s.live.organization->id : "",
                                                       s.partition);
  std::fprintf(stderr, "snapshot: planned from %s: %zu foyer roles, %zu accounts not created yet (stand-in ids)\n",
               options.spec_path.c_str(), planned.planned_roles, planned.ids.stand_ins.size());
  return std::move(planned.snapshot);
}

int RunSnapshot(const SnapshotOptions& options) {
  auto collected = options.planned ? CollectPlanned(options) : CollectLive(options.source);
  if (!collected.ok()) return ReportError(collected.error());
  std::string text = collected->dump(2) + "\n";
  if (options.output.empty() || options.output == "-") {
    std::fputs(text.c_str(), stdout);
  } else {
    std::string temp = options.output + ".tmp." + std::to_string(getpid());
    Status written = store::ReplacePrivateFile(options.output, text, temp);
    if (!written.ok()) return ReportError(written.error());
  }
  size_t accounts = (*collected)["accounts"].size();
  size_t incomplete = IncompleteAccounts(*collected);
  std::fprintf(stderr, "snapshot: %zu accounts%s\n", accounts,
               incomplete == 0 ? "" : (", " + std::to_string(incomplete) + " read only in part (see \"errors\")").c_str());
  return 0;
}

}  // namespace

void AddSnapshotCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<SnapshotOptions>();
  auto* command = root.add_subcommand(
      "snapshot", "Collect the live organization's access policies into one JSON file for offline analysis");
  command->add_option("-o,--output", options->output, "Write the snapshot here (mode 0600) instead of stdout");
  CLI::Option* planned = command->add_flag(
      "--planned", options->planned, "The state apply would leave: the spec's roles in place of foyer's live ones");
  command->add_option("--spec", options->spec_path, "The organization spec, with --planned (default: foyer.toml)")
      ->needs(planned);
  AddSnapshotSourceOptions(*command, options->source, /*with_file=*/false);
  command->callback([options, &selected] { selected = [options] { return RunSnapshot(*options); }; });
}

}  // namespace foyer::cli
