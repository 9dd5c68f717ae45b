#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/roles_session.h"
#include "roles/desired_roles.h"
#include "roles/live_roles.h"
#include "roles/role_inventory.h"
#include "ui/table.h"

namespace foyer::cli {
namespace {

struct RolesOptions {
  std::string spec_path = "foyer.toml";
  std::string profile;
  std::string format = "table";
  int concurrency = 8;
};

std::string Joined(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
  return text.empty() ? "-" : text;
}

nlohmann::json EntriesJson(const std::vector<roles::RoleEntry>& entries) {
  nlohmann::json list = nlohmann::json::array();
  for (const roles::RoleEntry& entry : entries) {
    list.push_back({{"role", entry.role},
                    {"account", entry.account},
                    {"account_id", entry.account_id.empty() ? nlohmann::json() : nlohmann::json(entry.account_id)},
                    {"kind", entry.landing ? "landing" : "target"},
                    {"status", std::string(roles::RoleStatusName(entry.status))},
                    {"assumable_by", entry.assumable_by}});
  }
  return list;
}

std::string EntriesTable(const std::vector<roles::RoleEntry>& entries) {
  ui::Table table({"ROLE", "ACCOUNT", "ACCOUNT ID", "KIND", "STATUS", "ASSUMABLE BY"});
  for (const roles::RoleEntry& entry : entries) {
    table.AddRow({"foyer/" + entry.role, entry.account, entry.account_id.empty() ? "-" : entry.account_id,
                  entry.landing ? "landing" : "target", std::string(roles::RoleStatusName(entry.status)),
                  Joined(entry.assumable_by)});
  }
  return table.Render();
}

int RunRoles(const RolesOptions& options) {
  auto session = OpenRolesSession(options.spec_path, options.profile);
  if (!session.ok()) return ReportError(session.error());
  const RolesSession& s = **session;
  auto admin = s.Admin();
  roles::DocumentIds ids{admin.ok() ? *admin : roles::AdminAccount{s.partition, "<admin>"},
                         s.live.organization ? s.live.organization->id : "<organization>"};
  std::vector<roles::AccountRoles> desired = roles::DesiredRoles(s.spec.spec, s.spec.accounts, ids);
  std::vector<std::string> names = {std::string(org::kManagementAccountName)};
  for (const org::DesiredAccount& account : s.spec.accounts) names.push_back(account.name);
  auto live = roles::ReadAccounts(*s.access, s.account_ids, names, s.spec.spec.accounts.admin.value,
                                  s.Region(), options.concurrency);
  if (!live.ok()) return ReportError(live.error());
  std::vector<roles::RoleEntry> entries = roles::InventoryRoles(desired, *live, s.account_ids, ids.admin);
  if (options.format == "json") {
    std::printf("%s\n", EntriesJson(entries).dump(2).c_str());
  } else {
    std::fputs(EntriesTable(entries).c_str(), stdout);
  }
  return 0;
}

}  // namespace

void AddRolesCommand(CLI::App& root, Runner& selected) {
  auto options = std::make_shared<RolesOptions>();
  auto* command = root.add_subcommand(
      "roles", "Every foyer role: where it exists, whether it matches foyer.toml, who may assume it");
  command->add_option("--spec", options->spec_path, "The organization spec (default: foyer.toml)");
  command->add_option("--profile", options->profile,
                      "AWS profile to use (default: AWS_DEFAULT_PROFILE, AWS_PROFILE, then 'default')");
  command->add_option("--format", options->format, "Output format: table or json")
      ->check(CLI::IsMember({"table", "json"}));
  command->add_option("--concurrency", options->concurrency, "How many accounts to read at once")
      ->check(CLI::Range(1, 64));
  command->callback([&selected, options] { selected = [options] { return RunRoles(*options); }; });
}

}  // namespace foyer::cli
