// The CI family: for each [[ci]] pipeline, in each account it picks, the CI
// provider's IAM OIDC identity provider and the role foyer/ci-<name>
// (ci_identity.h). Runs after the roles family.
//
// Planning reads, per account and pipeline, the provider and the role
// (GetOpenIdConnectProvider, GetRole, ListAttachedRolePolicies); accounts
// that do not exist yet are planned as creations without reading. Trust
// policies are compared semantically, so a converged account plans nothing.
// Policies attached by hand to a wanted role are left alone; foyer never
// detaches them. What removed pipelines leave behind is deleted by
// ci_removal.h, at the end of the same family.
#ifndef FOYER_TERRAFORM_CI_FAMILY_H_
#define FOYER_TERRAFORM_CI_FAMILY_H_

#include "org/resource_family.h"

namespace foyer::terraform {

class CiFamily : public org::ResourceFamily {
 public:
  std::string_view Name() const override { return "ci"; }
  Status AddChanges(const org::PlanContext& context, org::Plan& plan) override;
};

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_CI_FAMILY_H_
