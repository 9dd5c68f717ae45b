#include "access/console_sign_in.h"

#include <gtest/gtest.h>

#include "aws/fake_transport.h"

namespace foyer::access {
namespace {

ConsoleEndpoints Endpoints(const std::string& partition, std::map<std::string, std::string> env = {}) {
  auto endpoints = ConsoleEndpointsFor(partition, creds::Environment::FromMap(std::move(env)));
  EXPECT_TRUE(endpoints.ok());
  return *endpoints;
}

aws::Credentials Session() { return {"ASIAEXAMPLE", "se/cret+key", "to&ken=", std::nullopt, "test"}; }

TEST(ConsoleEndpointsTest, PerPartition) {
  EXPECT_EQ(Endpoints("aws").federation, "https://signin.aws.amazon.com/federation");
  EXPECT_EQ(Endpoints("aws").console_host, "console.aws.amazon.com");
  EXPECT_EQ(Endpoints("aws-cn").federation, "https://signin.amazonaws.cn/federation");
  EXPECT_EQ(Endpoints("aws-cn").console_host, "console.amazonaws.cn");
  EXPECT_EQ(Endpoints("aws-us-gov").federation, "https://signin.amazonaws-us-gov.com/federation");
  EXPECT_EQ(Endpoints("aws-us-gov").console_host, "console.amazonaws-us-gov.com");
  EXPECT_EQ(DefaultDestination(Endpoints("aws-cn"), "cn-north-1"),
            "https://console.amazonaws.cn/console/home?region=cn-north-1");
}

TEST(ConsoleEndpointsTest, OverrideOnlyToLoopbackHttp) {
  EXPECT_EQ(Endpoints("aws", {{"FOYER_FEDERATION_ENDPOINT", "http://127.0.0.1:8080/federation"}}).federation,
            "http://127.0.0.1:8080/federation");
  for (std::string bad : {"https://127.0.0.1/federation", "http://evil.example/federation",
                                 "http://127.0.0.1.evil.example/", "file:///etc/passwd"}) {
    auto endpoints = ConsoleEndpointsFor("aws", creds::Environment::FromMap({{"FOYER_FEDERATION_ENDPOINT", bad}}));
    EXPECT_FALSE(endpoints.ok()) << bad;
  }
}

TEST(CheckDestinationTest, TheConsolesOwnHostsAreAccepted) {
  for (std::string good : {"https://console.aws.amazon.com/", "https://console.aws.amazon.com",
                                  "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#Instances:",
                                  "https://s3.console.aws.amazon.com/s3/buckets", "HTTPS://Console.AWS.amazon.com:443/x"}) {
    EXPECT_TRUE(CheckDestination(good, Endpoints("aws")).ok()) << good;
  }
  EXPECT_TRUE(CheckDestination("https://console.amazonaws.cn/iam", Endpoints("aws-cn")).ok());
}

TEST(CheckDestinationTest, AnythingElseIsRefused) {
  for (std::string bad :
       {"https://evil.example/", "https://console.aws.amazon.com.evil.example/", "javascript:alert(1)",
        "http://console.aws.amazon.com/", "//console.aws.amazon.com/", "https://console.aws.amazon.com@evil.example/",
        "https://evil.example\\@console.aws.amazon.com/", "https://xconsole.aws.amazon.com/",
        "https://console.aws.amazon.com:8443/", "https://evil.example#.console.aws.amazon.com",
        "https://console.aws.amazon.com./", "https://console.aws.amazon.com /", "data:text/html,hi",
        "https://console.amazonaws.cn/", ""}) {
    Status checked = CheckDestination(bad, Endpoints("aws"));
    ASSERT_FALSE(checked.ok()) << bad;
    EXPECT_EQ(checked.error().exit_code, ExitCode::kUsage);
    EXPECT_NE(checked.error().message.find("only https URLs on console.aws.amazon.com"), std::string::npos);
  }
}

TEST(ConsoleSignInUrlTest, AsksForATokenThenBuildsTheLoginUrl) {
  aws::FakeTransport transport;
  transport.Reply(200, R"({"SigninToken":"tok/en+1"})");
  ConsoleRequest request{Session(), "https://console.aws.amazon.com/iam/home", std::nullopt};
  auto url = ConsoleSignInUrl(request, Endpoints("aws"), transport);
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(*url,
            "https://signin.aws.amazon.com/federation?Action=login&Issuer=foyer&Destination="
            "https%3A%2F%2Fconsole.aws.amazon.com%2Fiam%2Fhome&SigninToken=tok%2Fen%2B1");
  ASSERT_EQ(transport.requests.size(), 1u);
  EXPECT_EQ(transport.requests[0].method, "GET");
  std::string query = transport.requests[0].url.substr(transport.requests[0].url.find('?') + 1);
  EXPECT_EQ(*ParseQueryString(query),
            (QueryPairs{{"Action", "getSigninToken"},
                        {"Session", R"({"sessionId":"ASIAEXAMPLE","sessionKey":"se/cret+key","sessionToken":"to&ken="})"}}));
}

TEST(ConsoleSignInUrlTest, SessionDurationOnlyWhenGiven) {
  aws::FakeTransport transport;
  transport.Reply(200, R"({"SigninToken":"t"})");
  ConsoleRequest request{Session(), "https://console.aws.amazon.com/", std::chrono::seconds(43200)};
  ASSERT_TRUE(ConsoleSignInUrl(request, Endpoints("aws"), transport).ok());
  std::string query = transport.requests[0].url.substr(transport.requests[0].url.find('?') + 1);
  EXPECT_EQ((*ParseQueryString(query))[1], (std::pair<std::string, std::string>{"SessionDuration", "43200"}));
}

TEST(ConsoleSignInUrlTest, ARefusalSaysSoWithoutEchoingAnything) {
  aws::FakeTransport transport;
  transport.Reply(400, "se/cret+key was refused");
  ConsoleRequest request{Session(), "https://console.aws.amazon.com/", std::nullopt};
  auto url = ConsoleSignInUrl(request, Endpoints("aws"), transport);
  ASSERT_FALSE(url.ok());
  EXPECT_EQ(url.error().message, "the console sign-in endpoint https://signin.aws.amazon.com/federation answered "
                                 "HTTP 400 without a sign-in token");
}

}  // namespace
}  // namespace foyer::access
