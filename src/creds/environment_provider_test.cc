#include "creds/environment_provider.h"

#include <gtest/gtest.h>

namespace foyer::creds {
namespace {

Result<aws::Credentials> FromEnvironment(std::map<std::string, std::string> variables) {
  return EnvironmentProvider(Environment::FromMap(std::move(variables))).Retrieve();
}

TEST(EnvironmentProviderTest, NeedsAnAccessKey) {
  EXPECT_FALSE(EnvironmentHasCredentials(Environment::FromMap({{"AWS_ACCESS_KEY_ID", ""}})));
  EXPECT_FALSE(EnvironmentHasCredentials(Environment::FromMap({{"AWS_SECRET_ACCESS_KEY", "s"}})));
  EXPECT_TRUE(EnvironmentHasCredentials(Environment::FromMap({{"AWS_ACCESS_KEY_ID", "AKIA"}})));
}

TEST(EnvironmentProviderTest, AccessKeyWithoutSecretIsAnError) {
  Result<aws::Credentials> credentials = FromEnvironment({{"AWS_ACCESS_KEY_ID", "AKIA"}});
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.error().code, "PartialCredentials");
  EXPECT_EQ(credentials.error().message,
            "environment: AWS_SECRET_ACCESS_KEY is not set; set both AWS_ACCESS_KEY_ID and "
            "AWS_SECRET_ACCESS_KEY, or neither");
}

TEST(EnvironmentProviderTest, OlderSecurityTokenVariableWinsAsInTheCli) {
  Result<aws::Credentials> credentials =
      FromEnvironment({{"AWS_ACCESS_KEY_ID", "AKIA"}, {"AWS_SECRET_ACCESS_KEY", "s"},
                       {"AWS_SECURITY_TOKEN", "old"}, {"AWS_SESSION_TOKEN", "new"}});
  EXPECT_EQ(credentials->session_token, "old");
  EXPECT_FALSE(credentials->expiration.has_value());
}

TEST(EnvironmentProviderTest, BadExpirationIsNamed) {
  Result<aws::Credentials> credentials =
      FromEnvironment({{"AWS_ACCESS_KEY_ID", "AKIA"}, {"AWS_SECRET_ACCESS_KEY", "s"},
                       {"AWS_CREDENTIAL_EXPIRATION", "tomorrow"}});
  EXPECT_EQ(credentials.error().message,
            "environment: AWS_CREDENTIAL_EXPIRATION 'tomorrow' is not an RFC 3339 time such as "
            "2026-11-27T22:49:27Z");
}

}  // namespace
}  // namespace foyer::creds
