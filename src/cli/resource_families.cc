#include "cli/resource_families.h"

#include "org/audit_trail_family.h"
#include "org/guardrail_family.h"
#include "org/organization_family.h"
#include "org/state_bucket_family.h"
#include "roles/identity_center_family.h"
#include "roles/roles_family.h"
#include "terraform/ci_family.h"

namespace foyer::cli {

std::vector<std::unique_ptr<org::ResourceFamily>> AllResourceFamilies(std::set<std::string> adopted) {
  std::vector<std::unique_ptr<org::ResourceFamily>> families;
  families.push_back(std::make_unique<org::OrganizationFamily>(std::move(adopted)));
  families.push_back(std::make_unique<roles::RolesFamily>());
  families.push_back(std::make_unique<roles::IdentityCenterFamily>());
  families.push_back(std::make_unique<org::GuardrailFamily>());
  families.push_back(std::make_unique<org::AuditTrailFamily>());
  families.push_back(std::make_unique<org::StateBucketFamily>());
  families.push_back(std::make_unique<terraform::CiFamily>());
  return families;
}

}  // namespace foyer::cli
