// Spec: the desired state of an organization, as written in foyer.toml.
//
// One struct per table of the file (DESIGN.md section 2; every key is
// documented in docs/foyer-toml.md). Values that a check may complain about
// carry the position where they were written, so that every error can name
// file:line:col. Defaults are filled in by the parser: a Spec never has to be
// interpreted further to know, say, which environments a domain spans.
//
// A Spec returned by the parser is only structurally sound; see
// spec_validation.h for the checks that make it meaningful.
#ifndef FOYER_SPEC_SPEC_H_
#define FOYER_SPEC_SPEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spec/diagnostic.h"

namespace foyer::spec {

// A value and where it was written. Defaults carry the position of the
// table they were defaulted in.
template <typename T>
struct Located {
  T value{};
  SourcePosition at;
};
using LocatedString = Located<std::string>;

// A list of names (`["development", "production"]`) with the position of
// the list itself, for errors about the list as a whole.
struct NameList {
  std::vector<LocatedString> items;
  SourcePosition at;

  bool Contains(std::string_view name) const;
  std::vector<std::string> Values() const;
};

// [organization]
struct Organization {
  SourcePosition at;
  // 12 digits; foyer refuses to act on any other organization.
  LocatedString management_account_id;
  // Root email of every account foyer creates, with `{account}` standing for
  // the account name in its local part: "aws+{account}@example.com".
  LocatedString email;
  // At least two (rule S5); the first is the default region.
  NameList regions;
  NameList environments;
  // Defaults to ["default"]. With a single quality, account names omit it.
  NameList qualities;
};

// [accounts]: the special accounts, by name.
struct SpecialAccounts {
  SourcePosition at;
  LocatedString admin;                   // required: where people land
  std::optional<LocatedString> audit;    // organization trail; none when omitted
  std::optional<LocatedString> deploy;   // Terraform state; none when omitted
};

// [[domain]]: one service account per domain x environment x quality.
struct Domain {
  LocatedString name;
  NameList environments;  // defaults to all of the organization's
  NameList qualities;     // defaults to all of the organization's
};

// `in = { ... }` on a role or a grant. Axes that are not written are absent;
// see org/selector.h for what a selector picks.
struct Selector {
  SourcePosition at;
  std::optional<NameList> domains;
  std::optional<NameList> environments;
  std::optional<NameList> qualities;
  std::optional<NameList> accounts;
};

// [[role]]: a custom target role. The built-in roles are not declared.
struct Role {
  LocatedString name;
  std::optional<Selector> in;  // absent: every account except management
  NameList managed_policies;   // policy ARNs
  // Inline policy, a path relative to the spec file's folder.
  std::optional<LocatedString> policy_file;
  // The text of policy_file, filled by LoadReferencedFiles (spec_loader.h).
  std::string policy_document;
  Located<int64_t> max_session_duration{3600, {}};  // seconds, 3600..43200
};

// One entry of a group's `grants`.
struct Grant {
  SourcePosition at;
  LocatedString role;
  std::optional<Selector> in;  // absent: wherever the role exists
};

// [[group]]: a set of people with one landing role in the admin account.
struct Group {
  LocatedString name;
  // IdP subjects, matched only with [identity.oidc] group_match = "subject".
  NameList members;
  std::vector<Grant> grants;
};

// How an OIDC login proves group membership (DESIGN.md section 1).
enum class GroupMatch { kTag, kSubject };

// [identity.oidc]
struct OidcIdentity {
  SourcePosition at;
  LocatedString issuer;     // https URL; plain http only on a loopback host
  LocatedString client_id;  // also the audience of the ID token
  Located<GroupMatch> group_match{GroupMatch::kTag, {}};
  NameList scopes;          // defaults to ["openid"]
};

// [identity.saml]
struct SamlIdentity {
  SourcePosition at;
  LocatedString metadata_file;  // the IdP's metadata XML, relative to the spec
  std::string metadata_document;  // filled by LoadReferencedFiles
  LocatedString provider_name;  // the IAM SAML provider's name, default "foyer"
};

// One entry of [identity.iam_users]: `alice = { groups = ["sre"] }`.
struct IamUser {
  LocatedString name;
  NameList groups;
};

// [identity.identity_center]
struct IdentityCenterIdentity {
  SourcePosition at;
  LocatedString region;                    // where the instance lives
  std::optional<LocatedString> start_url;  // the AWS access portal URL
};

// [identity]: the ways into the admin account; any combination.
struct Identity {
  std::optional<OidcIdentity> oidc;
  std::optional<SamlIdentity> saml;
  std::vector<IamUser> iam_users;
  std::optional<IdentityCenterIdentity> identity_center;
};

// [guardrails]: service control policies, all on unless turned off.
struct Guardrails {
  bool deny_leave_organization = true;
  bool protect_audit_trail = true;
  bool deny_iam_users_outside_admin = true;
  bool deny_root_user = true;
  bool neuter_organization_account_access_role = true;
};

// Where a [[ci]] pipeline runs, which fixes the OIDC issuer and the shape
// of its token's subject.
enum class CiProvider { kGithub, kGitlab };

// The name prefix of the CI deploy roles, foyer/ci-<name>: reserved for
// [[ci]] pipelines, so that no [[role]] shares a name with one and the
// roles family leaves them to the CI family.
inline constexpr std::string_view kCiRolePrefix = "ci-";

// [[ci]]: a CI pipeline that deploys with Terraform. In each account its
// selector picks, foyer creates the provider's IAM OIDC identity provider
// and the role foyer/ci-<name>, trusted only for tokens of `repository` on
// `branch`.
struct CiIdentity {
  LocatedString name;
  Located<CiProvider> provider{CiProvider::kGithub, {}};
  LocatedString repository;  // "acme/payments": GitHub owner/repo, GitLab project path
  LocatedString branch;      // "main"
  std::optional<Selector> in;  // absent: every service account
  // Attached to the role; defaults to AdministratorAccess, since Terraform
  // manages whatever the account holds.
  NameList managed_policies;
};

// [terraform]: what `foyer terraform generate` writes.
struct TerraformSettings {
  // use_lockfile (S3-native state locking) needs Terraform 1.10.
  LocatedString required_version{">= 1.10", {}};      // terraform { required_version }
  LocatedString aws_provider_version{">= 5.0", {}};   // hashicorp/aws version constraint
  LocatedString role{"Administrator", {}};            // the role Terraform assumes per account
};

struct Spec {
  std::string source_file;  // as named on the command line, for diagnostics
  Organization organization;
  SpecialAccounts accounts;
  std::vector<Domain> domains;
  std::vector<Role> roles;
  std::vector<Group> groups;
  Identity identity;
  Guardrails guardrails;
  TerraformSettings terraform;
  std::vector<CiIdentity> ci;
};

// The roles every organization has without declaring them (DESIGN.md
// section 1). Administrator and Auditor live in every account except
// management; OrganizationAdministrator and OrganizationReader live in
// management only, the latter granted to every group implicitly.
inline constexpr std::string_view kAdministratorRole = "Administrator";
inline constexpr std::string_view kAuditorRole = "Auditor";
inline constexpr std::string_view kOrganizationAdministratorRole = "OrganizationAdministrator";
inline constexpr std::string_view kOrganizationReaderRole = "OrganizationReader";

std::vector<std::string> BuiltinRoleNames();
bool IsBuiltinRole(std::string_view name);
// True for the two built-in roles that exist only in the management account.
bool IsManagementRole(std::string_view name);

// Every role name a grant may use: the built-ins, then the spec's roles.
std::vector<std::string> KnownRoleNames(const Spec& spec);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_SPEC_H_
