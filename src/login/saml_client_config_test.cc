// The [orgs.<name>.saml] table of the client configuration.
#include <gtest/gtest.h>

#include "login/client_config.h"

namespace foyer::login {
namespace {

constexpr const char* kOrg =
    "[orgs.acme]\n"
    "admin_account_id = \"111111111111\"\n"
    "regions = [\"us-east-1\", \"us-west-2\"]\n"
    "method = \"saml\"\n";

TEST(SamlClientConfigTest, RoundTripsEverySetting) {
  auto config = ParseClientConfig(std::string(kOrg) +
                                      "[orgs.acme.saml]\n"
                                      "sign_in_url = \"https://idp.example.com/sso/aws\"\n"
                                      "metadata_file = \"saml/acme-idp-metadata.xml\"\n"
                                      "acs_port = 9100\n"
                                      "audience = \"https://signin.aws.amazon.com/saml/acs/SAMLSP1\"\n",
                                  "config.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  const SamlSettings& saml = *config->orgs[0].saml;
  EXPECT_EQ(saml.sign_in_url, "https://idp.example.com/sso/aws");
  EXPECT_EQ(saml.metadata_file, "saml/acme-idp-metadata.xml");
  EXPECT_EQ(saml.acs_port, 9100);
  EXPECT_EQ(saml.audience, "https://signin.aws.amazon.com/saml/acs/SAMLSP1");
  auto again = ParseClientConfig(RenderClientConfig(*config), "again.toml");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->orgs[0].saml->metadata_file, "saml/acme-idp-metadata.xml");
  EXPECT_EQ(again->orgs[0].saml->acs_port, 9100);
  EXPECT_EQ(again->orgs[0].saml->audience, "https://signin.aws.amazon.com/saml/acs/SAMLSP1");
}

TEST(SamlClientConfigTest, PortDefaultsAndMetadataIsRequired) {
  auto config = ParseClientConfig(std::string(kOrg) +
                                      "[orgs.acme.saml]\nsign_in_url = \"https://idp\"\nmetadata_file = \"m.xml\"\n",
                                  "config.toml");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->orgs[0].saml->acs_port, kDefaultSamlAcsPort);
  EXPECT_EQ(config->orgs[0].saml->audience, "");
  auto missing = ParseClientConfig(std::string(kOrg) + "[orgs.acme.saml]\nsign_in_url = \"https://idp\"\n", "c.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("metadata_file"), std::string::npos) << missing.error().message;
}

TEST(SamlClientConfigTest, PortOutOfRangeIsAnError) {
  auto config = ParseClientConfig(std::string(kOrg) +
                                      "[orgs.acme.saml]\nsign_in_url = \"https://idp\"\nmetadata_file = \"m.xml\"\n"
                                      "acs_port = 70000\n",
                                  "config.toml");
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().message,
            "config.toml:8:12: error: 'acs_port' in [orgs.acme.saml] must be a port from 1 to 65535");
}

}  // namespace
}  // namespace foyer::login
