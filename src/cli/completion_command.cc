#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "access/completion.h"
#include "access/target.h"
#include "cli/commands.h"
#include "login/client_config.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

struct CompleteOptions {
  std::string kind;  // "targets" or "roles"
  std::string target;
  std::string org;
  std::string group;
};

std::optional<store::Inventory> CachedInventory(const login::OrgAccess& org) {
  if (org.management_account_id.empty()) return std::nullopt;
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return std::nullopt;
  auto inventories = store::InventoryCache::Open(*state);
  if (!inventories.ok()) return std::nullopt;
  auto loaded = inventories->Load(org.management_account_id);
  return loaded.ok() ? std::move(*loaded) : std::nullopt;
}

// Prints candidates one a line; prints nothing on any problem, since a
// completion must never put an error in the middle of a command line.
int RunComplete(const CompleteOptions& options) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return 0;
  auto org = config->Select(options.org);
  if (!org.ok()) return 0;
  std::optional<store::Inventory> inventory = CachedInventory(**org);
  std::vector<std::string> words;
  if (options.kind == "targets") {
    words = access::TargetCandidates(**org, inventory);
  } else {
    std::string account;
    if (!options.target.empty()) {
      auto target = access::ResolveTarget(options.target, **org, inventory);
      if (target.ok()) account = target->account_id == (*org)->management_account_id ? "management" : target->label;
    }
    words = access::RoleCandidates(**org, options.group.empty() ? (*org)->default_group : options.group, account);
  }
  for (const auto& word : words) std::printf("%s\n", word.c_str());
  return 0;
}

int RunCompletion(const std::string& shell, const CLI::App& root) {
  std::vector<std::string> commands;
  for (const CLI::App* command : root.get_subcommands([](const CLI::App* app) { return !app->get_group().empty(); })) {
    commands.push_back(command->get_name());
  }
  auto script = access::CompletionScript(shell, commands);
  std::fputs(script->c_str(), stdout);
  return 0;
}

}  // namespace

void AddCompletionCommand(CLI::App& root, Runner& selected) {
  auto shell = std::make_shared<std::string>();
  auto* completion = root.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  completion->add_option("SHELL", *shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([&selected, &root, shell] { selected = [&root, shell] { return RunCompletion(*shell, root); }; });

  auto options = std::make_shared<CompleteOptions>();
  auto* complete = root.add_subcommand("__complete", "Candidates for the completion scripts")->group("");
  complete->add_option("KIND", options->kind)->required()->check(CLI::IsMember({"targets", "roles"}));
  complete->add_option("TARGET", options->target);
  complete->add_option("--org", options->org);
  complete->add_option("--group", options->group);
  complete->callback([&selected, options] { selected = [options] { return RunComplete(*options); }; });
}

}  // namespace foyer::cli
