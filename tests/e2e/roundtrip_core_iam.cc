// The IAM scenario of foyer_roundtrip_core: every IamClient operation, on
// objects named rt-*, then reads of what boto3 made (names on stdin).
#include <string>
#include <vector>

#include "aws/iam.h"
#include "roundtrip_core.h"

namespace foyer::aws {
namespace {

constexpr char kTrustV1[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/foyer/sre"},"Action":"sts:AssumeRole"}]})";
constexpr char kTrustV2[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/foyer/engineers"},"Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]})";
// The '%' makes a naive decoder of raw documents corrupt it.
constexpr char kInline[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:userid":"%41*"}}}]})";
constexpr char kManagedV1[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]})";
constexpr char kManagedV2[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]})";

json Document(const std::string& text) { return json::parse(text, nullptr, false); }

json RoleJson(const IamRole& role) {
  return {{"path", role.path},
          {"role_name", role.role_name},
          {"role_id", role.role_id},
          {"arn", role.arn},
          {"assume_role_policy_document", json::parse(role.assume_role_policy_document, nullptr, false)},
          {"description", role.description},
          {"max_session_duration", role.max_session_duration.value_or(0)},
          {"permissions_boundary_arn", role.permissions_boundary_arn},
          {"tags", Tags(role.tags)},
          {"create_date", Time(role.create_date)}};
}

json UserJson(const IamUser& user) {
  return {{"path", user.path},   {"user_name", user.user_name}, {"user_id", user.user_id},
          {"arn", user.arn},     {"tags", Tags(user.tags)},     {"create_date", Time(user.create_date)}};
}

json PolicyJson(const ManagedPolicy& policy) {
  return {{"policy_name", policy.policy_name},
          {"policy_id", policy.policy_id},
          {"arn", policy.arn},
          {"path", policy.path},
          {"default_version_id", policy.default_version_id},
          {"description", policy.description},
          {"attachment_count", policy.attachment_count},
          {"is_attachable", policy.is_attachable}};
}

json Roles(IamClient& iam) {
  CreateRoleRequest request;
  request.role_name = "rt-admin";
  request.path = "/foyer/";
  request.assume_role_policy_document = kTrustV1;
  request.description = "admins";
  request.max_session_duration = 7200;
  request.tags = {{"team", "sre"}, {"foyer:managed", "true"}};
  json out;
  out["created"] = RoleJson(Must(iam.CreateRole(request), "CreateRole"));
  UpdateRoleRequest update;
  update.role_name = "rt-admin";
  update.description = "updated";
  update.max_session_duration = 3600;
  Must(iam.UpdateRole(update), "UpdateRole");
  Must(iam.UpdateAssumeRolePolicy("rt-admin", kTrustV2), "UpdateAssumeRolePolicy");
  Must(iam.TagRole("rt-admin", {{"extra", "1"}}), "TagRole");
  Must(iam.UntagRole("rt-admin", {"team"}), "UntagRole");
  out["tags"] = Tags(Must(iam.ListRoleTags("rt-admin"), "ListRoleTags"));
  Must(iam.PutRolePolicy("rt-admin", {"inline", kInline}), "PutRolePolicy");
  Must(iam.PutRolePolicy("rt-admin", {"inline-temp", kManagedV1}), "PutRolePolicy temp");
  Must(iam.DeleteRolePolicy("rt-admin", "inline-temp"), "DeleteRolePolicy");
  InlinePolicy inline_policy = Must(iam.GetRolePolicy("rt-admin", "inline"), "GetRolePolicy");
  out["inline_policy"] = {{"name", inline_policy.policy_name}, {"document", Document(inline_policy.policy_document)}};
  out["inline_policy_names"] = Must(iam.ListRolePolicies("rt-admin"), "ListRolePolicies");
  out["role"] = RoleJson(Must(iam.GetRole("rt-admin"), "GetRole"));
  json listed = json::array();
  for (const IamRole& role : Must(iam.ListRoles("/foyer/"), "ListRoles")) listed.push_back(RoleJson(role));
  out["listed"] = listed;
  request.role_name = "rt-temp";
  request.tags.clear();
  Must(iam.CreateRole(request), "CreateRole temp");
  Must(iam.DeleteRole("rt-temp"), "DeleteRole");
  return out;
}

json Versions(IamClient& iam, const std::string& arn) {
  json versions = json::array();
  for (const PolicyVersion& version : Must(iam.ListPolicyVersions(arn), "ListPolicyVersions")) {
    versions.push_back({{"version_id", version.version_id}, {"is_default", version.is_default_version}});
  }
  return versions;
}

json ManagedPolicies(IamClient& iam) {
  CreatePolicyRequest request;
  request.policy_name = "rt-managed";
  request.path = "/foyer/";
  request.policy_document = kManagedV1;
  request.description = "read objects";
  json out;
  ManagedPolicy policy = Must(iam.CreatePolicy(request), "CreatePolicy");
  out["created"] = PolicyJson(policy);
  PolicyVersion v2 = Must(iam.CreatePolicyVersion(policy.arn, kManagedV2, true), "CreatePolicyVersion");
  out["created_version"] = v2.version_id;
  PolicyVersion fetched = Must(iam.GetPolicyVersion(policy.arn, v2.version_id), "GetPolicyVersion");
  out["version_document"] = Document(fetched.document);
  out["versions_before_delete"] = Versions(iam, policy.arn);
  Must(iam.DeletePolicyVersion(policy.arn, "v1"), "DeletePolicyVersion");
  out["versions"] = Versions(iam, policy.arn);
  Must(iam.AttachRolePolicy("rt-admin", policy.arn), "AttachRolePolicy");
  out["policy"] = PolicyJson(Must(iam.GetPolicy(policy.arn), "GetPolicy"));
  json attached = json::array();
  for (const AttachedPolicy& each : Must(iam.ListAttachedRolePolicies("rt-admin"), "ListAttachedRolePolicies")) {
    attached.push_back({{"name", each.policy_name}, {"arn", each.policy_arn}});
  }
  out["attached"] = attached;
  request.policy_name = "rt-temp-policy";
  ManagedPolicy temp = Must(iam.CreatePolicy(request), "CreatePolicy temp");
  Must(iam.AttachRolePolicy("rt-admin", temp.arn), "AttachRolePolicy temp");
  Must(iam.DetachRolePolicy("rt-admin", temp.arn), "DetachRolePolicy");
  Must(iam.DeletePolicy(temp.arn), "DeletePolicy");
  out["temp_policy_arn"] = temp.arn;
  return out;
}

json Users(IamClient& iam) {
  CreateUserRequest request;
  request.user_name = "rt-alice";
  request.path = "/foyer/";
  request.tags = {{"team", "sre"}};
  json out;
  out["created"] = UserJson(Must(iam.CreateUser(request), "CreateUser"));
  Must(iam.PutUserPolicy("rt-alice", {"alice-inline", kManagedV1}), "PutUserPolicy");
  Must(iam.PutUserPolicy("rt-alice", {"alice-temp", kManagedV2}), "PutUserPolicy temp");
  Must(iam.DeleteUserPolicy("rt-alice", "alice-temp"), "DeleteUserPolicy");
  InlinePolicy policy = Must(iam.GetUserPolicy("rt-alice", "alice-inline"), "GetUserPolicy");
  out["inline_policy"] = {{"name", policy.policy_name}, {"document", Document(policy.policy_document)}};
  out["inline_policy_names"] = Must(iam.ListUserPolicies("rt-alice"), "ListUserPolicies");
  Must(iam.TagUser("rt-alice", {{"extra", "1"}}), "TagUser");
  Must(iam.UntagUser("rt-alice", {"team"}), "UntagUser");
  out["tags"] = Tags(Must(iam.ListUserTags("rt-alice"), "ListUserTags"));
  out["user"] = UserJson(Must(iam.GetUser("rt-alice"), "GetUser"));
  json listed = json::array();
  for (const IamUser& user : Must(iam.ListUsers("/foyer/"), "ListUsers")) listed.push_back(user.user_name);
  out["listed"] = listed;
  request.user_name = "rt-temp-user";
  request.tags.clear();
  Must(iam.CreateUser(request), "CreateUser temp");
  Must(iam.DeleteUser("rt-temp-user"), "DeleteUser");
  return out;
}

json KeyList(IamClient& iam, const std::string& user) {
  json keys = json::array();
  for (const AccessKey& key : Must(iam.ListAccessKeys(user), "ListAccessKeys")) {
    keys.push_back({{"access_key_id", key.access_key_id}, {"status", key.status}, {"user_name", key.user_name}});
  }
  return keys;
}

json AccessKeys(IamClient& iam) {
  AccessKey first = Must(iam.CreateAccessKey("rt-alice"), "CreateAccessKey");
  AccessKey second = Must(iam.CreateAccessKey("rt-alice"), "CreateAccessKey second");
  Must(iam.UpdateAccessKey("rt-alice", second.access_key_id, "Inactive"), "UpdateAccessKey");
  json out;
  out["created"] = {{"access_key_id", first.access_key_id},
                    {"status", first.status},
                    {"user_name", first.user_name},
                    {"has_secret", !first.secret_access_key.empty()}};
  out["listed_before_delete"] = KeyList(iam, "rt-alice");
  Must(iam.DeleteAccessKey("rt-alice", first.access_key_id), "DeleteAccessKey");
  out["listed"] = KeyList(iam, "rt-alice");
  AccessKeyLastUsed last_used = Must(iam.GetAccessKeyLastUsed(second.access_key_id), "GetAccessKeyLastUsed");
  out["last_used"] = {{"user_name", last_used.user_name}, {"service_name", last_used.service_name},
                      {"region", last_used.region}};
  out["deleted_key"] = first.access_key_id;
  out["inactive_key"] = second.access_key_id;
  return out;
}

json MfaDevices(IamClient& iam) {
  CreateUserRequest bob;
  bob.user_name = "rt-bob";
  Must(iam.CreateUser(bob), "CreateUser rt-bob");
  VirtualMfaDevice alice_device = Must(iam.CreateVirtualMfaDevice("rt-alice-mfa"), "CreateVirtualMFADevice");
  Must(iam.EnableMfaDevice("rt-alice", alice_device.serial_number, "123456", "654321"), "EnableMFADevice");
  VirtualMfaDevice bob_device = Must(iam.CreateVirtualMfaDevice("rt-bob-mfa", "/foyer/"), "CreateVirtualMFADevice bob");
  Must(iam.EnableMfaDevice("rt-bob", bob_device.serial_number, "111111", "222222"), "EnableMFADevice bob");
  Must(iam.DeactivateMfaDevice("rt-bob", bob_device.serial_number), "DeactivateMFADevice");
  Must(iam.DeleteVirtualMfaDevice(bob_device.serial_number), "DeleteVirtualMFADevice");
  json alice = json::array();
  for (const MfaDevice& device : Must(iam.ListMfaDevices("rt-alice"), "ListMFADevices")) {
    alice.push_back({{"user_name", device.user_name}, {"serial_number", device.serial_number}});
  }
  return {{"alice_serial", alice_device.serial_number},
          {"alice_seed_length", alice_device.base32_string_seed.size()},
          {"alice_devices", alice},
          {"bob_devices", Must(iam.ListMfaDevices("rt-bob"), "ListMFADevices bob").size()},
          {"bob_serial", bob_device.serial_number}};
}

json OidcProviders(IamClient& iam) {
  CreateOidcProviderRequest request;
  request.url = "https://idp.example.com";
  request.client_ids = {"foyer"};
  request.thumbprints = {std::string(40, 'a')};
  request.tags = {{"foyer:managed", "true"}};
  std::string arn = Must(iam.CreateOpenIdConnectProvider(request), "CreateOpenIDConnectProvider");
  // Moto lacks these two; what matters then is the error foyer reports.
  json add_client = Outcome(iam.AddClientIdToOpenIdConnectProvider(arn, "second"));
  json remove_client = Outcome(iam.RemoveClientIdFromOpenIdConnectProvider(arn, "foyer"));
  Must(iam.UpdateOpenIdConnectProviderThumbprint(arn, {std::string(40, 'b')}), "UpdateOpenIDConnectProviderThumbprint");
  OidcProvider provider = Must(iam.GetOpenIdConnectProvider(arn), "GetOpenIDConnectProvider");
  request.url = "https://temp.example.com";
  request.tags.clear();
  std::string temp = Must(iam.CreateOpenIdConnectProvider(request), "CreateOpenIDConnectProvider temp");
  Must(iam.DeleteOpenIdConnectProvider(temp), "DeleteOpenIDConnectProvider");
  return {{"arn", arn},
          {"url", provider.url},
          {"client_ids", provider.client_ids},
          {"thumbprints", provider.thumbprints},
          {"tags", Tags(provider.tags)},
          {"listed", Must(iam.ListOpenIdConnectProviders(), "ListOpenIDConnectProviders")},
          {"add_client_id", add_client},
          {"remove_client_id", remove_client},
          {"deleted", temp}};
}

std::string SamlMetadata(const std::string& entity) {
  return "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
         "entityID=\"" + entity + "\"><md:IDPSSODescriptor protocolSupportEnumeration="
         "\"urn:oasis:names:tc:SAML:2.0:protocol\"/></md:EntityDescriptor>";
}

json SamlProviders(IamClient& iam) {
  std::string arn = Must(iam.CreateSamlProvider("rt-saml", SamlMetadata("https://idp.example.com/v1"),
                                                {{"foyer:managed", "true"}}),
                         "CreateSAMLProvider");
  std::string updated = Must(iam.UpdateSamlProvider(arn, SamlMetadata("https://idp.example.com/v2")),
                             "UpdateSAMLProvider");
  SamlProvider provider = Must(iam.GetSamlProvider(arn), "GetSAMLProvider");
  std::string temp = Must(iam.CreateSamlProvider("rt-saml-temp", SamlMetadata("t")), "CreateSAMLProvider temp");
  Must(iam.DeleteSamlProvider(temp), "DeleteSAMLProvider");
  json listed = json::array();
  for (const SamlProvider& each : Must(iam.ListSamlProviders(), "ListSAMLProviders")) listed.push_back(each.arn);
  return {{"arn", arn}, {"updated_arn", updated}, {"metadata", provider.metadata_document},
          {"listed", listed}, {"deleted", temp}};
}

json InlineMap(const std::vector<InlinePolicy>& policies) {
  json map = json::object();
  for (const InlinePolicy& policy : policies) map[policy.policy_name] = Document(policy.policy_document);
  return map;
}

json AuthorizationDetailsJson(IamClient& iam) {
  AuthorizationDetails details = Must(iam.GetAccountAuthorizationDetails(), "GetAccountAuthorizationDetails");
  json roles = json::object();
  for (const RoleDetail& role : details.roles) {
    json attached = json::array();
    for (const AttachedPolicy& policy : role.attached_policies) attached.push_back(policy.policy_arn);
    roles[role.role.role_name] = {{"trust", Document(role.role.assume_role_policy_document)},
                                  {"inline", InlineMap(role.inline_policies)},
                                  {"attached", attached},
                                  {"tags", Tags(role.role.tags)}};
  }
  json users = json::object();
  for (const UserDetail& user : details.users) users[user.user.user_name] = {{"inline", InlineMap(user.inline_policies)}};
  json policies = json::object();
  for (const PolicyDetail& policy : details.policies) {
    if (policy.policy.arn.starts_with("arn:aws:iam::aws:")) continue;
    policies[policy.policy.policy_name] = {{"default_version_id", policy.policy.default_version_id},
                                           {"default_document", Document(policy.default_version_document)}};
  }
  return {{"roles", roles}, {"users", users}, {"policies", policies}};
}

json BotoMade(IamClient& iam, const json& input) {
  IamRole role = Must(iam.GetRole(input.at("boto_role").get<std::string>()), "GetRole boto");
  IamUser user = Must(iam.GetUser(input.at("boto_user").get<std::string>()), "GetUser boto");
  std::string policy_arn = input.at("boto_policy_arn").get<std::string>();
  ManagedPolicy policy = Must(iam.GetPolicy(policy_arn), "GetPolicy boto");
  PolicyVersion version = Must(iam.GetPolicyVersion(policy_arn, policy.default_version_id), "GetPolicyVersion boto");
  return {{"role", RoleJson(role)},
          {"user", UserJson(user)},
          {"policy", PolicyJson(policy)},
          {"policy_document", Document(version.document)}};
}

}  // namespace

json IamScenario(const json& input) {
  std::optional<int> page_size;
  if (input.contains("page_size")) page_size = input["page_size"].get<int>();
  IamClient iam(EnvironmentConfig(), page_size);
  json out;
  out["roles"] = Roles(iam);
  out["managed"] = ManagedPolicies(iam);
  out["users"] = Users(iam);
  out["access_keys"] = AccessKeys(iam);
  out["mfa"] = MfaDevices(iam);
  out["oidc"] = OidcProviders(iam);
  out["saml"] = SamlProviders(iam);
  out["authorization_details"] = AuthorizationDetailsJson(iam);
  out["boto_made"] = BotoMade(iam, input);
  return out;
}

}  // namespace foyer::aws
