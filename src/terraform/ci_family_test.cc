#include "terraform/ci_family.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
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

class FakeAccess : public org::AccountAccess {
 public:
  explicit FakeAccess(std::shared_ptr<aws::FakeTransport> transport) : transport_(std::move(transport)) {}
  Result<aws::ClientConfig> ConfigIn(const std::string& account_id, const std::string&) override {
    accounts.push_back(account_id);
    return aws::FakeConfig(transport_);
  }
  std::vector<std::string> accounts;

 private:
  std::shared_ptr<aws::FakeTransport> transport_;
};

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

  Result<org::Plan> Plan() {
    org::PlanContext context{spec_,  accounts_, live_, {{"payments-production", kPaymentsProduction}},
                             "aws", 1,          access_, false};
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

  std::string RoleXml(const nlohmann::json& trust) {
    return Response("GetRole", "<Role><Path>/foyer/</Path><RoleName>ci-payments</RoleName><Arn>arn:aws:iam::" +
                                   std::string(kPaymentsProduction) + ":role/foyer/ci-payments</Arn>"
                                   "<AssumeRolePolicyDocument>" + PercentEncode(trust.dump()) +
                                   "</AssumeRolePolicyDocument></Role>");
  }

  std::string AttachedXml(const std::string& arn) {
    return Response("ListAttachedRolePolicies", "<AttachedPolicies><member><PolicyName>x</PolicyName><PolicyArn>" +
                                                    arn + "</PolicyArn></member></AttachedPolicies>"
                                                          "<IsTruncated>false</IsTruncated>");
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  FakeAccess access_;
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
  Result<org::Plan> plan = Plan();
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(access_.accounts, ElementsAre(kPaymentsProduction));
  EXPECT_EQ(transport_->requests.size(), 2u);
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

}  // namespace
}  // namespace foyer::terraform
