#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "org/org_validation.h"
#include "org/role_placement.h"

namespace foyer::cli {
namespace {

struct ValidateOptions {
  std::string path = "foyer.toml";
  std::string format = "text";
};

struct Counts {
  size_t accounts = 0;
  size_t roles = 0;  // distinct roles that exist in at least one account
  size_t groups = 0;
};

Counts CountsOf(const org::CheckedSpec& checked) {
  std::set<std::string> roles;
  for (const org::RolePlacement& placement : org::PlaceRoles(checked.spec, checked.accounts)) {
    roles.insert(placement.role);
  }
  return Counts{checked.accounts.size(), roles.size(), checked.spec.groups.size()};
}

int RenderText(const std::string& path, const org::CheckedSpec& checked) {
  if (!checked.ok()) {
    for (const spec::Diagnostic& diagnostic : checked.diagnostics) {
      std::fprintf(stderr, "%s\n", diagnostic.ToString().c_str());
    }
    return static_cast<int>(ExitCode::kFailure);
  }
  Counts counts = CountsOf(checked);
  std::printf("%s: ok (%zu accounts, %zu roles, %zu groups)\n", path.c_str(), counts.accounts,
              counts.roles, counts.groups);
  return 0;
}

int RenderJson(const std::string& path, const org::CheckedSpec& checked) {
  nlohmann::json result = {{"file", path}, {"ok", checked.ok()}};
  if (checked.ok()) {
    Counts counts = CountsOf(checked);
    result["accounts"] = counts.accounts;
    result["roles"] = counts.roles;
    result["groups"] = counts.groups;
  } else {
    nlohmann::json errors = nlohmann::json::array();
    for (const spec::Diagnostic& diagnostic : checked.diagnostics) {
      errors.push_back({{"file", diagnostic.file},
                        {"line", diagnostic.at.line},
                        {"column", diagnostic.at.column},
                        {"message", diagnostic.message}});
    }
    result["errors"] = std::move(errors);
  }
  std::printf("%s\n", result.dump(2).c_str());
  return checked.ok() ? 0 : static_cast<int>(ExitCode::kFailure);
}

int RunValidate(const ValidateOptions& options) {
  Result<org::CheckedSpec> checked = org::CheckSpecFile(options.path);
  if (!checked.ok()) {
    Error error = checked.error();
    std::error_code ignored;
    if (!std::filesystem::exists(options.path, ignored)) {
      error.message += "; 'foyer init' writes a starter file";
    }
    return ReportError(error);
  }
  if (options.format == "json") return RenderJson(options.path, *checked);
  return RenderText(options.path, *checked);
}

}  // namespace

void AddValidateCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = root.add_subcommand("validate", "Check foyer.toml; errors name file:line:col");
  command->add_option("--path", options->path, "The spec to check")->capture_default_str();
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->callback(
      [&selected, options] { selected = [options] { return RunValidate(*options); }; });
}

}  // namespace foyer::cli
