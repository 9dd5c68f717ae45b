#include "aws/iam.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::aws {
namespace {

constexpr char kTrust[] =
    R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/foyer/sre"},"Action":"sts:AssumeRole"}]})";
constexpr char kTrustEncoded[] =
    "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
    "%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111111111111%3Arole%2Ffoyer%2Fsre%22"
    "%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action +
         "Result>" + inner + "</" + action + "Result></" + action + "Response>";
}

std::string Empty(const std::string& action) {
  return "<" + action + "Response><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></" +
         action + "Response>";
}

std::string RoleXml(const std::string& name, const std::string& document, const std::string& extra = "") {
  return "<Path>/foyer/</Path><RoleName>" + name + "</RoleName><RoleId>AROA" + name +
         "</RoleId><Arn>arn:aws:iam::123456789012:role/foyer/" + name +
         "</Arn><CreateDate>2026-11-27T22:53:45Z</CreateDate><AssumeRolePolicyDocument>" +
         document + "</AssumeRolePolicyDocument>" + extra;
}

class IamTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  IamClient iam_{FakeConfig(transport_)};
};

TEST_F(IamTest, CreateRoleSerializesAndDecodesTheReturnedTrustPolicy) {
  transport_->Reply(200, Response("CreateRole", "<Role>" + RoleXml("Admin", kTrustEncoded) + "</Role>"));
  CreateRoleRequest request;
  request.role_name = "Admin";
  request.path = "/foyer/";
  request.assume_role_policy_document = kTrust;
  request.description = "admins";
  request.max_session_duration = 7200;
  request.permissions_boundary = "arn:aws:iam::123456789012:policy/boundary";
  request.tags = {{"foyer:managed", "true"}};
  Result<IamRole> role = iam_.CreateRole(request);
  ASSERT_TRUE(role.ok()) << role.error().Describe();
  QueryPairs expected = {{"Action", "CreateRole"},
                         {"Version", "2010-05-08"},
                         {"RoleName", "Admin"},
                         {"Path", "/foyer/"},
                         {"AssumeRolePolicyDocument", kTrust},
                         {"Description", "admins"},
                         {"MaxSessionDuration", "7200"},
                         {"PermissionsBoundary", "arn:aws:iam::123456789012:policy/boundary"},
                         {"Tags.member.1.Key", "foyer:managed"},
                         {"Tags.member.1.Value", "true"}};
  EXPECT_EQ(transport_->FormOf(0), expected);
  EXPECT_EQ(role->assume_role_policy_document, kTrust);
  EXPECT_EQ(role->role_name, "Admin");
  EXPECT_EQ(role->role_id, "AROAAdmin");
  EXPECT_EQ(role->path, "/foyer/");
  EXPECT_EQ(role->arn, "arn:aws:iam::123456789012:role/foyer/Admin");
  EXPECT_EQ(role->create_date, Clock::time_point(std::chrono::seconds(1795820025)));
}

TEST_F(IamTest, GetRoleReadsEveryAttribute) {
  transport_->Reply(200, Response("GetRole", "<Role>" +
                                                 RoleXml("Admin", kTrustEncoded,
                                                         "<Description>d</Description>"
                                                         "<MaxSessionDuration>3600</MaxSessionDuration>"
                                                         "<PermissionsBoundary><PermissionsBoundaryType>Policy"
                                                         "</PermissionsBoundaryType><PermissionsBoundaryArn>"
                                                         "arn:b</PermissionsBoundaryArn></PermissionsBoundary>"
                                                         "<Tags><member><Key>k</Key><Value>v</Value></member>"
                                                         "</Tags><RoleLastUsed><LastUsedDate>2026-11-27T23:53:45Z"
                                                         "</LastUsedDate><Region>eu-west-1</Region></RoleLastUsed>") +
                                                 "</Role>"));
  Result<IamRole> role = iam_.GetRole("Admin");
  ASSERT_TRUE(role.ok()) << role.error().Describe();
  EXPECT_EQ(transport_->requests[0].body, "Action=GetRole&Version=2010-05-08&RoleName=Admin");
  EXPECT_EQ(role->description, "d");
  EXPECT_EQ(role->max_session_duration, 3600);
  EXPECT_EQ(role->permissions_boundary_arn, "arn:b");
  EXPECT_EQ(role->tags, (TagList{{"k", "v"}}));
  EXPECT_EQ(role->last_used_date, Clock::time_point(std::chrono::seconds(1795823625)));
  EXPECT_EQ(role->last_used_region, "eu-west-1");
  EXPECT_EQ(role->assume_role_policy_document, kTrust);
}

TEST_F(IamTest, ListRolesFollowsMarkersAndKeepsRawDocuments) {
  transport_->Reply(200, Response("ListRoles", "<Roles><member>" + RoleXml("a", kTrust) +
                                                   "</member><member>" + RoleXml("b", kTrust) +
                                                   "</member></Roles><IsTruncated>true</IsTruncated>"
                                                   "<Marker>m1</Marker>"));
  transport_->Reply(200, Response("ListRoles", "<Roles><member>" + RoleXml("c", kTrustEncoded) +
                                                   "</member></Roles><IsTruncated>false</IsTruncated>"));
  Result<std::vector<IamRole>> roles = iam_.ListRoles("/foyer/");
  ASSERT_TRUE(roles.ok()) << roles.error().Describe();
  ASSERT_EQ(roles->size(), 3u);
  EXPECT_EQ((*roles)[0].role_name, "a");
  EXPECT_EQ((*roles)[2].role_name, "c");
  for (const IamRole& role : *roles) EXPECT_EQ(role.assume_role_policy_document, kTrust);
  ASSERT_EQ(transport_->requests.size(), 2u);
  EXPECT_EQ(transport_->requests[0].body, "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Ffoyer%2F");
  EXPECT_EQ(transport_->requests[1].body,
            "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Ffoyer%2F&Marker=m1");
}

TEST_F(IamTest, PageSizeIsSentAsMaxItems) {
  IamClient paged(FakeConfig(transport_), 2);
  transport_->Reply(200, Response("ListUsers", "<Users/><IsTruncated>false</IsTruncated>"));
  ASSERT_TRUE(paged.ListUsers().ok());
  EXPECT_EQ(transport_->requests[0].body, "Action=ListUsers&Version=2010-05-08&MaxItems=2");
}

TEST_F(IamTest, ErrorOnALaterPageFailsTheList) {
  transport_->Reply(200, Response("ListRoles", "<Roles/><IsTruncated>true</IsTruncated><Marker>m</Marker>"));
  transport_->Reply(400, "<ErrorResponse><Error><Code>ValidationError</Code><Message>bad marker"
                         "</Message></Error></ErrorResponse>");
  Result<std::vector<IamRole>> roles = iam_.ListRoles();
  ASSERT_FALSE(roles.ok());
  EXPECT_EQ(roles.error().code, "ValidationError");
  EXPECT_EQ(roles.error().message, "IAM ListRoles failed: bad marker");
}

TEST_F(IamTest, TagsUntagsAndListsRoleTags) {
  transport_->Reply(200, Empty("TagRole"));
  transport_->Reply(200, Empty("UntagRole"));
  transport_->Reply(200, Response("ListRoleTags", "<Tags><member><Key>a</Key><Value>1</Value></member>"
                                                  "</Tags><IsTruncated>false</IsTruncated>"));
  ASSERT_TRUE(iam_.TagRole("r", {{"a", "1"}, {"b", "2"}}).ok());
  ASSERT_TRUE(iam_.UntagRole("r", {"b", "c"}).ok());
  Result<TagList> tags = iam_.ListRoleTags("r");
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(*tags, (TagList{{"a", "1"}}));
  EXPECT_EQ(transport_->requests[0].body,
            "Action=TagRole&Version=2010-05-08&RoleName=r&Tags.member.1.Key=a&Tags.member.1.Value=1"
            "&Tags.member.2.Key=b&Tags.member.2.Value=2");
  EXPECT_EQ(transport_->requests[1].body,
            "Action=UntagRole&Version=2010-05-08&RoleName=r&TagKeys.member.1=b&TagKeys.member.2=c");
}

TEST_F(IamTest, RoleInlineAndAttachedPolicies) {
  transport_->Reply(200, Empty("PutRolePolicy"));
  transport_->Reply(200, Response("GetRolePolicy", "<RoleName>r</RoleName><PolicyName>p</PolicyName>"
                                                   "<PolicyDocument>" + std::string(kTrustEncoded) +
                                                   "</PolicyDocument>"));
  transport_->Reply(200, Response("ListRolePolicies", "<PolicyNames><member>p</member><member>q</member>"
                                                      "</PolicyNames><IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, Response("ListAttachedRolePolicies",
                                  "<AttachedPolicies><member><PolicyName>ReadOnlyAccess</PolicyName>"
                                  "<PolicyArn>arn:aws:iam::aws:policy/ReadOnlyAccess</PolicyArn></member>"
                                  "</AttachedPolicies><IsTruncated>false</IsTruncated>"));
  ASSERT_TRUE(iam_.PutRolePolicy("r", {"p", kTrust}).ok());
  Result<InlinePolicy> policy = iam_.GetRolePolicy("r", "p");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->policy_name, "p");
  EXPECT_EQ(policy->policy_document, kTrust);
  Result<std::vector<std::string>> names = iam_.ListRolePolicies("r");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"p", "q"}));
  Result<std::vector<AttachedPolicy>> attached = iam_.ListAttachedRolePolicies("r");
  ASSERT_TRUE(attached.ok());
  ASSERT_EQ(attached->size(), 1u);
  EXPECT_EQ((*attached)[0].policy_name, "ReadOnlyAccess");
  EXPECT_EQ((*attached)[0].policy_arn, "arn:aws:iam::aws:policy/ReadOnlyAccess");
  QueryPairs put = {{"Action", "PutRolePolicy"}, {"Version", "2010-05-08"}, {"RoleName", "r"},
                    {"PolicyName", "p"}, {"PolicyDocument", kTrust}};
  EXPECT_EQ(transport_->FormOf(0), put);
}

TEST_F(IamTest, PolicyVersions) {
  transport_->Reply(200, Response("CreatePolicyVersion",
                                  "<PolicyVersion><VersionId>v2</VersionId><IsDefaultVersion>true"
                                  "</IsDefaultVersion><CreateDate>2026-11-27T22:53:45Z</CreateDate>"
                                  "</PolicyVersion>"));
  transport_->Reply(200, Response("GetPolicyVersion",
                                  "<PolicyVersion><Document>" + std::string(kTrustEncoded) +
                                      "</Document><VersionId>v2</VersionId><IsDefaultVersion>true"
                                      "</IsDefaultVersion></PolicyVersion>"));
  transport_->Reply(200, Response("ListPolicyVersions",
                                  "<Versions><member><VersionId>v2</VersionId><IsDefaultVersion>true"
                                  "</IsDefaultVersion></member><member><VersionId>v1</VersionId>"
                                  "<IsDefaultVersion>false</IsDefaultVersion></member></Versions>"
                                  "<IsTruncated>false</IsTruncated>"));
  Result<PolicyVersion> created = iam_.CreatePolicyVersion("arn:p", kTrust, true);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->version_id, "v2");
  EXPECT_TRUE(created->is_default_version);
  QueryPairs expected = {{"Action", "CreatePolicyVersion"}, {"Version", "2010-05-08"},
                         {"PolicyArn", "arn:p"}, {"PolicyDocument", kTrust}, {"SetAsDefault", "true"}};
  EXPECT_EQ(transport_->FormOf(0), expected);
  Result<PolicyVersion> fetched = iam_.GetPolicyVersion("arn:p", "v2");
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->document, kTrust);
  Result<std::vector<PolicyVersion>> versions = iam_.ListPolicyVersions("arn:p");
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[1].version_id, "v1");
  EXPECT_FALSE((*versions)[1].is_default_version);
}

TEST_F(IamTest, CreatePolicyReadsTheManagedPolicy) {
  transport_->Reply(200, Response("CreatePolicy",
                                  "<Policy><PolicyName>p</PolicyName><PolicyId>ANPA1</PolicyId>"
                                  "<Arn>arn:aws:iam::1:policy/foyer/p</Arn><Path>/foyer/</Path>"
                                  "<DefaultVersionId>v1</DefaultVersionId><AttachmentCount>0"
                                  "</AttachmentCount><IsAttachable>true</IsAttachable>"
                                  "<Description>d</Description></Policy>"));
  CreatePolicyRequest request;
  request.policy_name = "p";
  request.path = "/foyer/";
  request.policy_document = kTrust;
  request.description = "d";
  Result<ManagedPolicy> policy = iam_.CreatePolicy(request);
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->policy_id, "ANPA1");
  EXPECT_EQ(policy->arn, "arn:aws:iam::1:policy/foyer/p");
  EXPECT_EQ(policy->default_version_id, "v1");
  EXPECT_TRUE(policy->is_attachable);
  EXPECT_EQ(policy->description, "d");
}

TEST_F(IamTest, AccessKeysAndMfa) {
  transport_->Reply(200, Response("CreateAccessKey",
                                  "<AccessKey><UserName>alice</UserName><AccessKeyId>AKIA1</AccessKeyId>"
                                  "<Status>Active</Status><SecretAccessKey>s3cr3t</SecretAccessKey>"
                                  "</AccessKey>"));
  transport_->Reply(200, Response("CreateVirtualMFADevice",
                                  "<VirtualMFADevice><SerialNumber>arn:aws:iam::1:mfa/alice</SerialNumber>"
                                  "<Base32StringSeed>JBSWY3DPEHPK3PXP</Base32StringSeed></VirtualMFADevice>"));
  transport_->Reply(200, Empty("EnableMFADevice"));
  transport_->Reply(200, Response("ListMFADevices",
                                  "<MFADevices><member><UserName>alice</UserName><SerialNumber>"
                                  "arn:aws:iam::1:mfa/alice</SerialNumber><EnableDate>2026-11-27T22:53:45Z"
                                  "</EnableDate></member></MFADevices><IsTruncated>false</IsTruncated>"));
  Result<AccessKey> key = iam_.CreateAccessKey("alice");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->access_key_id, "AKIA1");
  EXPECT_EQ(key->secret_access_key, "s3cr3t");
  EXPECT_EQ(key->status, "Active");
  Result<VirtualMfaDevice> device = iam_.CreateVirtualMfaDevice("alice");
  ASSERT_TRUE(device.ok());
  EXPECT_EQ(device->serial_number, "arn:aws:iam::1:mfa/alice");
  EXPECT_EQ(device->base32_string_seed, "JBSWY3DPEHPK3PXP");
  ASSERT_TRUE(iam_.EnableMfaDevice("alice", "arn:aws:iam::1:mfa/alice", "123456", "654321").ok());
  QueryPairs enable = {{"Action", "EnableMFADevice"}, {"Version", "2010-05-08"}, {"UserName", "alice"},
                       {"SerialNumber", "arn:aws:iam::1:mfa/alice"}, {"AuthenticationCode1", "123456"},
                       {"AuthenticationCode2", "654321"}};
  EXPECT_EQ(transport_->FormOf(2), enable);
  Result<std::vector<MfaDevice>> devices = iam_.ListMfaDevices("alice");
  ASSERT_TRUE(devices.ok());
  ASSERT_EQ(devices->size(), 1u);
  EXPECT_EQ((*devices)[0].serial_number, "arn:aws:iam::1:mfa/alice");
  EXPECT_EQ((*devices)[0].enable_date, Clock::time_point(std::chrono::seconds(1795820025)));
}

TEST_F(IamTest, OidcProvider) {
  transport_->Reply(200, Response("CreateOpenIDConnectProvider",
                                  "<OpenIDConnectProviderArn>arn:aws:iam::1:oidc-provider/idp.example.com"
                                  "</OpenIDConnectProviderArn>"));
  transport_->Reply(200, Response("GetOpenIDConnectProvider",
                                  "<Url>idp.example.com</Url><ClientIDList><member>foyer</member>"
                                  "</ClientIDList><ThumbprintList><member>aa</member><member>bb</member>"
                                  "</ThumbprintList><Tags><member><Key>k</Key><Value>v</Value></member></Tags>"));
  CreateOidcProviderRequest request;
  request.url = "https://idp.example.com";
  request.client_ids = {"foyer"};
  request.thumbprints = {"aa", "bb"};
  Result<std::string> arn = iam_.CreateOpenIdConnectProvider(request);
  ASSERT_TRUE(arn.ok());
  EXPECT_EQ(*arn, "arn:aws:iam::1:oidc-provider/idp.example.com");
  QueryPairs expected = {{"Action", "CreateOpenIDConnectProvider"}, {"Version", "2010-05-08"},
                         {"Url", "https://idp.example.com"}, {"ClientIDList.member.1", "foyer"},
                         {"ThumbprintList.member.1", "aa"}, {"ThumbprintList.member.2", "bb"}};
  EXPECT_EQ(transport_->FormOf(0), expected);
  Result<OidcProvider> provider = iam_.GetOpenIdConnectProvider(*arn);
  ASSERT_TRUE(provider.ok());
  EXPECT_EQ(provider->arn, *arn);
  EXPECT_EQ(provider->url, "idp.example.com");
  EXPECT_EQ(provider->client_ids, (std::vector<std::string>{"foyer"}));
  EXPECT_EQ(provider->thumbprints, (std::vector<std::string>{"aa", "bb"}));
  EXPECT_EQ(provider->tags, (TagList{{"k", "v"}}));
}

TEST_F(IamTest, SamlProviders) {
  transport_->Reply(200, Response("ListSAMLProviders",
                                  "<SAMLProviderList><member><Arn>arn:aws:iam::1:saml-provider/a</Arn>"
                                  "<ValidUntil>2126-11-27T22:53:45Z</ValidUntil></member><member><Arn>"
                                  "arn:aws:iam::1:saml-provider/b</Arn></member></SAMLProviderList>"));
  Result<std::vector<SamlProvider>> providers = iam_.ListSamlProviders();
  ASSERT_TRUE(providers.ok());
  ASSERT_EQ(providers->size(), 2u);
  EXPECT_EQ((*providers)[0].arn, "arn:aws:iam::1:saml-provider/a");
  EXPECT_TRUE((*providers)[0].valid_until.has_value());
  EXPECT_EQ((*providers)[1].arn, "arn:aws:iam::1:saml-provider/b");
}

TEST_F(IamTest, AuthorizationDetailsAcrossPages) {
  transport_->Reply(
      200, Response("GetAccountAuthorizationDetails",
                    "<RoleDetailList><member>" + RoleXml("a", kTrust) +
                        "<RolePolicyList><member><PolicyName>inline</PolicyName><PolicyDocument>" +
                        kTrustEncoded +
                        "</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies><member>"
                        "<PolicyName>m</PolicyName><PolicyArn>arn:m</PolicyArn></member>"
                        "</AttachedManagedPolicies><Tags><member><Key>t</Key><Value>1</Value></member>"
                        "</Tags></member></RoleDetailList><UserDetailList><member><UserName>alice"
                        "</UserName><GroupList><member>g</member></GroupList><UserPolicyList><member>"
                        "<PolicyName>u</PolicyName><PolicyDocument>" + kTrust +
                        "</PolicyDocument></member></UserPolicyList></member></UserDetailList>"
                        "<IsTruncated>true</IsTruncated><Marker>next</Marker>"));
  transport_->Reply(
      200, Response("GetAccountAuthorizationDetails",
                    std::string("<Policies><member><PolicyName>m</PolicyName><Arn>arn:m</Arn>"
                                "<DefaultVersionId>v2</DefaultVersionId><PolicyVersionList><member>"
                                "<Document>{}</Document><VersionId>v1</VersionId><IsDefaultVersion>false"
                                "</IsDefaultVersion></member><member><Document>") +
                        kTrustEncoded +
                        "</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
                        "</member></PolicyVersionList></member><member><Arn>arn:aws:iam::1:policy/foyer/"
                        "unnamed</Arn></member></Policies><IsTruncated>false</IsTruncated>"));
  Result<AuthorizationDetails> details = iam_.GetAccountAuthorizationDetails({"Role", "User", "LocalManagedPolicy"});
  ASSERT_TRUE(details.ok()) << details.error().Describe();
  EXPECT_EQ(transport_->requests[0].body,
            "Action=GetAccountAuthorizationDetails&Version=2010-05-08&Filter.member.1=Role"
            "&Filter.member.2=User&Filter.member.3=LocalManagedPolicy");
  EXPECT_EQ(transport_->FormOf(1).back(), (std::pair<std::string, std::string>{"Marker", "next"}));
  ASSERT_EQ(details->roles.size(), 1u);
  const RoleDetail& role = details->roles[0];
  EXPECT_EQ(role.role.assume_role_policy_document, kTrust);
  EXPECT_EQ(role.role.tags, (TagList{{"t", "1"}}));
  ASSERT_EQ(role.inline_policies.size(), 1u);
  EXPECT_EQ(role.inline_policies[0].policy_name, "inline");
  EXPECT_EQ(role.inline_policies[0].policy_document, kTrust);
  ASSERT_EQ(role.attached_policies.size(), 1u);
  EXPECT_EQ(role.attached_policies[0].policy_arn, "arn:m");
  ASSERT_EQ(details->users.size(), 1u);
  EXPECT_EQ(details->users[0].user.user_name, "alice");
  EXPECT_EQ(details->users[0].groups, (std::vector<std::string>{"g"}));
  EXPECT_EQ(details->users[0].inline_policies[0].policy_document, kTrust);
  ASSERT_EQ(details->policies.size(), 2u);
  EXPECT_EQ(details->policies[0].policy.policy_name, "m");
  // Moto sends no PolicyName here; the name is the ARN's last segment.
  EXPECT_EQ(details->policies[1].policy.policy_name, "unnamed");
  EXPECT_EQ(details->policies[1].default_version_document, "");
  EXPECT_EQ(details->policies[0].versions.size(), 2u);
  EXPECT_EQ(details->policies[0].default_version_document, kTrust);
}

TEST_F(IamTest, AuthorizationDetailsReadGroupsWithTheirInlineAndAttachedPolicies) {
  transport_->Reply(
      200, Response("GetAccountAuthorizationDetails",
                    "<GroupDetailList><member><GroupName>deployers</GroupName>"
                    "<Arn>arn:aws:iam::1:group/deployers</Arn><GroupPolicyList><member>"
                    "<PolicyName>assume</PolicyName><PolicyDocument>" + std::string(kTrustEncoded) +
                        "</PolicyDocument></member></GroupPolicyList><AttachedManagedPolicies><member>"
                        "<PolicyName>m</PolicyName><PolicyArn>arn:m</PolicyArn></member>"
                        "</AttachedManagedPolicies></member></GroupDetailList><IsTruncated>false</IsTruncated>"));
  Result<AuthorizationDetails> details = iam_.GetAccountAuthorizationDetails();
  ASSERT_TRUE(details.ok()) << details.error().Describe();
  ASSERT_EQ(details->groups.size(), 1u);
  const GroupDetail& group = details->groups[0];
  EXPECT_EQ(group.group_name, "deployers");
  EXPECT_EQ(group.arn, "arn:aws:iam::1:group/deployers");
  ASSERT_EQ(group.inline_policies.size(), 1u);
  EXPECT_EQ(group.inline_policies[0].policy_name, "assume");
  EXPECT_EQ(group.inline_policies[0].policy_document, kTrust);
  ASSERT_EQ(group.attached_policies.size(), 1u);
  EXPECT_EQ(group.attached_policies[0].policy_arn, "arn:m");
}

}  // namespace
}  // namespace foyer::aws
