#include "access/exports.h"

#include <gtest/gtest.h>

#include "base/time_format.h"

namespace foyer::access {
namespace {

aws::Credentials Session() {
  aws::Credentials credentials;
  credentials.access_key_id = "ASIAEXAMPLE";
  credentials.secret_access_key = "se'cret/+=";
  credentials.session_token = "to$ken`x`";
  credentials.expiration = *ParseIso8601("2030-01-02T03:04:05Z");
  return credentials;
}

TEST(CredentialProcessJsonTest, ExactlyTheSdkFormat) {
  EXPECT_EQ(CredentialProcessJson(Session()),
            "{\"Version\":1,\"AccessKeyId\":\"ASIAEXAMPLE\",\"SecretAccessKey\":\"se'cret/+=\","
            "\"SessionToken\":\"to$ken`x`\",\"Expiration\":\"2030-01-02T03:04:05Z\"}");
}

TEST(ShellQuoteTest, SingleQuotesEscaped) {
  EXPECT_EQ(ShellQuote("plain"), "'plain'");
  EXPECT_EQ(ShellQuote("it's"), "'it'\\''s'");
  EXPECT_EQ(ShellQuote("$(rm -rf x)"), "'$(rm -rf x)'");
}

TEST(RenderExportsTest, Sh) {
  EXPECT_EQ(RenderExports(SessionVariables(Session(), "eu-west-1"), ExportFormat::kSh),
            "export AWS_ACCESS_KEY_ID='ASIAEXAMPLE'\n"
            "export AWS_SECRET_ACCESS_KEY='se'\\''cret/+='\n"
            "export AWS_SESSION_TOKEN='to$ken`x`'\n"
            "export AWS_CREDENTIAL_EXPIRATION='2030-01-02T03:04:05Z'\n"
            "export AWS_REGION='eu-west-1'\n"
            "export AWS_DEFAULT_REGION='eu-west-1'\n");
}

TEST(RenderExportsTest, FishAndPowershell) {
  std::vector<std::pair<std::string, std::string>> variables = {{"A", "x'y\\z"}};
  EXPECT_EQ(RenderExports(variables, ExportFormat::kFish), "set -gx A 'x\\'y\\\\z'\n");
  EXPECT_EQ(RenderExports(variables, ExportFormat::kPowershell), "$Env:A = 'x''y\\z'\n");
}

TEST(RenderExportsTest, Json) {
  std::vector<std::pair<std::string, std::string>> variables = {{"B", "1"}, {"A", "\"2\""}};
  EXPECT_EQ(RenderExports(variables, ExportFormat::kJson), "{\n  \"B\": \"1\",\n  \"A\": \"\\\"2\\\"\"\n}\n");
}

TEST(ParseExportFormatTest, KnownNamesOnly) {
  EXPECT_EQ(ParseExportFormat("sh"), ExportFormat::kSh);
  EXPECT_EQ(ParseExportFormat("powershell"), ExportFormat::kPowershell);
  EXPECT_EQ(ParseExportFormat("bash"), std::nullopt);
}

}  // namespace
}  // namespace foyer::access
