#include "audit/report.h"

#include <gtest/gtest.h>

namespace foyer::audit {
namespace {

std::vector<Finding> TwoFindings() {
  return {{"S8-trust-everyone", Severity::kHigh, "333333333333", "arn:aws:iam::333333333333:role/open",
           "role trusts everyone", {"trust_policy statement 0: Allow sts:assumerole to *, without condition"},
           "name the landing roles"},
          {"S7-user-without-mfa", Severity::kMedium, "222222222222", "arn:aws:iam::222222222222:user/bob",
           "no MFA", {"iam:ListMFADevices is empty"}, "foyer mfa enroll"}};
}

TEST(ReportTest, TextHasOneBlockPerFindingAndCounts) {
  EXPECT_EQ(FindingsText(TwoFindings()),
            "HIGH  S8-trust-everyone  arn:aws:iam::333333333333:role/open\n"
            "  role trusts everyone\n"
            "    trust_policy statement 0: Allow sts:assumerole to *, without condition\n"
            "  fix: name the landing roles\n\n"
            "MEDIUM  S7-user-without-mfa  arn:aws:iam::222222222222:user/bob\n"
            "  no MFA\n"
            "    iam:ListMFADevices is empty\n"
            "  fix: foyer mfa enroll\n\n"
            "2 findings: 1 high, 1 medium, 0 low\n");
  EXPECT_EQ(FindingsText({}), "0 findings: 0 high, 0 medium, 0 low\n");
}

TEST(ReportTest, JsonListsEveryField) {
  nlohmann::ordered_json json = FindingsJson(TwoFindings());
  EXPECT_EQ(json["findings"][0]["rule"], "S8-trust-everyone");
  EXPECT_EQ(json["findings"][0]["severity"], "high");
  EXPECT_EQ(json["findings"][1]["evidence"][0], "iam:ListMFADevices is empty");
  EXPECT_EQ(json["counts"].dump(), R"({"high":1,"medium":1,"low":0})");
}

// The properties SARIF 2.1.0 requires: version, runs; run.tool.driver.name;
// result.message.text; rule ids; and levels from its enumeration.
TEST(ReportTest, SarifHasTheRequiredProperties) {
  std::vector<Finding> findings = TwoFindings();
  findings.push_back(findings[0]);
  findings[2].resource = "arn:aws:iam::333333333333:role/other";
  nlohmann::ordered_json sarif = FindingsSarif(findings, "1.2.3");
  EXPECT_EQ(sarif["version"], "2.1.0");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "foyer");
  EXPECT_EQ(run["tool"]["driver"]["version"], "1.2.3");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 2u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][1]["id"], "S7-user-without-mfa");
  ASSERT_EQ(run["results"].size(), 3u);
  EXPECT_EQ(run["results"][0]["level"], "error");
  EXPECT_EQ(run["results"][1]["level"], "warning");
  EXPECT_EQ(run["results"][2]["ruleIndex"], 0);
  EXPECT_EQ(run["results"][2]["message"]["text"], "role trusts everyone");
  EXPECT_EQ(run["results"][2]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "arn:aws:iam::333333333333:role/other");
}

TEST(FindingTest, SeverityThresholdAndOrder) {
  std::vector<Finding> findings = TwoFindings();
  std::swap(findings[0], findings[1]);
  SortFindings(findings);
  EXPECT_EQ(findings[0].rule, "S8-trust-everyone");
  EXPECT_TRUE(AnyAtOrAbove(findings, Severity::kHigh));
  findings.erase(findings.begin());
  EXPECT_FALSE(AnyAtOrAbove(findings, Severity::kHigh));
  EXPECT_TRUE(AnyAtOrAbove(findings, Severity::kLow));
  EXPECT_EQ(ParseSeverity("medium"), Severity::kMedium);
  EXPECT_EQ(ParseSeverity("critical"), std::nullopt);
}

}  // namespace
}  // namespace foyer::audit
