#include "terraform/ci_identity.h"

#include "org/selector.h"

namespace foyer::terraform {

CiOidcProvider OidcProviderFor(spec::CiProvider provider) {
  if (provider == spec::CiProvider::kGitlab) return {"https://gitlab.com", "gitlab.com", "https://gitlab.com"};
  return {"https://token.actions.githubusercontent.com", "token.actions.githubusercontent.com", "sts.amazonaws.com"};
}

bool PipelinePicks(const spec::CiIdentity& ci, const org::DesiredAccount& account) {
  if (account.kind == org::AccountKind::kAdmin) return false;  // rule S4, also refused by validation
  if (!ci.in) return account.kind == org::AccountKind::kService;
  return org::Picks(ci.in, account);
}

std::string CiRoleName(const spec::CiIdentity& ci) { return std::string(spec::kCiRolePrefix) + ci.name.value; }

std::string CiSubject(const spec::CiIdentity& ci) {
  if (ci.provider.value == spec::CiProvider::kGitlab) {
    return "project_path:" + ci.repository.value + ":ref_type:branch:ref:" + ci.branch.value;
  }
  return "repo:" + ci.repository.value + ":ref:refs/heads/" + ci.branch.value;
}

nlohmann::json CiTrustPolicy(const spec::CiIdentity& ci, const std::string& account_id, const std::string& partition) {
  const CiOidcProvider provider = OidcProviderFor(ci.provider.value);
  const std::string federated = "arn:" + partition + ":iam::" + account_id + ":oidc-provider/" + provider.host;
  return {{"Version", "2012-10-17"},
          {"Statement",
           {{{"Effect", "Allow"},
             {"Principal", {{"Federated", federated}}},
             {"Action", "sts:AssumeRoleWithWebIdentity"},
             {"Condition",
              {{"StringEquals", {{provider.host + ":aud", provider.audience}, {provider.host + ":sub", CiSubject(ci)}}}}}}}}};
}

}  // namespace foyer::terraform
