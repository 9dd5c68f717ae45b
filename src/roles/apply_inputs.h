// What the apply functions of the roles family share: the spec they were
// planned from, so that they can compute documents again with the real ids
// of accounts and organization made during the same apply.
#ifndef FOYER_ROLES_APPLY_INPUTS_H_
#define FOYER_ROLES_APPLY_INPUTS_H_

#include <functional>
#include <string>
#include <vector>

#include "aws/iam.h"
#include "base/result.h"
#include "org/naming.h"
#include "org/resource_family.h"
#include "roles/desired_roles.h"
#include "spec/spec.h"

namespace foyer::roles {

struct ApplyInputs {
  spec::Spec spec;
  std::vector<org::DesiredAccount> accounts;
  std::string partition = "aws";
  std::string region;  // IAM is global; any region of the organization
};

// The ids documents name, as they are now (after earlier changes of this
// apply may have made the admin account or the organization).
Result<DocumentIds> RealIds(org::ApplyContext& context, const ApplyInputs& inputs);

// An IAM client acting inside account `account` (a name).
Result<aws::IamClient> IamIn(org::ApplyContext& context, const ApplyInputs& inputs,
                             const std::string& account);

// Runs one mutating IAM call through the journal. An error whose code is
// `tolerated` counts as success: the call already happened (a rerun after
// a crash) or has nothing left to do.
Status JournaledCall(org::ApplyContext& context, const std::string& operation,
                     const std::string& target, const std::function<Status()>& call,
                     const std::string& tolerated = "");

// "development/foyer/Administrator": how plans and errors name a role.
std::string RoleLabel(const std::string& account, const std::string& role);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_APPLY_INPUTS_H_
