#include "creds/aws_profiles.h"

#include <gtest/gtest.h>

namespace foyer::creds {
namespace {

std::optional<IniFile> Ini(std::string_view text, const std::string& path) {
  Result<IniFile> file = ParseIni(text, path);
  EXPECT_TRUE(file.ok());
  return file.ok() ? std::optional<IniFile>(*file) : std::nullopt;
}

TEST(AwsProfilesTest, ConfigNeedsTheProfilePrefixCredentialsDoNot) {
  AwsConfigFiles files = BuildAwsConfigFiles(
      Ini("[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n[prod]\nregion = x\n"
          "[profile  \"my team\" ]\nregion = y\n[profile a b]\nregion = z\n",
          "config"),
      Ini("[prod]\naws_access_key_id = AKIAPROD\n[profile ops]\naws_access_key_id = AKIAOPS\n",
          "credentials"));
  ASSERT_NE(files.FindProfile("default"), nullptr);
  EXPECT_EQ(*files.FindProfile("default")->Find("region"), "eu-west-1");
  EXPECT_EQ(*files.FindProfile("dev")->Find("region"), "us-west-2");
  EXPECT_EQ(*files.FindProfile("my team")->Find("region"), "y");
  // [prod] in config is not a profile: only the credentials file's [prod] is.
  EXPECT_EQ(files.FindProfile("prod")->Find("region"), nullptr);
  EXPECT_EQ(*files.FindProfile("prod")->Find("aws_access_key_id"), "AKIAPROD");
  EXPECT_EQ(*files.FindProfile("profile ops")->Find("aws_access_key_id"), "AKIAOPS");
  EXPECT_EQ(files.FindProfile("ops"), nullptr);
  EXPECT_EQ(files.FindProfile("a b"), nullptr);
  EXPECT_EQ(files.profiles.size(), 5u);
}

TEST(AwsProfilesTest, CredentialsFileWinsKeyByKey) {
  AwsConfigFiles files = BuildAwsConfigFiles(
      Ini("[profile dev]\nregion = us-west-2\naws_access_key_id = AKIACONFIG\n", "cfg"),
      Ini("\n[dev]\naws_access_key_id = AKIACREDS\naws_secret_access_key = s\n", "creds"));
  const Profile* dev = files.FindProfile("dev");
  EXPECT_EQ(*dev->Find("region"), "us-west-2");
  EXPECT_EQ(*dev->Find("aws_access_key_id"), "AKIACREDS");
  EXPECT_EQ(dev->Where("aws_access_key_id"), "creds:3");
  EXPECT_EQ(dev->Where("region"), "cfg:2");
  EXPECT_EQ(dev->Where("role_arn"), "profile dev");
  EXPECT_EQ(*files.config_profiles.at("dev").Find("aws_access_key_id"), "AKIACONFIG");
  EXPECT_EQ(*files.credentials_profiles.at("dev").Find("aws_access_key_id"), "AKIACREDS");
}

TEST(AwsProfilesTest, LaterDefaultSectionReplacesEarlierOne) {
  AwsConfigFiles files = BuildAwsConfigFiles(
      Ini("[default]\nregion = a\noutput = json\n[profile default]\nregion = b\n", "c"), std::nullopt);
  EXPECT_EQ(files.FindProfile("default")->values,
            (std::map<std::string, std::string>{{"region", "b"}}));
}

TEST(AwsProfilesTest, SsoSessionsAndNestedValues) {
  AwsConfigFiles files = BuildAwsConfigFiles(
      Ini("[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = "
          "eu-west-1\n[profile x]\ns3 =\n  addressing_style = path\nsso_session = corp\n",
          "c"),
      std::nullopt);
  ASSERT_NE(files.FindSsoSession("corp"), nullptr);
  EXPECT_EQ(*files.FindSsoSession("corp")->Find("sso_region"), "eu-west-1");
  EXPECT_EQ(files.FindProfile("corp"), nullptr);
  EXPECT_EQ(files.FindProfile("x")->values,
            (std::map<std::string, std::string>{{"sso_session", "corp"}}));
}

TEST(AwsProfilesTest, ProfileSelection) {
  EXPECT_EQ(SelectedProfileName("cli", Environment::FromMap({{"AWS_PROFILE", "env"}})), "cli");
  EXPECT_EQ(SelectedProfileName("", Environment::FromMap({{"AWS_PROFILE", "p"},
                                                          {"AWS_DEFAULT_PROFILE", "d"}})),
            "d");
  EXPECT_EQ(SelectedProfileName("", Environment::FromMap({{"AWS_PROFILE", "p"}})), "p");
  EXPECT_EQ(SelectedProfileName("", Environment::FromMap({{"AWS_PROFILE", ""}})), "default");
}

TEST(AwsProfilesTest, RegionPrecedence) {
  Profile profile{"p", {{"region", "ap-south-1"}}, {}};
  EXPECT_EQ(ResolveRegion(Environment::FromMap({{"AWS_REGION", "a"}, {"AWS_DEFAULT_REGION", "b"}}),
                          &profile),
            "a");
  EXPECT_EQ(ResolveRegion(Environment::FromMap({{"AWS_DEFAULT_REGION", "b"}}), &profile), "b");
  EXPECT_EQ(ResolveRegion(Environment::FromMap({}), &profile), "ap-south-1");
  EXPECT_EQ(ResolveRegion(Environment::FromMap({}), nullptr), "");
}

TEST(AwsProfilesTest, LoadsFromTheEnvironmentsPathsAndReportsFileLine) {
  Environment env = Environment::FromMap({{"AWS_CONFIG_FILE", "/nonexistent/config"},
                                          {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/creds"}});
  Result<AwsConfigFiles> files = LoadAwsConfigFiles(env);
  ASSERT_TRUE(files.ok());
  EXPECT_TRUE(files->profiles.empty());
  EXPECT_EQ(files->config_path, "/nonexistent/config");
  EXPECT_EQ(Environment::FromMap({{"HOME", "/home/q"}}).ExpandUser("~/.aws/config"),
            "/home/q/.aws/config");
  EXPECT_EQ(Environment::FromMap({{"HOME", "/home/q"}}).ExpandUser("~x/config"), "~x/config");
}

}  // namespace
}  // namespace foyer::creds
