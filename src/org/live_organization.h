// The live organization as discovery found it before planning.
#ifndef FOYER_ORG_LIVE_ORGANIZATION_H_
#define FOYER_ORG_LIVE_ORGANIZATION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aws/organizations_types.h"
#include "store/inventory_cache.h"

namespace foyer::org {

struct LiveOrganization {
  // Absent when the caller's account is in no organization yet.
  std::optional<aws::Organization> organization;
  std::string root_id;
  // Policy types enabled on the root ("SERVICE_CONTROL_POLICY").
  std::vector<std::string> enabled_policy_types;
  // OU path from the root ("Workloads/production") -> OU id.
  std::map<std::string, std::string> ou_ids;
  // Every account, with tags and OU path, ordered by id.
  std::vector<store::InventoryAccount> accounts;

  bool PolicyTypeEnabled(const std::string& type) const;
  // The id of the OU at `path`, the root's for "", or "" when there is none.
  std::string ParentId(const std::string& path) const;
};

}  // namespace foyer::org

#endif  // FOYER_ORG_LIVE_ORGANIZATION_H_
