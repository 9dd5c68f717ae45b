// What a [[ci]] pipeline needs in an account: the CI provider's IAM OIDC
// identity provider and the role foyer/ci-<name>, whose trust policy lets
// in only tokens of that provider, for its audience, from exactly the named
// repository and branch (StringEquals, never a wildcard).
#ifndef FOYER_TERRAFORM_CI_IDENTITY_H_
#define FOYER_TERRAFORM_CI_IDENTITY_H_

#include <string>

#include <nlohmann/json.hpp>

#include "org/naming.h"
#include "spec/spec.h"

namespace foyer::terraform {

struct CiOidcProvider {
  std::string url;       // "https://token.actions.githubusercontent.com"
  std::string host;      // the URL without scheme: the IAM provider's ARN suffix and condition prefix
  std::string audience;  // the `aud` its tokens carry for AWS
};

// GitHub Actions: token.actions.githubusercontent.com, audience
// sts.amazonaws.com. GitLab.com: gitlab.com, audience https://gitlab.com.
CiOidcProvider OidcProviderFor(spec::CiProvider provider);

// Whether `ci` has its provider and role in `account`: the accounts its
// selector picks (every service account without one), never admin.
bool PipelinePicks(const spec::CiIdentity& ci, const org::DesiredAccount& account);

// "ci-<name>", at path /foyer/.
std::string CiRoleName(const spec::CiIdentity& ci);

// The token subject the trust requires: GitHub
// "repo:<repository>:ref:refs/heads/<branch>", GitLab
// "project_path:<repository>:ref_type:branch:ref:<branch>".
std::string CiSubject(const spec::CiIdentity& ci);

// The role's trust policy in `account_id`: Federated =
// arn:<partition>:iam::<account_id>:oidc-provider/<host>,
// sts:AssumeRoleWithWebIdentity, StringEquals on <host>:aud and <host>:sub.
nlohmann::json CiTrustPolicy(const spec::CiIdentity& ci, const std::string& account_id, const std::string& partition);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_CI_IDENTITY_H_
