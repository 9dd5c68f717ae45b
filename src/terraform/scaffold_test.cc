#include "terraform/scaffold.h"

#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::terraform {
namespace {

using ::testing::ElementsAre;

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void Write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST(ScaffoldTest, CreatesThenLeavesIdenticalFilesAndUserFilesAlone) {
  store::ScratchDir scratch;
  std::vector<ScaffoldFile> files = {{"root-modules/a/providers.tf", "one\n", false},
                                     {"root-modules/a/main.tf", "starter\n", true}};
  auto first = WriteScaffold(scratch.path(), files);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_THAT(first->created, ElementsAre("root-modules/a/providers.tf", "root-modules/a/main.tf"));
  EXPECT_EQ(Read(scratch.path() / "root-modules/a/main.tf"), "starter\n");

  Write(scratch.path() / "root-modules/a/main.tf", "mine\n");
  Write(scratch.path() / "root-modules/a/notes.tf", "also mine\n");
  auto mtime = std::filesystem::last_write_time(scratch.path() / "root-modules/a/providers.tf");
  files[0].contents = "one\n";
  files[1].contents = "a different starter\n";
  auto second = WriteScaffold(scratch.path(), files);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->created.empty());
  EXPECT_TRUE(second->updated.empty());
  EXPECT_THAT(second->unchanged, ElementsAre("root-modules/a/providers.tf", "root-modules/a/main.tf"));
  EXPECT_EQ(Read(scratch.path() / "root-modules/a/main.tf"), "mine\n");
  EXPECT_EQ(Read(scratch.path() / "root-modules/a/notes.tf"), "also mine\n");
  EXPECT_EQ(std::filesystem::last_write_time(scratch.path() / "root-modules/a/providers.tf"), mtime);
}

TEST(ScaffoldTest, RewritesGeneratedFilesThatChangedWithoutLeavingTemporaries) {
  store::ScratchDir scratch;
  std::vector<ScaffoldFile> files = {{"x/providers.tf", "one\n", false}};
  ASSERT_TRUE(WriteScaffold(scratch.path(), files).ok());
  files[0].contents = "two\n";
  auto report = WriteScaffold(scratch.path(), files);
  ASSERT_TRUE(report.ok());
  EXPECT_THAT(report->updated, ElementsAre("x/providers.tf"));
  EXPECT_EQ(Read(scratch.path() / "x/providers.tf"), "two\n");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(scratch.path() / "x")) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_THAT(names, ElementsAre("providers.tf"));
}

TEST(ScaffoldTest, FilesOfALayoutInOrderWithOwnership) {
  Layout layout;
  RootModule module;
  module.label = "special/deploy/global";
  module.global = true;
  module.shared_module = "modules/special/deploy/global";
  module.regions = {"us-east-1"};
  layout.modules.push_back(module);
  layout.shared_modules = {"modules/special/deploy/global"};
  std::vector<std::string> paths;
  std::vector<bool> owned;
  for (const ScaffoldFile& file : ScaffoldFiles(layout, spec::TerraformSettings{})) {
    paths.push_back(file.path);
    owned.push_back(file.user_owned);
  }
  EXPECT_THAT(paths, ElementsAre("root-modules/special/deploy/global/providers.tf",
                                 "root-modules/special/deploy/global/backend.tf",
                                 "root-modules/special/deploy/global/versions.tf",
                                 "root-modules/special/deploy/global/main.tf", "modules/special/deploy/global/main.tf"));
  EXPECT_THAT(owned, ElementsAre(false, false, false, true, true));
}

TEST(ScaffoldTest, UnwritableTreeIsAnErrorNamingThePath) {
  store::ScratchDir scratch;
  Write(scratch.path() / "blocker", "a file where a folder should be\n");
  auto report = WriteScaffold(scratch.path(), {{"blocker/providers.tf", "x\n", false}});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("blocker"), std::string::npos);
}

}  // namespace
}  // namespace foyer::terraform
