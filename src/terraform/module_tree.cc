#include "terraform/module_tree.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/account_id.h"
#include "terraform/root_module.h"

namespace foyer::terraform {
namespace {

Error UsageError(std::string message) {
  Error error = MakeError("UsageError", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

// The first two lines of a file.
std::pair<std::string, std::string> HeadLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string first;
  std::string second;
  std::getline(in, first);
  std::getline(in, second);
  return {first + "\n", second};
}

bool Picks(const FoundModule& module, const std::string& target) {
  return module.label == target || module.label.rfind(target + "/", 0) == 0 || module.account_name == target ||
         module.account_id == target;
}

}  // namespace

Result<std::vector<FoundModule>> FindRootModules(const std::filesystem::path& tree) {
  const std::filesystem::path root = tree / "root-modules";
  std::error_code error;
  if (!std::filesystem::is_directory(root, error)) {
    return MakeError("ConfigError", "there is no " + root.string() + ": run `foyer terraform generate` first");
  }
  std::vector<FoundModule> modules;
  for (auto it = std::filesystem::recursive_directory_iterator(root, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->path().filename() != "providers.tf" || !it->is_regular_file()) continue;
    auto [header, account_line] = HeadLines(it->path());
    if (header != kGeneratedHeader) continue;
    std::istringstream words(account_line.substr(std::min(account_line.size(), std::string(kAccountLinePrefix).size())));
    FoundModule module;
    std::string as;
    words >> module.account_name >> module.account_id >> as >> module.role;
    if (account_line.rfind(kAccountLinePrefix, 0) != 0 || !IsAccountId(module.account_id) || as != "as" ||
        module.role.empty()) {
      return MakeError("ConfigError", it->path().string() +
                                          " does not name its account on its second line; run `foyer terraform "
                                          "generate` again to restore it");
    }
    module.directory = it->path().parent_path();
    module.label = std::filesystem::relative(module.directory, root).generic_string();
    modules.push_back(std::move(module));
  }
  if (error) return MakeError("FileError", "could not read " + root.string() + ": " + error.message());
  std::sort(modules.begin(), modules.end(), [](const auto& a, const auto& b) { return a.label < b.label; });
  return modules;
}

Result<std::vector<FoundModule>> SelectModules(const std::vector<FoundModule>& modules,
                                               const std::vector<std::string>& targets, bool all) {
  if (all) return modules;
  if (targets.empty()) return UsageError("name the modules to run in (TARGET...) or pass --all");
  for (const std::string& target : targets) {
    if (std::none_of(modules.begin(), modules.end(), [&](const FoundModule& m) { return Picks(m, target); })) {
      return UsageError("no root module matches '" + target +
                        "': name an account, an account id, or a module folder such as "
                        "payments/production or payments/production/default/us-east-1");
    }
  }
  std::vector<FoundModule> picked;
  for (const FoundModule& module : modules) {
    if (std::any_of(targets.begin(), targets.end(), [&](const std::string& t) { return Picks(module, t); })) {
      picked.push_back(module);
    }
  }
  return picked;
}

}  // namespace foyer::terraform
