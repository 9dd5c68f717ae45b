#include "spec/starter_spec.h"

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "spec/spec_loader.h"
#include "spec/spec_parser.h"

namespace foyer::spec {
namespace {

class StarterSpecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-init-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::filesystem::path folder_;
};

TEST_F(StarterSpecTest, WritesTheStarterText) {
  const std::filesystem::path path = folder_ / "foyer.toml";
  ASSERT_TRUE(WriteStarterSpec(path, /*overwrite=*/false).ok());
  Result<std::string> text = ReadTextFile(path);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, StarterSpecText());
  EXPECT_TRUE(ParseSpec(*text, "foyer.toml").ok());
}

TEST_F(StarterSpecTest, RefusesToOverwriteWithoutPermission) {
  const std::filesystem::path path = folder_ / "foyer.toml";
  std::ofstream(path) << "mine";
  Status status = WriteStarterSpec(path, /*overwrite=*/false);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, path.string() + " already exists; use --force to overwrite it");
  EXPECT_EQ(*ReadTextFile(path), "mine");
  ASSERT_TRUE(WriteStarterSpec(path, /*overwrite=*/true).ok());
  EXPECT_EQ(*ReadTextFile(path), StarterSpecText());
}

TEST_F(StarterSpecTest, UnwritablePath) {
  const std::filesystem::path path = folder_ / "missing-folder" / "foyer.toml";
  Status status = WriteStarterSpec(path, /*overwrite=*/false);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "cannot write " + path.string() + ": No such file or directory");
}

}  // namespace
}  // namespace foyer::spec
