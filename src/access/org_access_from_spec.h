// `foyer configure --from foyer.toml`: what the organization's spec tells
// a person's client configuration.
#ifndef FOYER_ACCESS_ORG_ACCESS_FROM_SPEC_H_
#define FOYER_ACCESS_ORG_ACCESS_FROM_SPEC_H_

#include <optional>

#include "login/client_config.h"
#include "org/org_validation.h"
#include "store/inventory_cache.h"

namespace foyer::access {

// Sets in `org` the management account id, the regions, the OIDC settings
// (when the spec has [identity.oidc]; the method too when the configured
// one has no settings), the grants of every group (granted_roles.h), and
// the admin account's id when `inventory` (of that management account)
// holds the account tagged foyer:kind = admin. Everything else is kept.
void ApplySpec(const org::CheckedSpec& checked, const std::optional<store::Inventory>& inventory,
               login::OrgAccess& org);

// Reads and validates the spec at `path`, reads the cached inventory of its
// management account if there is one, and applies both to `org`. Errors
// list what is wrong with the spec.
Status ApplySpecFile(const std::string& path, login::OrgAccess& org);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_ORG_ACCESS_FROM_SPEC_H_
