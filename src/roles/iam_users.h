// The IAM users of [identity.iam_users], in the admin account and nowhere
// else (rule S7): created and tagged foyer:managed, each with the inline
// policy that makes MFA necessary for everything (role_documents.h).
//
// A user foyer made that the spec no longer lists loses its access keys
// at once (deactivated: nothing is lost that cannot be undone); deleting
// it needs --allow-delete.
#ifndef FOYER_ROLES_IAM_USERS_H_
#define FOYER_ROLES_IAM_USERS_H_

#include <memory>
#include <string>

#include "aws/iam.h"
#include "org/plan.h"
#include "roles/apply_inputs.h"
#include "roles/live_roles.h"

namespace foyer::roles {

std::string IamUserAddress(const std::string& admin_account, const std::string& user);

// Appends the user changes of the admin account. `iam` reads it (null when
// it does not exist yet, `live` then empty); `ids` name the landing roles.
Status AddIamUserChanges(aws::IamClient* iam, const LiveAccountIam& live, const DocumentIds& ids,
                         bool allow_delete, const std::shared_ptr<const ApplyInputs>& inputs,
                         org::Plan& plan);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_IAM_USERS_H_
