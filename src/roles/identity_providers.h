// The IAM identity providers of the admin account that landing roles
// trust: the OIDC provider of [identity.oidc] (its issuer and client id;
// IAM fetches the issuer's certificate thumbprint itself when none is
// given) and the SAML provider of [identity.saml] (its metadata).
#ifndef FOYER_ROLES_IDENTITY_PROVIDERS_H_
#define FOYER_ROLES_IDENTITY_PROVIDERS_H_

#include <memory>
#include <optional>
#include <string>

#include "aws/iam.h"
#include "org/plan.h"
#include "roles/apply_inputs.h"

namespace foyer::roles {

// Plan addresses, for the landing roles' dependencies.
std::string OidcProviderAddress(const std::string& admin_account);
std::string SamlProviderAddress(const std::string& admin_account);

// Appends the changes that make the admin account's providers match the
// spec. `iam` reads the admin account; null when it does not exist yet.
// `admin_id` is its id ("" when it does not exist).
//
// A provider tagged foyer:managed = true that the spec no longer names
// (its section removed, the issuer or provider name changed) is deleted
// with `allow_delete`, else named in a note; an untagged one, made by
// someone else, is never touched. The CI family's providers never live in
// the admin account (no [[ci]] pipeline may), so they are not these.
Status AddIdentityProviderChanges(aws::IamClient* iam, const std::string& admin_id, bool allow_delete,
                                  const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_IDENTITY_PROVIDERS_H_
