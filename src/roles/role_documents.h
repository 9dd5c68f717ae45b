// The policy documents of foyer's roles and users (DESIGN.md section 1).
//
// Every function here is pure: the same spec and ids give the same
// document, so the planner can compare it with what IAM holds and tests can
// assert it exactly. Documents are nlohmann::json values; IAM measures them
// as their compact text (see policy_size.h).
#ifndef FOYER_ROLES_ROLE_DOCUMENTS_H_
#define FOYER_ROLES_ROLE_DOCUMENTS_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/time_format.h"
#include "spec/spec.h"

namespace foyer::roles {

// Every foyer role lives at this path, which is how foyer finds its own
// roles again and how landing roles are allowed to move on.
inline constexpr std::string_view kRolePath = "/foyer/";

// Landing roles let a person work for a day; chained target sessions last
// an hour at most anyway (AWS's role-chaining limit).
inline constexpr int kLandingMaxSessionSeconds = 43200;
inline constexpr int kTargetMaxSessionSeconds = 3600;

// Names of the inline policies foyer puts on roles.
inline constexpr std::string_view kLandingPolicyName = "foyer-landing";
inline constexpr std::string_view kAuditorDenyPolicyName = "foyer-auditor-deny";
inline constexpr std::string_view kOrganizationReaderPolicyName = "foyer-organization-reader";
inline constexpr std::string_view kCustomPolicyName = "foyer-inline";
inline constexpr std::string_view kRevocationPolicyName = "foyer-revoke";
inline constexpr std::string_view kIamUserPolicyName = "foyer-mfa";

// The session tag an IdP sets to ":g1:g2:" for group_match = "tag".
inline constexpr std::string_view kGroupsSessionTag = "FoyerGroups";

// arn:<partition>:iam::<account>:role/foyer/<role>
std::string RoleArn(std::string_view partition, std::string_view account_id, std::string_view role);
// arn:<partition>:iam::<admin>:user/<name>
std::string UserArn(std::string_view partition, std::string_view account_id, std::string_view user);

// The issuer as IAM names its OIDC provider and the condition keys of
// tokens from it: the URL without its scheme and trailing slash
// ("idp.example.com/oauth2").
std::string OidcProviderHost(std::string_view issuer);
// arn:<partition>:iam::<admin>:oidc-provider/<host/path>
std::string OidcProviderArn(std::string_view partition, std::string_view admin_id,
                            std::string_view issuer);
// arn:<partition>:iam::<admin>:saml-provider/<name>
std::string SamlProviderArn(std::string_view partition, std::string_view admin_id,
                            std::string_view provider_name);
// The Identity Center permission set of `group`, "foyer-<group>" (the name
// login::PermissionSetNameFor asks for), so that its reserved role is
// AWSReservedSSO_foyer-<group>_<suffix>.
std::string PermissionSetName(std::string_view group);

// Where the landing roles are: the admin account's id and partition.
struct AdminAccount {
  std::string partition = "aws";
  std::string id;
};

// The trust policy of the landing role of `group`: one statement per entry
// method the spec configures (OIDC, SAML, the group's IAM users, Identity
// Center), each allowing sts:SetSourceIdentity too. A group no method can
// reach gets a trust policy with no statement allowing anyone.
// REQUIRES: `spec` passed validation and declares `group`.
nlohmann::json LandingTrustPolicy(const spec::Spec& spec, const std::string& group,
                                  const AdminAccount& admin);

// The identity policy of every landing role: move on to foyer roles of
// this organization (`organization_id`, o-...) and nothing else.
nlohmann::json LandingIdentityPolicy(std::string_view partition, std::string_view organization_id);

// The trust policy of a target role: exactly the landing roles of
// `trusted_groups`, with AssumeRole, SetSourceIdentity and TagSession.
nlohmann::json TargetTrustPolicy(const AdminAccount& admin,
                                 const std::vector<std::string>& trusted_groups);

// The Auditor's deny of data reads on top of ReadOnlyAccess: S3 objects,
// DynamoDB items, secrets, SSM parameters, SQS messages, Lambda code, ECR
// layers, and log events except in the audit account, whose Auditor reads
// the organization's logs.
nlohmann::json AuditorDenyPolicy(bool is_audit_account);

// OrganizationReader's rights: list and describe accounts, OUs and tags.
nlohmann::json OrganizationReaderPolicy();

// The inline policy of IAM user `user`: nothing without MFA except
// managing its own MFA device and access keys; with MFA, assume the landing
// roles of `groups`.
nlohmann::json IamUserPolicy(const AdminAccount& admin, std::string_view user,
                             const std::vector<std::string>& groups);

// Denies everything to sessions issued before `cutoff` (aws:TokenIssueTime).
nlohmann::json RevocationPolicy(SystemTime cutoff);
// The cutoff of a revocation policy foyer wrote; nullopt for anything else.
std::optional<SystemTime> RevocationCutoff(const nlohmann::json& document);

// The AWS managed policies foyer attaches to the built-in roles.
std::vector<std::string> BuiltinManagedPolicies(std::string_view partition, std::string_view role);

}  // namespace foyer::roles

#endif  // FOYER_ROLES_ROLE_DOCUMENTS_H_
