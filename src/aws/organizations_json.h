// Reading Organizations' JSON shapes into organizations_types.h structs.
// Used by the OrganizationsClient and its tests.
#ifndef FOYER_AWS_ORGANIZATIONS_JSON_H_
#define FOYER_AWS_ORGANIZATIONS_JSON_H_

#include <nlohmann/json.hpp>

#include "aws/organizations_types.h"

namespace foyer::aws::organizations_json {

Organization ReadOrganization(const nlohmann::json& object);
Root ReadRoot(const nlohmann::json& object);
OrganizationalUnit ReadOrganizationalUnit(const nlohmann::json& object);
OrgNode ReadOrgNode(const nlohmann::json& object);
Account ReadAccount(const nlohmann::json& object);
CreateAccountStatus ReadCreateAccountStatus(const nlohmann::json& object);
OrgPolicySummary ReadPolicySummary(const nlohmann::json& object);
OrgPolicy ReadPolicy(const nlohmann::json& object);
PolicyTarget ReadPolicyTarget(const nlohmann::json& object);
DelegatedAdministrator ReadDelegatedAdministrator(const nlohmann::json& object);
// [{"Key": k, "Value": v}] -> TagList.
TagList ReadTags(const nlohmann::json& array);
nlohmann::json WriteTags(const TagList& tags);

}  // namespace foyer::aws::organizations_json

#endif  // FOYER_AWS_ORGANIZATIONS_JSON_H_
