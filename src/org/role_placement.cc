#include "org/role_placement.h"

#include <optional>

#include "org/selector.h"

namespace foyer::org {
namespace {

// The groups granted `role` by a grant that picks `account`.
std::vector<std::string> GroupsGranted(const spec::Spec& spec, const std::string& role,
                                       const DesiredAccount& account) {
  std::vector<std::string> groups;
  for (const spec::Group& group : spec.groups) {
    for (const spec::Grant& grant : group.grants) {
      if (grant.role.value == role && Picks(grant.in, account)) {
        groups.push_back(group.name.value);
        break;
      }
    }
  }
  return groups;
}

std::vector<RolePlacement> ManagementPlacements(const spec::Spec& spec) {
  DesiredAccount management;
  management.name = kManagementAccountName;
  management.kind = AccountKind::kManagement;
  std::vector<RolePlacement> placements;
  const std::string administrator(spec::kOrganizationAdministratorRole);
  std::vector<std::string> administrators = GroupsGranted(spec, administrator, management);
  if (!administrators.empty()) {
    placements.push_back(RolePlacement{administrator, management.name, management.kind,
                                       std::move(administrators)});
  }
  std::vector<std::string> everyone;
  for (const spec::Group& group : spec.groups) everyone.push_back(group.name.value);
  if (!everyone.empty()) {
    placements.push_back(RolePlacement{std::string(spec::kOrganizationReaderRole),
                                       management.name, management.kind, std::move(everyone)});
  }
  return placements;
}

}  // namespace

std::vector<RolePlacement> PlaceRoles(const spec::Spec& spec,
                                      const std::vector<DesiredAccount>& accounts) {
  std::vector<RolePlacement> placements = ManagementPlacements(spec);
  // Member-account roles and their own selectors; built-ins pick everything.
  std::vector<std::pair<std::string, std::optional<spec::Selector>>> roles = {
      {std::string(spec::kAdministratorRole), std::nullopt},
      {std::string(spec::kAuditorRole), std::nullopt}};
  for (const spec::Role& role : spec.roles) roles.emplace_back(role.name.value, role.in);
  for (const DesiredAccount& account : accounts) {
    for (const auto& [role, selector] : roles) {
      if (!Picks(selector, account)) continue;
      std::vector<std::string> groups = GroupsGranted(spec, role, account);
      if (groups.empty()) continue;
      placements.push_back(RolePlacement{role, account.name, account.kind, std::move(groups)});
    }
  }
  return placements;
}

}  // namespace foyer::org
