#include "terraform/module_tree.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"
#include "terraform/root_module.h"

namespace foyer::terraform {
namespace {

using ::testing::ElementsAre;

void WriteModule(const std::filesystem::path& tree, const std::string& label, const std::string& header,
                 const std::string& account_line) {
  std::filesystem::create_directories(tree / "root-modules" / label);
  std::ofstream(tree / "root-modules" / label / "providers.tf") << header << account_line << "\nprovider \"aws\" {\n}\n";
}

std::vector<std::string> Labels(const std::vector<FoundModule>& modules) {
  std::vector<std::string> labels;
  for (const FoundModule& module : modules) labels.push_back(module.label);
  return labels;
}

class ModuleTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteModule(tree_.path(), "payments/production/default/us-east-1", kGeneratedHeader,
                "# account payments-production 111111111111 as Administrator");
    WriteModule(tree_.path(), "payments/production/default/global", kGeneratedHeader,
                "# account payments-production 111111111111 as Administrator");
    WriteModule(tree_.path(), "payments/development/default/global", kGeneratedHeader,
                "# account payments-development 222222222222 as Administrator");
    WriteModule(tree_.path(), "special/audit/global", kGeneratedHeader, "# account audit 333333333333 as Administrator");
    // Written by the user, not foyer: not a root module foyer runs.
    WriteModule(tree_.path(), "handmade", "# mine\n", "");
  }
  store::ScratchDir tree_;
};

TEST_F(ModuleTreeTest, FindsGeneratedModulesWithTheirAccounts) {
  auto modules = FindRootModules(tree_.path());
  ASSERT_TRUE(modules.ok()) << modules.error().message;
  EXPECT_THAT(Labels(*modules), ElementsAre("payments/development/default/global", "payments/production/default/global",
                                            "payments/production/default/us-east-1", "special/audit/global"));
  EXPECT_EQ((*modules)[3].account_name, "audit");
  EXPECT_EQ((*modules)[3].account_id, "333333333333");
  EXPECT_EQ((*modules)[3].role, "Administrator");
  EXPECT_EQ((*modules)[3].directory, tree_.path() / "root-modules/special/audit/global");
}

TEST_F(ModuleTreeTest, TargetsPickByFolderPrefixNameOrId) {
  auto modules = FindRootModules(tree_.path());
  ASSERT_TRUE(modules.ok());
  EXPECT_THAT(Labels(*SelectModules(*modules, {"payments/production"}, false)),
              ElementsAre("payments/production/default/global", "payments/production/default/us-east-1"));
  EXPECT_THAT(Labels(*SelectModules(*modules, {"audit", "222222222222"}, false)),
              ElementsAre("payments/development/default/global", "special/audit/global"));
  EXPECT_THAT(Labels(*SelectModules(*modules, {"payments/production/default/us-east-1"}, false)),
              ElementsAre("payments/production/default/us-east-1"));
  EXPECT_EQ(SelectModules(*modules, {}, true)->size(), 4u);
}

TEST_F(ModuleTreeTest, TargetMatchingNothingOrNoTargetIsAUsageError) {
  auto modules = FindRootModules(tree_.path());
  ASSERT_TRUE(modules.ok());
  // A prefix of a folder name is not a folder prefix.
  auto none = SelectModules(*modules, {"payments/prod"}, false);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().exit_code, ExitCode::kUsage);
  EXPECT_NE(none.error().message.find("'payments/prod'"), std::string::npos);
  EXPECT_FALSE(SelectModules(*modules, {}, false).ok());
}

TEST_F(ModuleTreeTest, BrokenAccountLineAndMissingTreeAreErrors) {
  WriteModule(tree_.path(), "web/production/default/global", kGeneratedHeader,
              "# account web-production 444444444444");
  auto modules = FindRootModules(tree_.path());
  ASSERT_FALSE(modules.ok());
  EXPECT_NE(modules.error().message.find("web/production/default/global/providers.tf"), std::string::npos);
  auto missing = FindRootModules(tree_.path() / "nowhere");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("foyer terraform generate"), std::string::npos);
}

}  // namespace
}  // namespace foyer::terraform
