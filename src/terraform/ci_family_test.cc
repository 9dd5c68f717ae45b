#include "terraform/ci_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "org/family_testing.h"
#include "base/url_encoding.h"
#include "org/plan.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"
#include "terraform/ci_identity.h"

namespace foyer::terraform {
namespace {

using ::testing::ElementsAre;

constexpr char kPaymentsProduction[] = "333333333333";

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action + "Result>" +
         inner + "</" + action + "Result></" + action + "Response>";
}

std::string NoSuchEntity() {
  return "<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>not found</Message></Error>"
         "</ErrorResponse>";
}

std::string ProviderArn(const std::string& host) {
  return "arn:aws:iam::" + std::string(kPaymentsProduction) + ":oidc-provider/" + host;
}

constexpr char kManagedTags[] = "<Tags><member><Key>foyer:managed</Key><Value>true</Value></member></Tags>";

class CiFamilyTest : public ::testing::Test {
 protected:
  CiFamilyTest() : access_(transport_) {
    std::string text = std::string(spec::testing::kSmallSpec) + R"(
[[ci]]
name = "payments"
provider = "github"
repository = "acme/payments"
branch = "main"
in = { domains = ["payments"] }
)";
    spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
    EXPECT_TRUE(parsed.ok());
    spec_ = parsed.spec;
    accounts_ = org::DesiredAccounts(spec_);
  }

  Result<org::Plan> Plan(bool allow_delete = false) {
    org::PlanContext context{spec_,  accounts_, live_, {{"payments-production", kPaymentsProduction}},
                             "aws", 1,          access_, allow_delete};
    org::Plan plan;
    CiFamily family;
    Status status = family.AddChanges(context, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::string ProviderXml(const std::string& client_id) {
    return Response("GetOpenIDConnectProvider", "<Url>token.actions.githubusercontent.com</Url><ClientIDList><member>" +
                                                    client_id + "</member></ClientIDList>");
  }

  // GetRole of a role at /foyer/ trusting nobody in particular.
  std::string OtherRoleXml(const std::string& name, bool managed) {
    return Response("GetRole", "<Role><Path>/foyer/</Path><RoleName>" + name + "</RoleName><Arn>arn:aws:iam::" +
                                   std::string(kPaymentsProduction) + ":role/foyer/" + name +
                                   "</Arn><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument>" +
                                   (managed ? kManagedTags : "") + "</Role>");
  }

  std::string RoleXml(const nlohmann::json& trust) {
    return Response("GetRole", "<Role><Path>/foyer/</Path><RoleName>ci-payments</RoleName><Arn>arn:aws:iam::" +
                                   std::string(kPaymentsProduction) + ":role/foyer/ci-payments</Arn>"
                                   "<AssumeRolePolicyDocument>" + PercentEncode(trust.dump()) +
                                   "</AssumeRolePolicyDocument></Role>");
  }

  // The removal pass's reads of an account holding nothing left over.
  void NothingLeftOver() {
    transport_->Reply(200, Response("ListOpenIDConnectProviders", "<OpenIDConnectProviderList/>"));
    transport_->Reply(200, Response("ListRoles", "<Roles></Roles><IsTruncated>false</IsTruncated>"));
  }

  std::string AttachedXml(const std::string& arn) {
    return Response("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>x</PolicyName><PolicyArn>" +
                                                    arn + "</PolicyArn></member></AttachedPolicies>"
                                                          "<IsTruncated>false</IsTruncated>");
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

TEST_F(CiFamilyTest, MissingEverywherePlansProviderAndRoleAndReadsOnlyLiveAccounts) {
  transport_->Reply(404, NoSuchEntity());  // provider in payments-production
  transport_->Reply(404, NoSuchEntity());  // role
  NothingLeftOver();
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(access_.accounts, ElementsAre(kPaymentsProduction, kPaymentsProduction));
  EXPECT_EQ(transport_->requests.size(), 4u);
  EXPECT_TRUE(plan->notes.empty());
  EXPECT_THAT(Addresses(*plan),
              ElementsAre("create iam_oidc_provider.payments-development/token.actions.githubusercontent.com",
                          "create iam_role.payments-development/foyer/ci-payments",
                          "create iam_oidc_provider.payments-production/token.actions.githubusercontent.com",
                          "create iam_role.payments-production/foyer/ci-payments"));
  const org::Change* role = plan->Find("iam_role.payments-production/foyer/ci-payments");
  EXPECT_EQ(role->fields[0].name, "trust_policy");
  EXPECT_EQ(role->fields[0].after, CiTrustPolicy(spec_.ci[0], kPaymentsProduction, "aws"));
  EXPECT_EQ(role->fields[1].after, nlohmann::json::array({"arn:aws:iam::aws:policy/AdministratorAccess"}));
  EXPECT_THAT(role->depends_on, ElementsAre("account.payments-production",
                                            "iam_oidc_provider.payments-production/token.actions.githubusercontent.com"));
}

TEST_F(CiFamilyTest, ConvergedAccountPlansNothing) {
  transport_->Reply(200, ProviderXml("sts.amazonaws.com"));
  // The same trust, reordered and with one-element lists, as IAM may return it.
  nlohmann::json trust = CiTrustPolicy(spec_.ci[0], kPaymentsProduction, "aws");
  trust["Statement"][0]["Action"] = nlohmann::json::array({"sts:AssumeRoleWithWebIdentity"});
  transport_->Reply(200, RoleXml(trust));
  transport_->Reply(200, AttachedXml("arn:aws:iam::aws:policy/AdministratorAccess"));
  NothingLeftOver();
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("create iam_oidc_provider.payments-development/token.actions.githubusercontent.com",
                                            "create iam_role.payments-development/foyer/ci-payments"));
}

TEST_F(CiFamilyTest, WidenedTrustAndMissingAudienceArePlannedBack) {
  transport_->Reply(200, ProviderXml("something-else"));
  nlohmann::json widened = CiTrustPolicy(spec_.ci[0], kPaymentsProduction, "aws");
  widened["Statement"][0]["Condition"] = {
      {"StringLike", {{"token.actions.githubusercontent.com:sub", "repo:acme/*"}}}};
  transport_->Reply(200, RoleXml(widened));
  transport_->Reply(200, AttachedXml("arn:aws:iam::aws:policy/AdministratorAccess"));
  NothingLeftOver();
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  const org::Change* provider = plan->Find("iam_oidc_provider.payments-production/token.actions.githubusercontent.com");
  ASSERT_NE(provider, nullptr);
  EXPECT_EQ(provider->action, org::ChangeAction::kUpdate);
  const org::Change* role = plan->Find("iam_role.payments-production/foyer/ci-payments");
  ASSERT_NE(role, nullptr);
  EXPECT_EQ(role->action, org::ChangeAction::kUpdate);
  ASSERT_EQ(role->fields.size(), 1u);
  EXPECT_EQ(role->fields[0].before, widened);
  EXPECT_EQ(role->fields[0].after, CiTrustPolicy(spec_.ci[0], kPaymentsProduction, "aws"));
}

TEST_F(CiFamilyTest, ReadErrorsOtherThanAbsenceFailThePlan) {
  transport_->Reply(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>");
  Result<org::Plan> plan = Plan();
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, "AccessDenied");
}

// payments-production holds the converged pipeline, the role and GitLab
// provider of a pipeline removed from the spec, a ci- role made by hand
// and the provider of another issuer.
class CiRemovalTest : public CiFamilyTest {
 protected:
  void QueueLeftovers() {
    transport_->Reply(200, ProviderXml("sts.amazonaws.com"));
    transport_->Reply(200, RoleXml(CiTrustPolicy(spec_.ci[0], kPaymentsProduction, "aws")));
    transport_->Reply(200, AttachedXml("arn:aws:iam::aws:policy/AdministratorAccess"));
    std::string providers;
    for (const char* host : {"gitlab.com", "idp.example.com", "token.actions.githubusercontent.com"}) {
      providers += "<member><Arn>" + ProviderArn(host) + "</Arn></member>";
    }
    transport_->Reply(200, Response("ListOpenIDConnectProviders",
                                    "<OpenIDConnectProviderList>" + providers + "</OpenIDConnectProviderList>"));
    transport_->Reply(200, Response("GetOpenIDConnectProvider", "<Url>gitlab.com</Url><ClientIDList><member>"
                                                                "https://gitlab.com</member></ClientIDList>" +
                                                                    std::string(kManagedTags)));
    std::string listed;
    for (const char* name : {"Administrator", "ci-manual", "ci-old", "ci-payments"}) {
      listed += std::string("<member><Path>/foyer/</Path><RoleName>") + name + "</RoleName><Arn>arn:aws:iam::" +
                kPaymentsProduction + ":role/foyer/" + name + "</Arn></member>";
    }
    transport_->Reply(200, Response("ListRoles", "<Roles>" + listed + "</Roles><IsTruncated>false</IsTruncated>"));
    transport_->Reply(200, OtherRoleXml("ci-manual", false));
    transport_->Reply(200, OtherRoleXml("ci-old", true));
  }

  std::vector<std::string> Actions(size_t from) {
    std::vector<std::string> actions;
    for (size_t i = from; i < transport_->requests.size(); ++i) actions.push_back(transport_->FormOf(i)[0].second);
    return actions;
  }
};

TEST_F(CiRemovalTest, WithoutAllowDeleteLeftoversAreNotesAndHandMadeOnesAreNotMentioned) {
  QueueLeftovers();
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Actions(3), ElementsAre("ListOpenIDConnectProviders", "GetOpenIDConnectProvider", "ListRoles",
                                      "GetRole", "GetRole"));
  EXPECT_EQ(transport_->FormOf(5)[2], (std::pair<std::string, std::string>{"PathPrefix", "/foyer/"}));
  EXPECT_THAT(Addresses(*plan), ElementsAre("create iam_oidc_provider.payments-development/token.actions.githubusercontent.com",
                                            "create iam_role.payments-development/foyer/ci-payments"));
  EXPECT_THAT(plan->notes,
              ElementsAre("CI deploy role payments-production/foyer/ci-old belongs to no [[ci]] pipeline picking "
                          "payments-production any more; pass --allow-delete to delete it",
                          "OIDC provider arn:aws:iam::333333333333:oidc-provider/gitlab.com serves no [[ci]] pipeline "
                          "in payments-production any more; pass --allow-delete to delete it"));
}

TEST_F(CiRemovalTest, WithAllowDeleteTheRoleGoesFirstThenTheProvider) {
  QueueLeftovers();
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->notes.empty());
  EXPECT_THAT(Addresses(*plan), ElementsAre("create iam_oidc_provider.payments-development/token.actions.githubusercontent.com",
                                            "create iam_role.payments-development/foyer/ci-payments",
                                            "delete iam_role.payments-production/foyer/ci-old",
                                            "delete iam_oidc_provider.payments-production/gitlab.com"));
  const org::Change& role = plan->changes[2];
  const org::Change& provider = plan->changes[3];
  EXPECT_THAT(provider.depends_on, ElementsAre("iam_role.payments-production/foyer/ci-old"));

  const size_t before = transport_->requests.size();
  transport_->Reply(200, AttachedXml("arn:aws:iam::aws:policy/AdministratorAccess"));
  transport_->Reply(200, Response("DetachRolePolicy", ""));
  transport_->Reply(200, Response("ListRolePolicies", "<PolicyNames><member>extra</member></PolicyNames>"
                                                      "<IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, Response("DeleteRolePolicy", ""));
  transport_->Reply(200, Response("DeleteRole", ""));
  transport_->Reply(200, Response("DeleteOpenIDConnectProvider", ""));
  org::testing::RecordingApplyContext context(&access_, kPaymentsProduction);
  ASSERT_TRUE(role.apply(context).ok());
  ASSERT_TRUE(provider.apply(context).ok());
  EXPECT_THAT(Actions(before), ElementsAre("ListAttachedRolePolicies", "DetachRolePolicy", "ListRolePolicies",
                                           "DeleteRolePolicy", "DeleteRole", "DeleteOpenIDConnectProvider"));
  EXPECT_EQ(transport_->FormOf(transport_->requests.size() - 1)[2],
            (std::pair<std::string, std::string>{"OpenIDConnectProviderArn", ProviderArn("gitlab.com")}));
  EXPECT_THAT(context.operations,
              ElementsAre("iam:DetachRolePolicy role payments-production/foyer/ci-old "
                          "arn:aws:iam::aws:policy/AdministratorAccess",
                          "iam:DeleteRolePolicy role payments-production/foyer/ci-old extra",
                          "iam:DeleteRole role payments-production/foyer/ci-old",
                          "iam:DeleteOpenIDConnectProvider " + ProviderArn("gitlab.com")));
}

TEST_F(CiRemovalTest, AProviderGoneBeforeItsDeletionIsDone) {
  QueueLeftovers();
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  transport_->Reply(404, NoSuchEntity());
  org::testing::RecordingApplyContext context(&access_, kPaymentsProduction);
  EXPECT_TRUE(plan->changes[3].apply(context).ok());
}

TEST_F(CiRemovalTest, AnAccountNoPipelinePicksCostsOneCallUnlessAProviderIsLeftOver) {
  spec_.ci.clear();
  transport_->Reply(200, Response("ListOpenIDConnectProviders", "<OpenIDConnectProviderList/>"));
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->empty());
  EXPECT_THAT(Actions(0), ElementsAre("ListOpenIDConnectProviders"));

  // The last pipeline left: its provider is found, then its role.
  transport_->requests.clear();
  transport_->Reply(200, Response("ListOpenIDConnectProviders", "<OpenIDConnectProviderList><member><Arn>" +
                                                                    ProviderArn("token.actions.githubusercontent.com") +
                                                                    "</Arn></member></OpenIDConnectProviderList>"));
  transport_->Reply(200, ProviderXml("sts.amazonaws.com").replace(
                             ProviderXml("sts.amazonaws.com").find("</GetOpenIDConnectProviderResult>"), 0, kManagedTags));
  transport_->Reply(200, Response("ListRoles", "<Roles><member><Path>/foyer/</Path><RoleName>ci-payments</RoleName>"
                                               "</member></Roles><IsTruncated>false</IsTruncated>"));
  transport_->Reply(200, OtherRoleXml("ci-payments", true));
  plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan),
              ElementsAre("delete iam_role.payments-production/foyer/ci-payments",
                          "delete iam_oidc_provider.payments-production/token.actions.githubusercontent.com"));
}

TEST_F(CiRemovalTest, AReadErrorFailsThePlanNamingTheAccount) {
  spec_.ci.clear();
  transport_->Reply(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>no</Message></Error></ErrorResponse>");
  Result<org::Plan> plan = Plan();
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, "AccessDenied");
  EXPECT_EQ(plan.error().message.rfind("reading the CI identities of account payments-production: ", 0), 0u)
      << plan.error().message;
}

// GitHub's and GitLab.com's issuers are verified by AWS with its own
// trusted CAs: foyer sends no thumbprint, and never updates the ones a
// provider holds.
TEST_F(CiFamilyTest, ProvidersAreCreatedWithoutThumbprintsAndLiveOnesAreLeftAlone) {
  transport_->Reply(404, NoSuchEntity());
  transport_->Reply(404, NoSuchEntity());
  NothingLeftOver();
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  const org::Change* create = plan->Find("iam_oidc_provider.payments-production/token.actions.githubusercontent.com");
  ASSERT_NE(create, nullptr);
  transport_->Reply(200, Response("CreateOpenIDConnectProvider", "<OpenIDConnectProviderArn>" +
                                                                     ProviderArn("token.actions.githubusercontent.com") +
                                                                     "</OpenIDConnectProviderArn>"));
  org::testing::RecordingApplyContext context(&access_, kPaymentsProduction);
  ASSERT_TRUE(create->apply(context).ok());
  QueryPairs sent = transport_->FormOf(transport_->requests.size() - 1);
  EXPECT_EQ(sent, (QueryPairs{{"Action", "CreateOpenIDConnectProvider"},
                                   {"Version", "2010-05-08"},
                                   {"Url", "https://token.actions.githubusercontent.com"},
                                   {"ClientIDList.member.1", "sts.amazonaws.com"},
                                   {"Tags.member.1.Key", "foyer:managed"},
                                   {"Tags.member.1.Value", "true"}}));

  // A live provider with some thumbprint and the right audience: nothing to do.
  transport_->requests.clear();
  transport_->Reply(200, Response("GetOpenIDConnectProvider",
                                  "<Url>token.actions.githubusercontent.com</Url><ClientIDList><member>"
                                  "sts.amazonaws.com</member></ClientIDList><ThumbprintList><member>"
                                  "6938fd4d98bab03faadb97b34396831e3780aea1</member></ThumbprintList>"));
  transport_->Reply(404, NoSuchEntity());
  NothingLeftOver();
  plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_EQ(plan->Find("iam_oidc_provider.payments-production/token.actions.githubusercontent.com"), nullptr);
  for (size_t i = 0; i < transport_->requests.size(); ++i) {
    EXPECT_NE(transport_->FormOf(i)[0].second, "UpdateOpenIDConnectProviderThumbprint");
  }
}

}  // namespace
}  // namespace foyer::terraform
