#include "login/client_config.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace foyer::login {
namespace {

class ClientConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("foyer-client-config-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& text) {
    std::string path = (dir_ / "config.toml").string();
    std::ofstream(path) << text;
    return path;
  }
  std::filesystem::path dir_;
};

OrgAccess Acme() {
  OrgAccess org;
  org.name = "acme";
  org.admin_account_id = "111111111111";
  org.management_account_id = "222222222222";
  org.regions = {"us-east-1", "us-west-2"};
  org.method = LoginMethod::kOidc;
  org.default_group = "engineers";
  org.oidc = OidcSettings{"https://idp.example.com", "foyer", true};
  return org;
}

TEST_F(ClientConfigTest, SavesAndLoadsEveryField) {
  ClientConfigFile config;
  config.default_org = "acme";
  config.Upsert(Acme());
  OrgAccess other = Acme();
  other.name = "beta";
  other.method = LoginMethod::kIamUser;
  other.iam_user = IamUserSettings{"alice", "arn:aws:iam::333333333333:mfa/alice", "pass otp foyer/alice"};
  other.regions = {"cn-north-1", "cn-northwest-1"};
  config.Upsert(other);

  std::string path = (dir_ / "sub" / "config.toml").string();
  ASSERT_TRUE(SaveClientConfig(path, config).ok());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  auto loaded = LoadClientConfig(path);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(RenderClientConfig(*loaded), RenderClientConfig(config));
  auto beta = loaded->Select("beta");
  ASSERT_TRUE(beta.ok());
  EXPECT_EQ((*beta)->iam_user->mfa_serial, "arn:aws:iam::333333333333:mfa/alice");
  EXPECT_EQ((*beta)->iam_user->mfa_process, "pass otp foyer/alice");
  EXPECT_EQ((*beta)->LandingRoleArn("sre"), "arn:aws-cn:iam::111111111111:role/foyer/sre");
  EXPECT_EQ((*loaded->Select(""))->name, "acme");
}

TEST_F(ClientConfigTest, SelectExplainsWhatExists) {
  ClientConfigFile config;
  config.Upsert(Acme());
  OrgAccess beta = Acme();
  beta.name = "beta";
  config.Upsert(beta);
  EXPECT_EQ(config.Select("").error().message, "several organizations are configured (acme, beta); choose one with --org");
  EXPECT_EQ(config.Select("gamma").error().message,
            "no organization 'gamma' is configured (there are: acme, beta); run `foyer configure --org gamma`");
}

TEST_F(ClientConfigTest, MissingFileSaysToConfigure) {
  auto loaded = LoadClientConfig((dir_ / "none.toml").string());
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(loaded.error().message,
            "foyer is not configured yet (no " + (dir_ / "none.toml").string() + "); run `foyer configure` first");
}

TEST_F(ClientConfigTest, MistakesNameFileLineAndColumn) {
  std::string path = Write(
      "[orgs.acme]\n"
      "admin_account_id = \"12345\"\n"
      "regions = [\"us-east-1\"]\n"
      "method = \"magic\"\n"
      "colour = \"blue\"\n");
  auto loaded = LoadClientConfig(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message,
            path + ":4:10: error: 'method' in [orgs.acme] must be one of oidc, saml, iam-user, identity-center, not 'magic'\n" +
            path + ":5:1: error: unknown key 'colour' in [orgs.acme]\n" +
            path + ":1:1: error: 'admin_account_id' in [orgs.acme] must be 12 digits\n" +
            path + ":1:1: error: method 'oidc' in [orgs.acme] needs a [orgs.acme.oidc] table");
}

TEST_F(ClientConfigTest, TomlSyntaxErrorsNamePosition) {
  std::string path = Write("[orgs.acme\n");
  auto loaded = LoadClientConfig(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().message.rfind(path + ":1:", 0), 0u) << loaded.error().message;
}

TEST(ParseClientConfigTest, ReadsRenderedTextAndNamesTheSourceInErrors) {
  ClientConfigFile config;
  config.default_org = "acme";
  config.Upsert(Acme());
  auto parsed = ParseClientConfig(RenderClientConfig(config), "new.toml");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(RenderClientConfig(*parsed), RenderClientConfig(config));

  auto broken = ParseClientConfig("default_org = \"acme\"\n[orgs.acme]\nadmin_account_id = \"1\"\n"
                                  "regions = [\"us-east-1\"]\nmethod = \"oidc\"\n",
                                  "new.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().message,
            "new.toml:2:1: error: 'admin_account_id' in [orgs.acme] must be 12 digits\n"
            "new.toml:2:1: error: method 'oidc' in [orgs.acme] needs a [orgs.acme.oidc] table");
}

TEST(ParseClientConfigTest, GrantsRoundTripAndBadRoleListsAreNamed) {
  ClientConfigFile config;
  OrgAccess org = Acme();
  org.grants["engineers"]["payments-production"] = {"Auditor"};
  org.grants["engineers"]["management"] = {"OrganizationReader"};
  org.grants["sre"]["payments-production"] = {"Administrator", "Auditor"};
  config.Upsert(org);
  std::string text = RenderClientConfig(config);
  EXPECT_NE(text.find("[orgs.acme.grants.\"sre\"]\n\"payments-production\" = [\"Administrator\", \"Auditor\"]\n"),
            std::string::npos)
      << text;
  auto parsed = ParseClientConfig(text, "new.toml");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->orgs[0].grants, org.grants);

  auto broken = ParseClientConfig(text + "\n[orgs.acme.grants.ops]\naudit = \"Auditor\"\n", "new.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("'audit' in [orgs.acme.grants.ops] must be an array of strings"),
            std::string::npos)
      << broken.error().message;
}

TEST_F(ClientConfigTest, IdentityCenterSessionNameIsOptionalAndKept) {
  std::string text = "[orgs.acme]\nadmin_account_id = \"111111111111\"\nregions = [\"us-east-1\"]\n"
                     "method = \"identity-center\"\n[orgs.acme.identity_center]\n"
                     "start_url = \"https://d-1.awsapps.com/start\"\nregion = \"eu-west-1\"\n";
  auto without = ParseClientConfig(text, "c.toml");
  ASSERT_TRUE(without.ok()) << without.error().message;
  EXPECT_EQ(without->orgs[0].identity_center->session_name, "");
  auto with = ParseClientConfig(text + "session_name = \"acme-sso\"\n", "c.toml");
  ASSERT_TRUE(with.ok()) << with.error().message;
  EXPECT_EQ(with->orgs[0].identity_center->session_name, "acme-sso");
  auto again = ParseClientConfig(RenderClientConfig(*with), "c.toml");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->orgs[0].identity_center->session_name, "acme-sso");
  EXPECT_EQ(again->orgs[0].identity_center->start_url, "https://d-1.awsapps.com/start");
}

}  // namespace
}  // namespace foyer::login
