#include "login/saml_login.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "login/saml_test_signer.h"

namespace foyer::login {
namespace {

constexpr const char* kSre = "arn:aws:iam::111111111111:role/foyer/sre";
constexpr const char* kProvider = "arn:aws:iam::111111111111:saml-provider/foyer";

SamlAssertion Offering(std::vector<SamlRole> roles) {
  SamlAssertion assertion;
  assertion.roles = std::move(roles);
  return assertion;
}

TEST(ChooseLandingRoleTest, TheOneMatchingRole) {
  auto role = ChooseLandingRole(
      Offering({{"arn:aws:iam::111111111111:role/foyer/dev", kProvider}, {kSre, kProvider}}), kSre, false);
  ASSERT_TRUE(role.ok());
  EXPECT_EQ(role->role_arn, kSre);
  EXPECT_EQ(role->provider_arn, kProvider);
}

TEST(ChooseLandingRoleTest, RoleNotOfferedListsTheOffered) {
  auto role = ChooseLandingRole(Offering({{"arn:aws:iam::111111111111:role/foyer/dev", kProvider}}), kSre, false);
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(role.error().message,
            "the IdP does not offer the landing role arn:aws:iam::111111111111:role/foyer/sre to you; it offers:\n"
            "  arn:aws:iam::111111111111:role/foyer/dev (through arn:aws:iam::111111111111:saml-provider/foyer)\n"
            "log in as one of those groups with --group, or ask for access");
}

TEST(ChooseLandingRoleTest, SeveralProvidersWithoutATerminalIsAnErrorListingThem) {
  auto role = ChooseLandingRole(
      Offering({{kSre, kProvider}, {kSre, "arn:aws:iam::111111111111:saml-provider/okta"}}), kSre, false);
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.error().code, "SamlRoleAmbiguous");
  EXPECT_NE(role.error().message.find("(through arn:aws:iam::111111111111:saml-provider/foyer)\n  "
                                      "arn:aws:iam::111111111111:role/foyer/sre (through "
                                      "arn:aws:iam::111111111111:saml-provider/okta)"),
            std::string::npos)
      << role.error().message;
}

TEST(AcceptedSamlRecipientsTest, SignInEndpointsOfThePartitionAndTheAcs) {
  OrgAccess org;
  org.regions = {"us-east-1", "us-west-2"};
  EXPECT_EQ(AcceptedSamlRecipients(org, "http://127.0.0.1:8913/saml"),
            (std::vector<std::string>{"https://signin.aws.amazon.com/saml",
                                      "https://us-east-1.signin.aws.amazon.com/saml",
                                      "https://us-west-2.signin.aws.amazon.com/saml", "http://127.0.0.1:8913/saml"}));
  org.regions = {"us-gov-west-1"};
  EXPECT_EQ(AcceptedSamlRecipients(org, "acs")[0], "https://signin.amazonaws-us-gov.com/saml");
}

class SamlMetadataFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("foyer-saml-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(folder_ / "config");
    config_path_ = (folder_ / "config" / "config.toml").string();
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (folder_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  std::filesystem::path folder_;
  std::string config_path_;
};

TEST_F(SamlMetadataFileTest, InstalledCopyIsPrivateAndLoadsAgain) {
  testing::SamlTestSigner signer;
  std::string source = Write("idp.xml", signer.Metadata("https://idp.example.com"));
  auto installed = InstallSamlMetadata(source, config_path_, "acme");
  ASSERT_TRUE(installed.ok()) << installed.error().message;
  EXPECT_EQ(*installed, "saml/acme-idp-metadata.xml");
  struct stat info {};
  ASSERT_EQ(::stat((folder_ / "config" / "saml" / "acme-idp-metadata.xml").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  SamlSettings settings;
  settings.metadata_file = *installed;
  auto metadata = LoadSamlMetadata(settings, config_path_);
  ASSERT_TRUE(metadata.ok()) << metadata.error().message;
  EXPECT_EQ(metadata->entity_id, "https://idp.example.com");
  EXPECT_EQ(metadata->signing_certificates[0], signer.certificate_der());
}

TEST_F(SamlMetadataFileTest, NotMetadataIsRefusedAndNothingIsInstalled) {
  std::string source = Write("idp.xml", "<html/>");
  auto installed = InstallSamlMetadata(source, config_path_, "acme");
  ASSERT_FALSE(installed.ok());
  EXPECT_EQ(installed.error().message, source + ": the SAML IdP metadata has no EntityDescriptor");
  EXPECT_FALSE(std::filesystem::exists(folder_ / "config" / "saml" / "acme-idp-metadata.xml"));
}

// The metadata is the trust anchor: a copy others could write is refused.
TEST_F(SamlMetadataFileTest, MetadataWritableByOthersIsRefused) {
  testing::SamlTestSigner signer;
  std::string path = Write("config/shared.xml", signer.Metadata("https://idp.example.com"));
  ::chmod(path.c_str(), 0666);
  SamlSettings settings;
  settings.metadata_file = "shared.xml";
  auto metadata = LoadSamlMetadata(settings, config_path_);
  ASSERT_FALSE(metadata.ok());
  EXPECT_NE(metadata.error().message.find("chmod 600"), std::string::npos) << metadata.error().message;
}

TEST_F(SamlMetadataFileTest, MissingMetadataSaysHowToConfigureIt) {
  SamlSettings settings;
  settings.metadata_file = "saml/none.xml";
  auto metadata = LoadSamlMetadata(settings, config_path_);
  ASSERT_FALSE(metadata.ok());
  EXPECT_EQ(metadata.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_NE(metadata.error().message.find("run `foyer configure --saml-metadata FILE`"), std::string::npos);
}

}  // namespace
}  // namespace foyer::login
