#include "cli/commands.h"

namespace foyer::cli {

void AddWhoamiCommand(CLI::App& root, Runner& selected) {
  auto* command = root.add_subcommand("whoami", "Show who and where the current credentials are");
  command->callback([&selected] {
    selected = [] { return ReportError(MakeError("NotImplemented", "whoami is not built yet")); };
  });
}

}  // namespace foyer::cli
