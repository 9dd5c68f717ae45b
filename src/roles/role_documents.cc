#include "roles/role_documents.h"

#include <fmt/format.h>

namespace foyer::roles {
namespace {

using nlohmann::json;

constexpr char kPolicyVersion[] = "2012-10-17";
// The audience of SAML assertions meant for AWS sign-in.
constexpr char kSamlAudience[] = "https://signin.aws.amazon.com/saml";

json Document(json statements) {
  return json{{"Version", kPolicyVersion}, {"Statement", std::move(statements)}};
}

std::vector<std::string> LandingRoleArns(const AdminAccount& admin,
                                         const std::vector<std::string>& groups) {
  std::vector<std::string> arns;
  for (const std::string& group : groups) arns.push_back(RoleArn(admin.partition, admin.id, group));
  return arns;
}

const spec::Group* FindGroup(const spec::Spec& spec, const std::string& name) {
  for (const spec::Group& group : spec.groups) {
    if (group.name.value == name) return &group;
  }
  return nullptr;
}

json OidcStatement(const spec::OidcIdentity& oidc, const spec::Group& group,
                   const AdminAccount& admin) {
  std::string host = OidcProviderHost(oidc.issuer.value);
  json equals = {{host + ":aud", oidc.client_id.value}};
  json actions = json::array({"sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity"});
  json condition = json::object();
  if (oidc.group_match.value == spec::GroupMatch::kSubject) {
    equals[host + ":sub"] = group.members.Values();
  } else {
    actions.push_back("sts:TagSession");
    condition["StringLike"] = {
        {fmt::format("aws:RequestTag/{}", kGroupsSessionTag), fmt::format("*:{}:*", group.name.value)}};
  }
  condition["StringEquals"] = equals;
  return json{{"Sid", "OidcLogin"},
              {"Effect", "Allow"},
              {"Principal", {{"Federated", OidcProviderArn(admin.partition, admin.id, oidc.issuer.value)}}},
              {"Action", actions},
              {"Condition", condition}};
}

json SamlStatement(const spec::SamlIdentity& saml, const AdminAccount& admin) {
  return json{
      {"Sid", "SamlLogin"},
      {"Effect", "Allow"},
      {"Principal",
       {{"Federated", SamlProviderArn(admin.partition, admin.id, saml.provider_name.value)}}},
      {"Action", {"sts:AssumeRoleWithSAML", "sts:SetSourceIdentity"}},
      {"Condition", {{"StringEquals", {{"SAML:aud", kSamlAudience}}}}}};
}

// The IAM users of `group`, as ARNs; empty when it has none.
std::vector<std::string> GroupUserArns(const spec::Spec& spec, const std::string& group,
                                       const AdminAccount& admin) {
  std::vector<std::string> arns;
  for (const spec::IamUser& user : spec.identity.iam_users) {
    if (user.groups.Contains(group)) arns.push_back(UserArn(admin.partition, admin.id, user.name.value));
  }
  return arns;
}

// The user's own name is its source identity: CloudTrail then names the
// person in every account the session moves on to.
json IamUserStatement(const std::vector<std::string>& user_arns) {
  return json{{"Sid", "IamUserLogin"},
              {"Effect", "Allow"},
              {"Principal", {{"AWS", user_arns}}},
              {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}},
              {"Condition",
               {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}},
                {"StringEquals", {{"sts:SourceIdentity", "${aws:username}"}}}}}};
}

// The admin account as principal, narrowed by aws:PrincipalArn to the
// reserved role of the group's permission set (its name ends in a suffix
// Identity Center picks, and its path may carry a region).
json IdentityCenterStatement(const std::string& group, const AdminAccount& admin) {
  std::string reserved_role = fmt::format(
      "arn:{}:iam::{}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_{}_*", admin.partition,
      admin.id, PermissionSetName(group));
  return json{{"Sid", "IdentityCenterLogin"},
              {"Effect", "Allow"},
              {"Principal", {{"AWS", fmt::format("arn:{}:iam::{}:root", admin.partition, admin.id)}}},
              {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}},
              {"Condition", {{"ArnLike", {{"aws:PrincipalArn", reserved_role}}}}}};
}

// IAM refuses a trust policy without statements; this one admits nobody.
json NobodyStatement(const AdminAccount& admin) {
  return json{{"Sid", "NoEntryMethod"},
              {"Effect", "Deny"},
              {"Principal", {{"AWS", fmt::format("arn:{}:iam::{}:root", admin.partition, admin.id)}}},
              {"Action", "sts:AssumeRole"}};
}

}  // namespace

std::string RoleArn(std::string_view partition, std::string_view account_id, std::string_view role) {
  return fmt::format("arn:{}:iam::{}:role{}{}", partition, account_id, kRolePath, role);
}

std::string UserArn(std::string_view partition, std::string_view account_id, std::string_view user) {
  return fmt::format("arn:{}:iam::{}:user/{}", partition, account_id, user);
}

std::string OidcProviderHost(std::string_view issuer) {
  std::string_view host = issuer;
  size_t scheme = host.find("://");
  if (scheme != std::string_view::npos) host.remove_prefix(scheme + 3);
  while (!host.empty() && host.back() == '/') host.remove_suffix(1);
  return std::string(host);
}

std::string OidcProviderArn(std::string_view partition, std::string_view admin_id,
                            std::string_view issuer) {
  return fmt::format("arn:{}:iam::{}:oidc-provider/{}", partition, admin_id, OidcProviderHost(issuer));
}

std::string SamlProviderArn(std::string_view partition, std::string_view admin_id,
                            std::string_view provider_name) {
  return fmt::format("arn:{}:iam::{}:saml-provider/{}", partition, admin_id, provider_name);
}

std::string PermissionSetName(std::string_view group) { return "foyer-" + std::string(group); }

json LandingTrustPolicy(const spec::Spec& spec, const std::string& group_name,
                        const AdminAccount& admin) {
  const spec::Group* group = FindGroup(spec, group_name);
  json statements = json::array();
  if (spec.identity.oidc && group != nullptr) {
    statements.push_back(OidcStatement(*spec.identity.oidc, *group, admin));
  }
  if (spec.identity.saml) statements.push_back(SamlStatement(*spec.identity.saml, admin));
  std::vector<std::string> users = GroupUserArns(spec, group_name, admin);
  if (!users.empty()) statements.push_back(IamUserStatement(users));
  if (spec.identity.identity_center) statements.push_back(IdentityCenterStatement(group_name, admin));
  if (statements.empty()) statements.push_back(NobodyStatement(admin));
  return Document(std::move(statements));
}

json LandingIdentityPolicy(std::string_view partition, std::string_view organization_id) {
  return Document(json::array(
      {{{"Sid", "MoveOnToFoyerRoles"},
        {"Effect", "Allow"},
        {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"}},
        {"Resource", fmt::format("arn:{}:iam::*:role{}*", partition, kRolePath)},
        {"Condition", {{"StringEquals", {{"aws:ResourceOrgID", organization_id}}}}}}}));
}

json TargetTrustPolicy(const AdminAccount& admin, const std::vector<std::string>& trusted_groups) {
  return Document(json::array({{{"Sid", "FoyerLandingRoles"},
                                {"Effect", "Allow"},
                                {"Principal", {{"AWS", LandingRoleArns(admin, trusted_groups)}}},
                                {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"}}}}));
}

json AuditorDenyPolicy(bool is_audit_account) {
  json actions = {"dynamodb:BatchGetItem",
                  "dynamodb:GetItem",
                  "dynamodb:GetRecords",
                  "dynamodb:Query",
                  "dynamodb:Scan",
                  "ecr:BatchGetImage",
                  "ecr:GetDownloadUrlForLayer",
                  "lambda:GetFunction",
                  "lambda:GetLayerVersion",
                  "s3:GetObject",
                  "s3:GetObjectTorrent",
                  "s3:GetObjectVersion",
                  "secretsmanager:GetSecretValue",
                  "sqs:ReceiveMessage",
                  "ssm:GetParameter",
                  "ssm:GetParameterHistory",
                  "ssm:GetParameters",
                  "ssm:GetParametersByPath"};
  if (!is_audit_account) {
    for (const char* action : {"logs:FilterLogEvents", "logs:GetLogEvents", "logs:GetLogRecord",
                               "logs:GetQueryResults", "logs:StartQuery"}) {
      actions.push_back(action);
    }
  }
  return Document(json::array(
      {{{"Sid", "DenyDataReads"}, {"Effect", "Deny"}, {"Action", actions}, {"Resource", "*"}}}));
}

json OrganizationReaderPolicy() {
  return Document(json::array({{{"Sid", "ReadOrganization"},
                                {"Effect", "Allow"},
                                {"Action",
                                 {"organizations:DescribeAccount", "organizations:DescribeOrganization",
                                  "organizations:DescribeOrganizationalUnit",
                                  "organizations:ListAccounts", "organizations:ListAccountsForParent",
                                  "organizations:ListChildren",
                                  "organizations:ListOrganizationalUnitsForParent",
                                  "organizations:ListParents", "organizations:ListRoots",
                                  "organizations:ListTagsForResource"}},
                                {"Resource", "*"}}}));
}

json IamUserPolicy(const AdminAccount& admin, std::string_view user,
                   const std::vector<std::string>& groups) {
  json self_service = {"iam:CreateAccessKey",      "iam:CreateVirtualMFADevice", "iam:DeleteAccessKey",
                       "iam:EnableMFADevice",      "iam:GetUser",                "iam:ListAccessKeys",
                       "iam:ListMFADevices",       "iam:ResyncMFADevice",        "iam:UpdateAccessKey"};
  json own_resources = {UserArn(admin.partition, admin.id, user),
                        fmt::format("arn:{}:iam::{}:mfa/{}", admin.partition, admin.id, user)};
  json not_without_mfa = self_service;
  not_without_mfa.push_back("sts:GetSessionToken");
  return Document(json::array(
      {{{"Sid", "ManageOwnMfaAndKeys"},
        {"Effect", "Allow"},
        {"Action", self_service},
        {"Resource", own_resources}},
       {{"Sid", "DenyEverythingElseWithoutMfa"},
        {"Effect", "Deny"},
        {"NotAction", not_without_mfa},
        {"Resource", "*"},
        {"Condition", {{"BoolIfExists", {{"aws:MultiFactorAuthPresent", "false"}}}}}},
       {{"Sid", "AssumeLandingRolesWithMfa"},
        {"Effect", "Allow"},
        {"Action", {"sts:AssumeRole", "sts:SetSourceIdentity"}},
        {"Resource", LandingRoleArns(admin, groups)},
        {"Condition", {{"Bool", {{"aws:MultiFactorAuthPresent", "true"}}}}}}}));
}

json RevocationPolicy(SystemTime cutoff) {
  return Document(json::array(
      {{{"Sid", "RevokeOlderSessions"},
        {"Effect", "Deny"},
        {"Action", "*"},
        {"Resource", "*"},
        {"Condition", {{"DateLessThan", {{"aws:TokenIssueTime", FormatRfc3339(cutoff)}}}}}}}));
}

std::optional<SystemTime> RevocationCutoff(const json& document) {
  const json* statements = document.is_object() && document.contains("Statement")
                               ? &document["Statement"] : nullptr;
  if (statements == nullptr) return std::nullopt;
  const json& statement = statements->is_array() && statements->size() == 1 ? (*statements)[0] : *statements;
  const json::json_pointer where("/Condition/DateLessThan/aws:TokenIssueTime");
  if (!statement.is_object() || !statement.contains(where)) return std::nullopt;
  const json& value = statement[where];
  const json& text = value.is_array() && value.size() == 1 ? value[0] : value;
  if (!text.is_string()) return std::nullopt;
  Result<SystemTime> cutoff = ParseIso8601(text.get<std::string>());
  if (!cutoff.ok()) return std::nullopt;
  return *cutoff;
}

std::vector<std::string> BuiltinManagedPolicies(std::string_view partition, std::string_view role) {
  auto aws_policy = [&](std::string_view name) { return fmt::format("arn:{}:iam::aws:policy/{}", partition, name); };
  if (role == spec::kAdministratorRole || role == spec::kOrganizationAdministratorRole) {
    return {aws_policy("AdministratorAccess")};
  }
  if (role == spec::kAuditorRole) return {aws_policy("ReadOnlyAccess")};
  return {};
}

}  // namespace foyer::roles
