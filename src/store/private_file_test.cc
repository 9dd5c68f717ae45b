#include "store/private_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"
#include "store/state_dir.h"

namespace foyer::store {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::lstat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

void WriteFile(const std::filesystem::path& path, const std::string& text, mode_t mode) {
  std::ofstream(path, std::ios::binary) << text;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

TEST(PrivateFileTest, ReadsAMissingFileAsNothing) {
  ScratchDir scratch;
  auto text = ReadPrivateFile(scratch.path() / "absent", 100);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_FALSE(text->has_value());
}

TEST(PrivateFileTest, ReadsAPrivateFile) {
  ScratchDir scratch;
  WriteFile(scratch.path() / "entry", "hello\n", 0600);
  auto text = ReadPrivateFile(scratch.path() / "entry", 6);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(**text, "hello\n");
}

TEST(PrivateFileTest, RefusesAFileOthersCanRead) {
  ScratchDir scratch;
  auto path = scratch.path() / "entry";
  WriteFile(path, "secret", 0644);
  auto text = ReadPrivateFile(path, 100);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, kStatePermissionsError);
  EXPECT_EQ(text.error().message, path.string() + " is accessible to other users (mode 0644); foyer "
                                                  "keeps credentials there. Fix it with: chmod 600 " +
                                      path.string());
}

TEST(PrivateFileTest, RefusesToFollowASymlink) {
  ScratchDir scratch;
  WriteFile(scratch.path() / "elsewhere", "x", 0600);
  ASSERT_EQ(::symlink((scratch.path() / "elsewhere").c_str(), (scratch.path() / "entry").c_str()), 0);
  auto text = ReadPrivateFile(scratch.path() / "entry", 100);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, kStatePermissionsError);
  EXPECT_EQ(text.error().message, (scratch.path() / "entry").string() +
                                      " is a symbolic link; foyer refuses to follow links in its "
                                      "state folder. Remove it and retry.");
  auto opened = OpenOrCreatePrivateFile(scratch.path() / "entry");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, kStatePermissionsError);
}

TEST(PrivateFileTest, RefusesAFileLargerThanTheLimit) {
  ScratchDir scratch;
  WriteFile(scratch.path() / "entry", "1234567", 0600);
  auto text = ReadPrivateFile(scratch.path() / "entry", 6);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, kStateError);
}

TEST(PrivateFileTest, CreatesFilesOwnerOnlyWhateverTheUmask) {
  ScratchDir scratch;
  mode_t old_umask = ::umask(0);
  auto file = OpenOrCreatePrivateFile(scratch.path() / "new");
  auto replaced = ReplacePrivateFile(scratch.path() / "replaced", "v1", scratch.path() / "replaced.tmp");
  ::umask(old_umask);
  ASSERT_TRUE(file.ok()) << file.error().message;
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(ModeOf(scratch.path() / "new"), 0600u);
  EXPECT_EQ(ModeOf(scratch.path() / "replaced"), 0600u);
}

TEST(PrivateFileTest, OpenOrCreateReportsButDoesNotRepairLoosePermissions) {
  ScratchDir scratch;
  WriteFile(scratch.path() / "loose", "", 0640);
  auto file = OpenOrCreatePrivateFile(scratch.path() / "loose");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.error().code, kStatePermissionsError);
  EXPECT_EQ(ModeOf(scratch.path() / "loose"), 0640u);
}

// A crash between writing the temp file and renaming it leaves the temp file
// behind: readers still get the old version, and the next write succeeds.
TEST(PrivateFileTest, AStrayTempFileFromACrashChangesNothing) {
  ScratchDir scratch;
  auto path = scratch.path() / "entry";
  auto temp = scratch.path() / "entry.tmp";
  ASSERT_TRUE(ReplacePrivateFile(path, "old version\n", temp).ok());
  WriteFile(temp, "half of the new ver", 0644);

  EXPECT_EQ(**ReadPrivateFile(path, 100), "old version\n");

  auto replaced = ReplacePrivateFile(path, "new version\n", temp);
  ASSERT_TRUE(replaced.ok()) << replaced.error().message;
  EXPECT_EQ(**ReadPrivateFile(path, 100), "new version\n");
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_FALSE(std::filesystem::exists(temp));
}

}  // namespace
}  // namespace foyer::store
