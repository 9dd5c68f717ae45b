#include "spec/spec.h"

#include <algorithm>

namespace foyer::spec {

bool NameList::Contains(std::string_view name) const {
  return std::any_of(items.begin(), items.end(),
                     [name](const LocatedString& item) { return item.value == name; });
}

std::vector<std::string> NameList::Values() const {
  std::vector<std::string> values;
  values.reserve(items.size());
  for (const LocatedString& item : items) values.push_back(item.value);
  return values;
}

std::vector<std::string> BuiltinRoleNames() {
  return {std::string(kAdministratorRole), std::string(kAuditorRole),
          std::string(kOrganizationAdministratorRole), std::string(kOrganizationReaderRole)};
}

bool IsBuiltinRole(std::string_view name) {
  return name == kAdministratorRole || name == kAuditorRole || IsManagementRole(name);
}

bool IsManagementRole(std::string_view name) {
  return name == kOrganizationAdministratorRole || name == kOrganizationReaderRole;
}

std::vector<std::string> KnownRoleNames(const Spec& spec) {
  std::vector<std::string> names = BuiltinRoleNames();
  for (const Role& role : spec.roles) names.push_back(role.name.value);
  return names;
}

}  // namespace foyer::spec
