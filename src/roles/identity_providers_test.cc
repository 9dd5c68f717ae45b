#include "roles/identity_providers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "roles/role_documents.h"
#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::roles {
namespace {

using ::testing::ElementsAre;

constexpr char kAdmin[] = "111111111111";
constexpr char kOldOidc[] = "arn:aws:iam::111111111111:oidc-provider/old.example.com";
constexpr char kNewOidc[] = "arn:aws:iam::111111111111:oidc-provider/idp.example.com";
constexpr char kHandMadeOidc[] = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
constexpr char kOldSaml[] = "arn:aws:iam::111111111111:saml-provider/Okta";

std::string Response(const std::string& action, const std::string& inner) {
  return "<" + action + "Response xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><" + action +
         "Result>" + inner + "</" + action + "Result></" + action + "Response>";
}

std::string Tags(bool managed) {
  return managed ? "<Tags><member><Key>foyer:managed</Key><Value>true</Value></member></Tags>" : "<Tags/>";
}

class IdentityProvidersTest : public ::testing::Test {
 protected:
  IdentityProvidersTest() : iam_(aws::FakeConfig(transport_)) {
    spec::ParsedSpec parsed = spec::ParseSpec(spec::testing::kSmallSpec, "t.toml");
    EXPECT_TRUE(parsed.ok());
    inputs_->spec = parsed.spec;
    inputs_->partition = "aws";
  }

  void ConfigureOidc(const std::string& issuer) {
    spec::OidcIdentity oidc;
    oidc.issuer.value = issuer;
    oidc.client_id.value = "foyer";
    inputs_->spec.identity.oidc = oidc;
  }

  void ReplyProviders(const std::vector<std::string>& oidc, const std::vector<std::string>& saml) {
    std::string oidc_members;
    for (const std::string& arn : oidc) oidc_members += "<member><Arn>" + arn + "</Arn></member>";
    transport_->Reply(200, Response("ListOpenIDConnectProviders",
                                    "<OpenIDConnectProviderList>" + oidc_members + "</OpenIDConnectProviderList>"));
    std::string saml_members;
    for (const std::string& arn : saml) saml_members += "<member><Arn>" + arn + "</Arn></member>";
    transport_->Reply(200, Response("ListSAMLProviders", "<SAMLProviderList>" + saml_members + "</SAMLProviderList>"));
  }

  void ReplyOidc(const std::string& url, bool managed) {
    transport_->Reply(200, Response("GetOpenIDConnectProvider",
                                    "<Url>" + url + "</Url><ClientIDList><member>foyer</member></ClientIDList>" +
                                        Tags(managed)));
  }

  Result<org::Plan> Plan(bool allow_delete) {
    org::Plan plan;
    Status status = AddIdentityProviderChanges(&iam_, kAdmin, allow_delete, inputs_, plan);
    if (!status.ok()) return status.error();
    return plan;
  }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  aws::IamClient iam_;
  std::shared_ptr<ApplyInputs> inputs_ = std::make_shared<ApplyInputs>();
};

std::vector<std::string> Addresses(const org::Plan& plan) {
  std::vector<std::string> lines;
  for (const org::Change& change : plan.changes) {
    lines.push_back(std::string(org::ChangeActionName(change.action)) + " " + change.address);
  }
  return lines;
}

TEST_F(IdentityProvidersTest, ChangedIssuerDeletesOnlyFoyersOldProviderAfterTheLandingRoles) {
  ConfigureOidc("https://idp.example.com");
  ReplyProviders({kOldOidc, kHandMadeOidc}, {});
  ReplyOidc("old.example.com", true);
  ReplyOidc("token.actions.githubusercontent.com", false);
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("create iam_oidc_provider.admin/oidc",
                                            "delete iam_oidc_provider.admin/oidc-provider/old.example.com"));
  const org::Change& deletion = plan->changes[1];
  EXPECT_EQ(deletion.type, "iam_oidc_provider");
  EXPECT_EQ(deletion.account, "admin");
  EXPECT_EQ(deletion.fields[0].before, kOldOidc);
  EXPECT_THAT(deletion.depends_on, ElementsAre("iam_role.admin/foyer/sre", "iam_role.admin/foyer/engineers"));
  EXPECT_TRUE(plan->notes.empty());
  // Both tags were read; nothing was written while planning.
  EXPECT_EQ(transport_->requests.size(), 4u);
  EXPECT_EQ(transport_->FormOf(2)[2].second, kOldOidc);
  EXPECT_EQ(transport_->FormOf(3)[2].second, kHandMadeOidc);
}

TEST_F(IdentityProvidersTest, WithoutAllowDeleteTheOldProviderIsANote) {
  ConfigureOidc("https://idp.example.com");
  ReplyProviders({kOldOidc, kNewOidc}, {});
  ReplyOidc("idp.example.com", true);  // the spec's own, converged
  ReplyOidc("old.example.com", true);
  Result<org::Plan> plan = Plan(false);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());
  EXPECT_THAT(plan->notes, ElementsAre(std::string("OIDC provider ") + kOldOidc +
                                       " was made by foyer and [identity.oidc] no longer names it; pass "
                                       "--allow-delete to delete it"));
}

TEST_F(IdentityProvidersTest, RemovedSamlSectionDeletesFoyersSamlProviderOnly) {
  const std::string hand_made = "arn:aws:iam::111111111111:saml-provider/Corporate";
  ReplyProviders({}, {kOldSaml, hand_made});
  transport_->Reply(200, Response("GetSAMLProvider", "<SAMLMetadataDocument>x</SAMLMetadataDocument>" + Tags(true)));
  transport_->Reply(200, Response("GetSAMLProvider", "<SAMLMetadataDocument>y</SAMLMetadataDocument>" + Tags(false)));
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_THAT(Addresses(*plan), ElementsAre("delete iam_saml_provider.admin/saml-provider/Okta"));
  EXPECT_EQ(plan->changes[0].fields[0].before, kOldSaml);
}

TEST_F(IdentityProvidersTest, ConvergedProvidersCostTwoListCalls) {
  ConfigureOidc("https://idp.example.com/");
  ReplyProviders({kNewOidc}, {});
  ReplyOidc("idp.example.com", true);
  Result<org::Plan> plan = Plan(true);
  ASSERT_TRUE(plan.ok()) << plan.error().Describe();
  EXPECT_TRUE(plan->changes.empty());
  EXPECT_TRUE(plan->notes.empty());
  EXPECT_EQ(transport_->requests.size(), 3u);
}

TEST_F(IdentityProvidersTest, NoAdminAccountYetReadsNothing) {
  ConfigureOidc("https://idp.example.com");
  org::Plan plan;
  ASSERT_TRUE(AddIdentityProviderChanges(nullptr, "", true, inputs_, plan).ok());
  EXPECT_THAT(Addresses(plan), ElementsAre("create iam_oidc_provider.admin/oidc"));
  EXPECT_TRUE(transport_->requests.empty());
}

}  // namespace
}  // namespace foyer::roles
