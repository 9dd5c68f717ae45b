#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "spec/starter_spec.h"

namespace foyer::cli {
namespace {

struct InitOptions {
  std::string path = "foyer.toml";
  bool force = false;
};

int RunInit(const InitOptions& options) {
  Status written = spec::WriteStarterSpec(options.path, options.force);
  if (!written.ok()) return ReportError(written.error());
  std::printf("wrote %s; edit it, then check it with 'foyer validate --path %s'\n",
              options.path.c_str(), options.path.c_str());
  return 0;
}

}  // namespace

void AddInitCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<InitOptions>();
  auto* command = root.add_subcommand("init", "Write a commented foyer.toml to start from");
  command->add_option("--path", options->path, "Where to write it")->capture_default_str();
  command->add_flag("--force", options->force, "Overwrite an existing file");
  command->callback([&selected, options] { selected = [options] { return RunInit(*options); }; });
}

}  // namespace foyer::cli
