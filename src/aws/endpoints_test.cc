#include "aws/endpoints.h"

#include <stdlib.h>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

extern char** environ;

namespace foyer::aws {
namespace {

// Clears every endpoint setting of the environment for the test, and puts
// back what was there afterwards.
class EndpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<std::string> names;
    for (char** entry = environ; *entry != nullptr; ++entry) {
      std::string variable(*entry);
      std::string name = variable.substr(0, variable.find('='));
      if (name.starts_with("AWS_ENDPOINT_URL") || name == "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") {
        saved_[name] = variable.substr(variable.find('=') + 1);
        names.push_back(name);
      }
    }
    for (const std::string& name : names) unsetenv(name.c_str());
  }
  void TearDown() override {
    for (const std::string& name : set_) unsetenv(name.c_str());
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
  }
  void Set(const std::string& name, const std::string& value) {
    setenv(name.c_str(), value.c_str(), 1);
    set_.push_back(name);
  }

  static Endpoint Resolve(std::string_view service, std::string_view region, std::string_view profile_url = {}) {
    Result<Endpoint> endpoint = ResolveEndpoint(service, region, profile_url);
    EXPECT_TRUE(endpoint.ok()) << (endpoint.ok() ? "" : endpoint.error().Describe());
    return endpoint.ok() ? *endpoint : Endpoint{};
  }

 private:
  std::map<std::string, std::string> saved_;
  std::vector<std::string> set_;
};

void ExpectEndpoint(const Endpoint& endpoint, std::string_view url, std::string_view signing_region,
                    std::string_view signing_name) {
  EXPECT_EQ(endpoint.url, url);
  EXPECT_EQ(endpoint.signing_region, signing_region);
  EXPECT_EQ(endpoint.signing_name, signing_name);
}

TEST(EndpointPartitionTest, PartitionFromRegionPrefix) {
  EXPECT_EQ(PartitionOf("us-east-1"), "aws");
  EXPECT_EQ(PartitionOf("eu-west-3"), "aws");
  EXPECT_EQ(PartitionOf("us-gov-west-1"), "aws-us-gov");
  EXPECT_EQ(PartitionOf("us-gov-east-1"), "aws-us-gov");
  EXPECT_EQ(PartitionOf("cn-north-1"), "aws-cn");
  EXPECT_EQ(PartitionOf("cn-northwest-1"), "aws-cn");
  EXPECT_EQ(DnsSuffixOf("aws"), "amazonaws.com");
  EXPECT_EQ(DnsSuffixOf("aws-us-gov"), "amazonaws.com");
  EXPECT_EQ(DnsSuffixOf("aws-cn"), "amazonaws.com.cn");
}

TEST_F(EndpointTest, IamIsGlobalPerPartition) {
  ExpectEndpoint(Resolve("iam", "eu-west-1"), "https://iam.amazonaws.com", "us-east-1", "iam");
  ExpectEndpoint(Resolve("iam", "cn-northwest-1"), "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1", "iam");
  ExpectEndpoint(Resolve("iam", "us-gov-east-1"), "https://iam.us-gov.amazonaws.com", "us-gov-west-1", "iam");
}

TEST_F(EndpointTest, OrganizationsIsGlobalPerPartition) {
  ExpectEndpoint(Resolve("organizations", "ap-southeast-2"), "https://organizations.us-east-1.amazonaws.com",
                 "us-east-1", "organizations");
  ExpectEndpoint(Resolve("organizations", "cn-north-1"), "https://organizations.cn-northwest-1.amazonaws.com.cn",
                 "cn-northwest-1", "organizations");
  ExpectEndpoint(Resolve("organizations", "us-gov-east-1"), "https://organizations.us-gov-west-1.amazonaws.com",
                 "us-gov-west-1", "organizations");
}

TEST_F(EndpointTest, RegionalServices) {
  ExpectEndpoint(Resolve("sts", "us-west-2"), "https://sts.us-west-2.amazonaws.com", "us-west-2", "sts");
  ExpectEndpoint(Resolve("sts", "cn-north-1"), "https://sts.cn-north-1.amazonaws.com.cn", "cn-north-1", "sts");
  ExpectEndpoint(Resolve("sts", "us-gov-west-1"), "https://sts.us-gov-west-1.amazonaws.com", "us-gov-west-1", "sts");
  ExpectEndpoint(Resolve("s3", "eu-central-1"), "https://s3.eu-central-1.amazonaws.com", "eu-central-1", "s3");
  ExpectEndpoint(Resolve("kms", "us-east-2"), "https://kms.us-east-2.amazonaws.com", "us-east-2", "kms");
  ExpectEndpoint(Resolve("dynamodb", "us-east-1"), "https://dynamodb.us-east-1.amazonaws.com", "us-east-1",
                 "dynamodb");
  ExpectEndpoint(Resolve("cloudtrail", "cn-north-1"), "https://cloudtrail.cn-north-1.amazonaws.com.cn", "cn-north-1",
                 "cloudtrail");
  ExpectEndpoint(Resolve("sso", "eu-west-1"), "https://sso.eu-west-1.amazonaws.com", "eu-west-1", "sso");
  ExpectEndpoint(Resolve("identitystore", "eu-west-1"), "https://identitystore.eu-west-1.amazonaws.com",
                 "eu-west-1", "identitystore");
}

TEST_F(EndpointTest, IdentityCenterSigningNamesDifferFromPrefixes) {
  ExpectEndpoint(Resolve("portal.sso", "eu-west-1"), "https://portal.sso.eu-west-1.amazonaws.com", "eu-west-1",
                 "awsssoportal");
  ExpectEndpoint(Resolve("oidc", "us-east-1"), "https://oidc.us-east-1.amazonaws.com", "us-east-1", "sso-oauth");
  ExpectEndpoint(Resolve("portal.sso", "cn-north-1"), "https://portal.sso.cn-north-1.amazonaws.com.cn",
                 "cn-north-1", "awsssoportal");
}

TEST_F(EndpointTest, SigninUsesTheConsoleDomains) {
  ExpectEndpoint(Resolve("signin", "us-east-1"), "https://us-east-1.signin.aws.amazon.com", "us-east-1", "signin");
  ExpectEndpoint(Resolve("signin", "cn-north-1"), "https://cn-north-1.signin.amazonaws.cn", "cn-north-1", "signin");
  ExpectEndpoint(Resolve("signin", "us-gov-west-1"), "https://us-gov-west-1.signin.amazonaws-us-gov.com",
                 "us-gov-west-1", "signin");
}

TEST_F(EndpointTest, OverrideVariableNamesFollowServiceIds) {
  EXPECT_EQ(EndpointOverrideVariable("sts"), "AWS_ENDPOINT_URL_STS");
  EXPECT_EQ(EndpointOverrideVariable("iam"), "AWS_ENDPOINT_URL_IAM");
  EXPECT_EQ(EndpointOverrideVariable("organizations"), "AWS_ENDPOINT_URL_ORGANIZATIONS");
  EXPECT_EQ(EndpointOverrideVariable("s3"), "AWS_ENDPOINT_URL_S3");
  EXPECT_EQ(EndpointOverrideVariable("kms"), "AWS_ENDPOINT_URL_KMS");
  EXPECT_EQ(EndpointOverrideVariable("dynamodb"), "AWS_ENDPOINT_URL_DYNAMODB");
  EXPECT_EQ(EndpointOverrideVariable("cloudtrail"), "AWS_ENDPOINT_URL_CLOUDTRAIL");
  EXPECT_EQ(EndpointOverrideVariable("portal.sso"), "AWS_ENDPOINT_URL_SSO");
  EXPECT_EQ(EndpointOverrideVariable("oidc"), "AWS_ENDPOINT_URL_SSO_OIDC");
  EXPECT_EQ(EndpointOverrideVariable("sso"), "AWS_ENDPOINT_URL_SSO_ADMIN");
  EXPECT_EQ(EndpointOverrideVariable("identitystore"), "AWS_ENDPOINT_URL_IDENTITYSTORE");
  EXPECT_EQ(EndpointOverrideVariable("ec2"), "");
}

TEST_F(EndpointTest, ServiceVariableBeatsGlobalVariableBeatsProfile) {
  Set("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:5001");
  Set("AWS_ENDPOINT_URL", "http://127.0.0.1:5002/");
  ExpectEndpoint(Resolve("sts", "eu-west-1", "http://127.0.0.1:5003"), "http://127.0.0.1:5001", "eu-west-1", "sts");
  // Another service's variable does not apply; the global one does, less
  // its trailing slash; the signing region is the client's, even for IAM.
  ExpectEndpoint(Resolve("iam", "eu-west-1", "http://127.0.0.1:5003"), "http://127.0.0.1:5002", "eu-west-1", "iam");
  unsetenv("AWS_ENDPOINT_URL");
  ExpectEndpoint(Resolve("oidc", "eu-west-1", "https://localhost:5003/base/"), "https://localhost:5003/base",
                 "eu-west-1", "sso-oauth");
}

TEST_F(EndpointTest, EmptyVariablesCountAsUnset) {
  Set("AWS_ENDPOINT_URL_SSO_OIDC", "");
  Set("AWS_ENDPOINT_URL", "");
  ExpectEndpoint(Resolve("oidc", "us-east-1"), "https://oidc.us-east-1.amazonaws.com", "us-east-1", "sso-oauth");
}

TEST_F(EndpointTest, IgnoreConfiguredEndpointUrlsDisablesAllThree) {
  Set("AWS_ENDPOINT_URL_IAM", "http://127.0.0.1:5001");
  Set("AWS_ENDPOINT_URL", "http://127.0.0.1:5002");
  Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE");
  ExpectEndpoint(Resolve("iam", "us-east-1", "http://127.0.0.1:5003"), "https://iam.amazonaws.com", "us-east-1",
                 "iam");
  Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false");
  ExpectEndpoint(Resolve("iam", "us-east-1"), "http://127.0.0.1:5001", "us-east-1", "iam");
}

TEST_F(EndpointTest, AcceptsIpv6AndPortlessOverrides) {
  ExpectEndpoint(Resolve("s3", "us-east-1", "http://[::1]:9000"), "http://[::1]:9000", "us-east-1", "s3");
  ExpectEndpoint(Resolve("s3", "us-east-1", "HTTPS://s3.example.com"), "HTTPS://s3.example.com", "us-east-1", "s3");
}

TEST_F(EndpointTest, RejectsMalformedOverridesNamingTheirOrigin) {
  const std::vector<std::string> bad = {
      "127.0.0.1:5000",         "ftp://127.0.0.1",           "http://",
      "http://:5000",           "http://host:port",          "http://host:70000",
      "http://host:0",          "http://user:pw@host",       "http://host/?a=b",
      "http://host/#frag",      "http://ho st",              "http://[::1",
      "http://[]:80",           "http://host:",              "file:///etc/passwd",
  };
  for (const std::string& url : bad) {
    Set("AWS_ENDPOINT_URL_STS", url);
    Result<Endpoint> endpoint = ResolveEndpoint("sts", "us-east-1");
    ASSERT_FALSE(endpoint.ok()) << url;
    EXPECT_EQ(endpoint.error().code, "ConfigError") << url;
    EXPECT_TRUE(endpoint.error().message.starts_with("AWS_ENDPOINT_URL_STS is \"" + url + "\"")) << url;
  }
  unsetenv("AWS_ENDPOINT_URL_STS");
  Result<Endpoint> from_profile = ResolveEndpoint("sts", "us-east-1", "localhost:5000");
  ASSERT_FALSE(from_profile.ok());
  EXPECT_TRUE(from_profile.error().message.starts_with("The profile's endpoint_url is \"localhost:5000\""));
}

TEST_F(EndpointTest, RejectsBadRegionsAndUnknownServices) {
  for (std::string region : {"", "US-EAST-1", "us-east-1.evil.com", "us east", "-us-east-1", "us-east-1/"}) {
    Result<Endpoint> endpoint = ResolveEndpoint("sts", region);
    ASSERT_FALSE(endpoint.ok()) << region;
    EXPECT_EQ(endpoint.error().code, "ConfigError") << region;
  }
  Result<Endpoint> unknown = ResolveEndpoint("ec2", "us-east-1");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, "UnknownService");
}

}  // namespace
}  // namespace foyer::aws
