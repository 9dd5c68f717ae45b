#include "store/state_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "store/private_file.h"
#include "store/scratch_dir_for_tests.h"

namespace foyer::store {
namespace {

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

// Sets an environment variable for the duration of a test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(StateDirTest, DefaultPathFollowsXdgStateHome) {
  ScopedEnv state("XDG_STATE_HOME", "/srv/state");
  ScopedEnv home("HOME", "/home/alice");
  EXPECT_EQ(DefaultStateDirPath()->string(), "/srv/state/foyer");
}

TEST(StateDirTest, DefaultPathFallsBackToHomeWhenXdgIsUnsetOrRelative) {
  ScopedEnv home("HOME", "/home/alice");
  {
    ScopedEnv state("XDG_STATE_HOME", nullptr);
    EXPECT_EQ(DefaultStateDirPath()->string(), "/home/alice/.local/state/foyer");
  }
  ScopedEnv state("XDG_STATE_HOME", "relative/state");
  EXPECT_EQ(DefaultStateDirPath()->string(), "/home/alice/.local/state/foyer");
}

TEST(StateDirTest, DefaultPathNeedsOneVariable) {
  ScopedEnv state("XDG_STATE_HOME", nullptr);
  ScopedEnv home("HOME", nullptr);
  auto path = DefaultStateDirPath();
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.error().code, kStateError);
}

TEST(StateDirTest, CreatesMissingFoldersPrivateWhateverTheUmask) {
  ScratchDir scratch;
  mode_t old_umask = ::umask(0);
  auto dir = StateDir::Open(scratch.path() / "state" / "foyer");
  ::umask(old_umask);
  ASSERT_TRUE(dir.ok()) << dir.error().message;
  EXPECT_EQ(dir->path(), scratch.path() / "state" / "foyer");
  EXPECT_EQ(ModeOf(scratch.path() / "state"), 0700u);
  EXPECT_EQ(ModeOf(scratch.path() / "state" / "foyer"), 0700u);

  auto sub = dir->Subdir("credentials");
  ASSERT_TRUE(sub.ok()) << sub.error().message;
  EXPECT_EQ(ModeOf(dir->path() / "credentials"), 0700u);
}

TEST(StateDirTest, RefusesAFolderOthersCanRead) {
  ScratchDir scratch;
  auto folder = scratch.path() / "foyer";
  ASSERT_EQ(::mkdir(folder.c_str(), 0700), 0);
  ASSERT_EQ(::chmod(folder.c_str(), 0755), 0);
  auto dir = StateDir::Open(folder);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, kStatePermissionsError);
  EXPECT_EQ(dir.error().message,
            folder.string() + " is accessible to other users (mode 0755); foyer keeps credentials "
            "there. Fix it with: chmod 700 " + folder.string());
  EXPECT_EQ(ModeOf(folder), 0755u) << "foyer must not change permissions it did not set";
}

TEST(StateDirTest, RefusesAFolderOfAnotherUser) {
  if (::geteuid() != 0) GTEST_SKIP() << "changing a folder's owner needs root";
  ScratchDir scratch;
  auto folder = scratch.path() / "foyer";
  ASSERT_EQ(::mkdir(folder.c_str(), 0700), 0);
  ASSERT_EQ(::chown(folder.c_str(), 4242, 4242), 0);
  auto dir = StateDir::Open(folder);
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, kStatePermissionsError);
  EXPECT_EQ(dir.error().message,
            folder.string() + " belongs to user id 4242, not to you (user id 0); foyer keeps "
            "credentials there and will not share them. Remove it, or point XDG_STATE_HOME at a "
            "folder of your own.");
}

TEST(StateDirTest, RefusesAFileWhereTheFolderShouldBe) {
  ScratchDir scratch;
  std::ofstream(scratch.path() / "foyer") << "not a folder";
  auto dir = StateDir::Open(scratch.path() / "foyer");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().message, (scratch.path() / "foyer").string() +
                                     " exists and is not a folder; foyer keeps its state there. "
                                     "Move it away and retry.");
}

TEST(StateDirTest, OpenDefaultUsesTheEnvironment) {
  ScratchDir scratch;
  ScopedEnv state("XDG_STATE_HOME", scratch.path().c_str());
  auto dir = StateDir::OpenDefault();
  ASSERT_TRUE(dir.ok()) << dir.error().message;
  EXPECT_EQ(dir->path(), scratch.path() / "foyer");
  EXPECT_EQ(ModeOf(scratch.path() / "foyer"), 0700u);
}

}  // namespace
}  // namespace foyer::store
