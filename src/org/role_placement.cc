#include "org/role_placement.h"

#include <optional>
#include <string_view>

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

// Management roles take no selector: a grant of one is a grant in management.
std::vector<std::string> GroupsGrantedAnywhere(const spec::Spec& spec, std::string_view role) {
  std::vector<std::string> groups;
  for (const spec::Group& group : spec.groups) {
    for (const spec::Grant& grant : group.grants) {
      if (grant.role.value == role) {
        groups.push_back(group.name.value);
        break;
      }
    }
  }
  return groups;
}

std::vector<RolePlacement> ManagementPlacements(const spec::Spec& spec) {
  const std::string management(kManagementAccountName);
  std::vector<RolePlacement> placements;
  std::vector<std::string> administrators =
      GroupsGrantedAnywhere(spec, spec::kOrganizationAdministratorRole);
  if (!administrators.empty()) {
    placements.push_back(RolePlacement{std::string(spec::kOrganizationAdministratorRole),
                                       management, AccountKind::kManagement,
                                       std::move(administrators)});
  }
  std::vector<std::string> everyone;
  for (const spec::Group& group : spec.groups) everyone.push_back(group.name.value);
  if (!everyone.empty()) {
    placements.push_back(RolePlacement{std::string(spec::kOrganizationReaderRole), management,
                                       AccountKind::kManagement, std::move(everyone)});
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
