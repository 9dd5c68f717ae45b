// What [[ci]] pipelines leave behind when they leave the spec, or when
// their selector stops picking an account: the deploy role foyer/ci-<name>
// and, once no pipeline of that CI provider is left in the account, the
// provider's IAM OIDC identity provider.
//
// Only what foyer made is touched: roles at /foyer/ named ci-<name> and
// providers of the CI issuers (GitHub Actions, GitLab.com), each tagged
// foyer:managed = true. A provider or role made by hand is never deleted.
// The admin account is never read: no pipeline may live there (rule S4),
// and the only OIDC provider foyer keeps there is the landing roles' one of
// [identity.oidc], which belongs to the roles family. So the two families
// never claim the same provider, although both tag theirs foyer:managed.
//
// Deletions are planned only with --allow-delete; otherwise each is a plan
// note saying what would be deleted and how to allow it.
#ifndef FOYER_TERRAFORM_CI_REMOVAL_H_
#define FOYER_TERRAFORM_CI_REMOVAL_H_

#include "org/resource_family.h"

namespace foyer::terraform {

// Reads every live account but admin (ListOpenIDConnectProviders; where a
// pipeline is or a CI provider foyer made is left over, ListRoles at
// /foyer/; GetOpenIDConnectProvider / GetRole of each candidate for its
// tags) and appends the deletions, or the notes. A role whose provider was
// deleted by hand in an account no pipeline picks is not found: it trusts
// a provider that no longer exists, so nobody can use it.
Status AddCiRemovals(const org::PlanContext& context, org::Plan& plan);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_CI_REMOVAL_H_
