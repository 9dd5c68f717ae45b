#include "access/granted_roles.h"

#include <algorithm>

#include "org/role_placement.h"
#include "spec/suggest.h"

namespace foyer::access {
namespace {

Error UsageError(std::string message) {
  Error error = MakeError("UnknownRole", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

constexpr const char* kStaleHint =
    " (the grants come from `foyer configure --from foyer.toml`; run it again if foyer.toml changed)";

}  // namespace

GrantMap GrantsFromSpec(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts) {
  GrantMap grants;
  for (const org::RolePlacement& placement : org::PlaceRoles(spec, accounts)) {
    for (const std::string& group : placement.trusted_groups) {
      grants[group][placement.account].push_back(placement.role);
    }
  }
  return grants;
}

Result<std::string> ChooseRole(const login::OrgAccess& org, const std::string& group,
                               const std::string& account_name, const std::string& requested) {
  if (org.grants.empty()) return requested.empty() ? std::string(spec::kAdministratorRole) : requested;
  if (account_name.empty()) {
    if (!requested.empty()) return requested;
    return UsageError("cannot tell which roles group '" + group + "' holds in an account known only by its id: "
                      "give --role, or name the account (run `foyer accounts --refresh` to look names up)");
  }
  std::vector<std::string> roles;
  if (auto by_group = org.grants.find(group); by_group != org.grants.end()) {
    if (auto by_account = by_group->second.find(account_name); by_account != by_group->second.end()) {
      roles = by_account->second;
    }
  }
  std::string where = "group '" + group + "' ";
  if (!requested.empty()) {
    if (std::find(roles.begin(), roles.end(), requested) != roles.end()) return requested;
    return UsageError(where + "is not granted role '" + requested + "' in " + account_name +
                      (roles.empty() ? "; it holds no role there" : "; it holds " + Join(roles)) +
                      spec::DidYouMean(requested, roles) + kStaleHint);
  }
  if (roles.size() == 1) return roles.front();
  if (roles.empty()) return UsageError(where + "holds no role in " + account_name + kStaleHint);
  return UsageError(where + "holds several roles in " + account_name + ": " + Join(roles) +
                    "; choose one with --role");
}

}  // namespace foyer::access
