#include "org/org_validation.h"

#include <cstdlib>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"
#include "spec/starter_spec.h"

namespace foyer::org {
namespace {

using ::testing::ElementsAre;
using spec::testing::kSmallSpec;
using spec::testing::Lines;
using spec::testing::ReplaceOnce;

std::vector<std::string> OrganizationErrors(const std::string& text) {
  spec::ParsedSpec parsed = spec::ParseSpec(text, "t.toml");
  EXPECT_THAT(Lines(parsed.diagnostics), ElementsAre());
  return Lines(ValidateOrganization(parsed.spec));
}

TEST(OrgValidationTest, SmallSpecAndStarterSpecAreValid) {
  EXPECT_THAT(OrganizationErrors(std::string(kSmallSpec)), ElementsAre());
  EXPECT_THAT(OrganizationErrors(std::string(spec::StarterSpecText())), ElementsAre());
}

TEST(OrgValidationTest, TwoAccountsWithOneName) {
  std::string text = ReplaceOnce(kSmallSpec, "deploy = \"deploy\"", "deploy = \"web-production\"");
  text = ReplaceOnce(text, "\"development\", \"production\"]",
                     "\"development\", \"production\", \"ops-production\"]");
  text = ReplaceOnce(text, "environments = [\"production\"]\n",
                     "environments = [\"production\", \"ops-production\"]\n");
  text += "\n[[domain]]\nname = \"web-ops\"\nenvironments = [\"production\"]\n";
  EXPECT_THAT(
      OrganizationErrors(text),
      ElementsAre("t.toml:16:8: error: two accounts would be named 'web-production': [accounts] "
                  "deploy and [[domain]] 'web' (environment 'production', quality 'default')",
                  "t.toml:37:8: error: two accounts would be named 'web-ops-production': "
                  "[[domain]] 'web' (environment 'ops-production', quality 'default') and "
                  "[[domain]] 'web-ops' (environment 'production', quality 'default')"));
}

TEST(OrgValidationTest, DuplicateDomainIsReportedOnceNotAsACollision) {
  std::string text = std::string(kSmallSpec) + "\n[[domain]]\nname = \"web\"\n";
  EXPECT_THAT(OrganizationErrors(text),
              ElementsAre("t.toml:37:8: error: domain 'web' is declared twice (first at 16:8)"));
}

TEST(OrgValidationTest, ReservedAndOverlongAccountNames) {
  std::string text = ReplaceOnce(kSmallSpec, "admin = \"admin\"", "admin = \"management\"");
  text = ReplaceOnce(text, "name = \"web\"", "name = \"web-" + std::string(36, 'w') + "\"");
  EXPECT_THAT(
      OrganizationErrors(text),
      ElementsAre("t.toml:3:9: error: root email 'aws+web-" + std::string(36, 'w') +
                      "-production@example.com' of account 'web-" + std::string(36, 'w') +
                      "-production' is 67 characters; AWS allows at most 64",
                  "t.toml:8:9: error: account name 'management' is reserved for the management "
                  "account",
                  "t.toml:16:8: error: account name 'web-" + std::string(36, 'w') +
                      "-production' is 51 characters; AWS allows at most 50"));
}

TEST(OrgValidationTest, RootEmailTooLong) {
  std::string text = ReplaceOnce(kSmallSpec, "aws+{account}@example.com",
                                 "aws-root-mailbox-for-acme+{account}@example-corporation.com");
  EXPECT_THAT(OrganizationErrors(text),
              ElementsAre("t.toml:3:9: error: root email 'aws-root-mailbox-for-acme+"
                          "payments-development@example-corporation.com' of account "
                          "'payments-development' is 70 characters; AWS allows at most 64"));
}

class CheckSpecFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-org-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path Write(const std::string& text) {
    std::filesystem::path path = folder_ / "foyer.toml";
    std::ofstream(path) << text;
    return path;
  }

  std::filesystem::path folder_;
};

TEST_F(CheckSpecFileTest, AcmeExampleIsValid) {
  Result<CheckedSpec> checked = CheckSpecFile("examples/acme/foyer.toml");
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_THAT(Lines(checked->diagnostics), ElementsAre());
  EXPECT_EQ(checked->accounts.size(), 9u);
  EXPECT_EQ(checked->spec.groups.size(), 3u);
  EXPECT_NE(checked->spec.roles[0].policy_document.find("iam:PassRole"), std::string::npos);
}

TEST_F(CheckSpecFileTest, StructuralErrorsAreReportedAlone) {
  // The unknown key hides the semantic error (one region) until it is fixed.
  std::string text = ReplaceOnce(kSmallSpec, "[\"us-east-1\", \"us-west-2\"]", "[\"us-east-1\"]");
  text = ReplaceOnce(text, "name = \"web\"", "nme = \"web\"");
  std::filesystem::path path = Write(text);
  Result<CheckedSpec> checked = CheckSpecFile(path);
  ASSERT_TRUE(checked.ok());
  EXPECT_THAT(Lines(checked->diagnostics),
              ElementsAre(path.string() + ":15:1: error: missing key 'name' in [[domain]] #2",
                          path.string() + ":16:1: error: unknown key 'nme' in [[domain]] #2 "
                                          "\u2014 did you mean 'name'?"));
}

TEST_F(CheckSpecFileTest, SemanticErrorsOfEveryLayerTogether) {
  std::string text = ReplaceOnce(kSmallSpec, "[\"us-east-1\", \"us-west-2\"]", "[\"us-east-1\"]");
  text = ReplaceOnce(text, "deploy = \"deploy\"", "deploy = \"admin\"");
  text = ReplaceOnce(text, "PowerUserAccess\"]", "PowerUserAccess\"]\npolicy_file = \"p.json\"");
  std::filesystem::path path = Write(text);
  Result<CheckedSpec> checked = CheckSpecFile(path);
  ASSERT_TRUE(checked.ok());
  const std::string file = path.string();
  EXPECT_THAT(Lines(checked->diagnostics),
              ElementsAre(file + ":4:11: error: at least two regions are required so that access "
                                 "survives a regional outage (rule S5); found 1",
                          file + ":10:10: error: two accounts would be named 'admin': [accounts] "
                                 "admin and [accounts] deploy",
                          file + ":23:15: error: policy_file of [[role]] 'Deployer': cannot read " +
                              (folder_ / "p.json").string() + ": No such file or directory"));
}

TEST_F(CheckSpecFileTest, LoadValidSpecListsEveryError) {
  std::string text = ReplaceOnce(kSmallSpec, "\"123456789012\"", "\"1\"");
  text = ReplaceOnce(text, "[\"us-east-1\", \"us-west-2\"]", "[\"us-east-1\"]");
  std::filesystem::path path = Write(text);
  Result<CheckedSpec> loaded = LoadValidSpec(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, "SpecError");
  EXPECT_EQ(loaded.error().message,
            path.string() + " has errors; run 'foyer validate' for details:\n" + path.string() +
                ":2:25: error: management_account_id '1' must be 12 digits\n" + path.string() +
                ":4:11: error: at least two regions are required so that access survives a "
                "regional outage (rule S5); found 1");
  EXPECT_TRUE(LoadValidSpec(Write(std::string(kSmallSpec))).ok());
}

TEST_F(CheckSpecFileTest, MissingFile) {
  Result<CheckedSpec> checked = CheckSpecFile(folder_ / "none.toml");
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().message,
            "cannot read " + (folder_ / "none.toml").string() + ": No such file or directory");
}

}  // namespace
}  // namespace foyer::org
