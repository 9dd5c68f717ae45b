#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/snapshot_source.h"
#include "store/private_file.h"

namespace foyer::cli {
namespace {

struct SnapshotOptions {
  SnapshotSource source;
  std::string output;
};

// Accounts that could not be read completely, counted for the summary line.
size_t IncompleteAccounts(const nlohmann::json& snapshot) {
  size_t incomplete = 0;
  for (const auto& [id, account] : snapshot["accounts"].items()) {
    if (account.contains("errors")) ++incomplete;
  }
  return incomplete;
}

int RunSnapshot(const SnapshotOptions& options) {
  auto collected = CollectLive(options.source);
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
  AddSnapshotSourceOptions(*command, options->source, /*with_file=*/false);
  command->callback([options, &selected] { selected = [options] { return RunSnapshot(*options); }; });
}

}  // namespace foyer::cli
