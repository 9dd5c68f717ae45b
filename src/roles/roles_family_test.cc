#include "roles/roles_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"
#include "base/url_encoding.h"
#include "roles/role_documents.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;

constexpr char kManagement[] = "123456789012";
constexpr char kAdmin[] = "111111111111";

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action +
         "Result>" + inner + "</" + action + "Result></" + action + "Response>";
}

// A role as GetAccountAuthorizationDetails lists it; `max_session` > 0 adds
// the tag foyer keeps the duration in.
std::string RoleMember(const std::string& name, const nlohmann::json& trust,
                       const std::map<std::string, nlohmann::json>& inline_policies, int max_session = 0) {
  std::string xml = "<member><Path>/foyer/</Path><RoleName>" + name + "</RoleName><Arn>arn:aws:iam::" +
                    kAdmin + ":role/foyer/" + name + "</Arn><AssumeRolePolicyDocument>" +
                    PercentEncode(trust.dump()) + "</AssumeRolePolicyDocument><RolePolicyList>";
  for (const auto& [policy, document] : inline_policies) {
    xml += "<member><PolicyName>" + policy + "</PolicyName><PolicyDocument>" + PercentEncode(document.dump()) +
           "</PolicyDocument></member>";
  }
  xml += "</RolePolicyList><Tags><member><Key>foyer:managed</Key><Value>true</Value></member>";
  if (max_session > 0) {
    xml += "<member><Key>foyer:max-session-duration</Key><Value>" + std::to_string(max_session) +
           "</Value></member>";
  }
  return xml + "</Tags></member>";
}

// The admin account holds no identity provider.
void ReplyNoProviders(aws::FakeTransport& transport) {
  transport.Reply(200, Response("ListOpenIDConnectProviders", "<OpenIDConnectProviderList/>"));
  transport.Reply(200, Response("ListSAMLProviders", "<SAMLProviderList/>"));
}

class RolesFamilyTest : public ::testing::Test {
 protected:
  RolesFamilyTest() : access_(transport_) {
    spec::ParsedSpec parsed = spec::ParseSpec(spec::testing::kSmallSpec, "t.toml");
    EXPECT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = org::DesiredAccounts(spec_);
    live_.organization = aws::Organization{};
    live_.organization->id = "o-abc";
  }

  Result<org::Plan> PlanWith(bool allow_delete) {
    org::PlanContext context{spec_, accounts_, live_, {{"management", kManagement}, {"admin", kAdmin}},
                             "aws", 1, access_, allow_delete};
    org::Plan plan;
    RolesFamily family([] { return *ParseIso8601("2026-11-28T12:00:00Z"); });
    Status status = family.AddChanges(context, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  org::testing::FakeAccountAccess access_;
  spec::Spec spec_;
  std::vector<org::DesiredAccount> accounts_;
  org::LiveOrganization live_;
};

std::vector<std::string> Addresses(const org::Plan& plan) {
  std::vector<std::string> lines;
  for (const org::Change& change : plan.changes) {
    lines.push_back(std::string(org::ChangeActionName(change.action)) + " " + change.address);
  }
  return lines;
}

TEST_F(RolesFamilyTest, PlansWhatIsMissingAndLeavesConvergedRolesAlone) {
  AdminAccount admin{"aws", kAdmin};
  // management: nothing yet.
  transport_->Reply(200, Response("GetAccountAuthorizationDetails", "<IsTruncated>false</IsTruncated>"));
  // admin: the sre landing role, converged, and a role nobody asks for.
  spec::Spec& spec = spec_;
  transport_->Reply(
      200, Response("GetAccountAuthorizationDetails",
                    "<RoleDetailList>" +
                        RoleMember("sre", LandingTrustPolicy(spec, "sre", admin),
                                   {{"foyer-landing", LandingIdentityPolicy("aws", "o-abc")}}, 43200) +
                        RoleMember("Old", TargetTrustPolicy(admin, {"sre"}), {}, 3600) +
                        "</RoleDetailList><IsTruncated>false</IsTruncated>"));
  ReplyNoProviders(*transport_);
  Result<org::Plan> plan = PlanWith(false);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  // One call per account, the durations coming from the roles' tags, and
  // the admin account's providers.
  EXPECT_EQ(transport_->requests.size(), 4u);
  EXPECT_EQ(transport_->FormOf(1)[2], (std::pair<std::string, std::string>{"Filter.member.1", "Role"}));
  EXPECT_EQ(transport_->FormOf(1)[3], (std::pair<std::string, std::string>{"Filter.member.2", "User"}));
  EXPECT_THAT(Addresses(*plan),
              ElementsAre("create iam_user.admin/alice",
                          "create iam_role.management/foyer/OrganizationAdministrator",
                          "create iam_role.management/foyer/OrganizationReader",
                          "create iam_role.admin/foyer/engineers",
                          "create iam_role.admin/foyer/Administrator",
                          "create iam_role.admin/foyer/Auditor",
                          "create iam_role.audit/foyer/Administrator",
                          "create iam_role.audit/foyer/Auditor",
                          "create iam_role.deploy/foyer/Administrator",
                          "create iam_role.deploy/foyer/Auditor",
                          "create iam_role.payments-development/foyer/Administrator",
                          "create iam_role.payments-development/foyer/Auditor",
                          "create iam_role.payments-production/foyer/Administrator",
                          "create iam_role.payments-production/foyer/Auditor",
                          "create iam_role.payments-production/foyer/Deployer",
                          "create iam_role.web-production/foyer/Administrator",
                          "create iam_role.web-production/foyer/Auditor"));
  EXPECT_THAT(plan->notes, ElementsAre("role admin/foyer/Old is no longer wanted; pass --allow-delete to delete it"));
  const org::Change* deployer = plan->Find("iam_role.payments-production/foyer/Deployer");
  ASSERT_NE(deployer, nullptr);
  EXPECT_THAT(deployer->depends_on,
              ElementsAre("account.payments-production", "iam_role.admin/foyer/engineers"));
  EXPECT_EQ(deployer->fields[0].after, TargetTrustPolicy(admin, {"engineers"}));
  const org::Change* engineers = plan->Find("iam_role.admin/foyer/engineers");
  EXPECT_THAT(engineers->depends_on, ElementsAre("account.admin", "organization"));
  EXPECT_THAT(plan->Find("iam_role.admin/foyer/Administrator")->depends_on,
              ElementsAre("account.admin", "iam_role.admin/foyer/sre"));
}

TEST_F(RolesFamilyTest, UnwantedRoleIsDeletedWithAllowDelete) {
  AdminAccount admin{"aws", kAdmin};
  transport_->Reply(200, Response("GetAccountAuthorizationDetails",
                                  "<RoleDetailList>" + RoleMember("Gone", TargetTrustPolicy(admin, {"sre"}), {}) +
                                      "</RoleDetailList><IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, Response("ListRoles", "<Roles></Roles><IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, Response("GetAccountAuthorizationDetails", "<IsTruncated>false</IsTruncated>"));
  ReplyNoProviders(*transport_);
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  const org::Change* gone = plan->Find("iam_role.management/foyer/Gone");
  ASSERT_NE(gone, nullptr);
  EXPECT_EQ(gone->action, org::ChangeAction::kDelete);
  EXPECT_TRUE(plan->notes.empty());
}

TEST_F(RolesFamilyTest, CiDeployRolesAreLeftToTheCiFamilyOutsideAdmin) {
  AdminAccount admin{"aws", kAdmin};
  // management holds a CI deploy role; admin a landing role of a removed
  // group that happens to start like one.
  transport_->Reply(200, Response("GetAccountAuthorizationDetails",
                                  "<RoleDetailList>" + RoleMember("ci-payments", nlohmann::json::object(), {}, 3600) +
                                      RoleMember("Gone", TargetTrustPolicy(admin, {"sre"}), {}, 3600) +
                                      "</RoleDetailList><IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, Response("GetAccountAuthorizationDetails",
                                  "<RoleDetailList>" + RoleMember("ci-old", TargetTrustPolicy(admin, {"sre"}), {}, 3600) +
                                      "</RoleDetailList><IsTruncated>false</IsTruncated>"));
  ReplyNoProviders(*transport_);
  Result<org::Plan> plan = PlanWith(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_EQ(plan->Find("iam_role.management/foyer/ci-payments"), nullptr);
  ASSERT_NE(plan->Find("iam_role.management/foyer/Gone"), nullptr);
  EXPECT_EQ(plan->Find("iam_role.management/foyer/Gone")->action, org::ChangeAction::kDelete);
  ASSERT_NE(plan->Find("iam_role.admin/foyer/ci-old"), nullptr);
  EXPECT_EQ(plan->Find("iam_role.admin/foyer/ci-old")->action, org::ChangeAction::kDelete);
}

TEST_F(RolesFamilyTest, TooManyGrantsFailThePlanWithTheFix) {
  for (int i = 0; i < 40; ++i) {
    spec::Group group;
    group.name.value = "group-with-a-long-name-number-" + std::to_string(i);
    spec::Grant grant;
    grant.role.value = "Administrator";
    group.grants.push_back(grant);
    spec_.groups.push_back(group);
  }
  Result<org::Plan> plan = PlanWith(false);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, "PolicyTooLarge");
  EXPECT_NE(plan.error().message.find("the trust policy of management/foyer/OrganizationReader"), std::string::npos)
      << plan.error().message;
  EXPECT_TRUE(transport_->requests.empty());
}

}  // namespace
}  // namespace foyer::roles
