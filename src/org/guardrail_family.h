// The guardrails family: the service control policies of `[guardrails]`
// (guardrail_policies.h), each created as `foyer-<guardrail>`, kept equal
// to its document (compared semantically, updated only when different) and
// attached where it belongs. The AWS-managed FullAWSAccess policy is never
// touched: SCPs only take rights away, so it must stay attached.
//
// A guardrail turned off in foyer.toml is detached and deleted only with
// --allow-delete; without it the plan says so in a note, since turning a
// guardrail off is a security decision.
//
// Runs after the roles family: the SCP neutering OrganizationAccountAccessRole
// is attached to an account only once foyer/Administrator exists there (its
// attachment depends on every iam_role change the plan makes in it).
#ifndef FOYER_ORG_GUARDRAIL_FAMILY_H_
#define FOYER_ORG_GUARDRAIL_FAMILY_H_

#include <string>
#include <string_view>

#include "org/resource_family.h"

namespace foyer::org {

class GuardrailFamily : public ResourceFamily {
 public:
  std::string_view Name() const override { return "guardrails"; }
  Status AddChanges(const PlanContext& context, Plan& plan) override;
};

// "service_control_policy.foyer-<key>"
std::string GuardrailAddress(std::string_view key);

}  // namespace foyer::org

#endif  // FOYER_ORG_GUARDRAIL_FAMILY_H_
