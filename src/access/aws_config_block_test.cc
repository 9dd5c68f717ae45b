#include "access/aws_config_block.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace foyer::access {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::string kBegin = std::string(kBlockBegin) + "\n";
const std::string kEnd = std::string(kBlockEnd) + "\n";

ManagedProfile Profile(const std::string& account, const std::string& role) {
  return {account + "." + role, CredentialProcessCommand("/usr/bin/foyer", account, role), "us-east-1"};
}

std::string Rendered(const std::string& account, const std::string& role) {
  return "[profile " + account + "." + role + "]\ncredential_process = /usr/bin/foyer credential-process " +
         account + " --role " + role + "\nregion = us-east-1\n";
}

TEST(CredentialProcessCommandTest, QuotesWordsWithSpacesAndQuotes) {
  EXPECT_EQ(CredentialProcessCommand("/opt/foyer/bin/foyer", "payments-production", "Administrator"),
            "/opt/foyer/bin/foyer credential-process payments-production --role Administrator");
  EXPECT_EQ(CredentialProcessCommand("/home/Jo Doe/it's/foyer", "admin", "Auditor"),
            "'/home/Jo Doe/it'\\''s/foyer' credential-process admin --role Auditor");
  EXPECT_EQ(CredentialProcessCommand("/bin/foyer", "a;rm -rf ~", "R"), "/bin/foyer credential-process 'a;rm -rf ~' --role R");
}

TEST(SyncManagedBlockTest, AppendsTheBlockAfterTheUsersProfilesUntouched) {
  std::string mine = "# my settings\n[default]\nregion = eu-west-1\n\n[profile work]\nregion = us-west-2";
  auto synced = SyncManagedBlock(mine, {Profile("admin", "Auditor")}, false);
  ASSERT_TRUE(synced.ok()) << synced.error().message;
  EXPECT_EQ(synced->text, mine + "\n\n" + kBegin + Rendered("admin", "Auditor") + kEnd);
  EXPECT_THAT(synced->added, ElementsAre("admin.Auditor"));
}

TEST(SyncManagedBlockTest, ReplacesOnlyTheBlockInPlace) {
  std::string before = "[default]\nregion = eu-west-1\n";
  std::string after = "\n[profile late]\n; a comment\nregion = ap-south-1\n";
  std::string old_block = kBegin + Rendered("admin", "Auditor") + kEnd;
  auto synced = SyncManagedBlock(before + old_block + after, {Profile("admin", "Auditor"), Profile("web", "Deployer")},
                                 false);
  ASSERT_TRUE(synced.ok());
  EXPECT_EQ(synced->text, before + kBegin + Rendered("admin", "Auditor") + Rendered("web", "Deployer") + kEnd + after);
  EXPECT_THAT(synced->added, ElementsAre("web.Deployer"));
  // Syncing again changes nothing.
  auto again = SyncManagedBlock(synced->text, {Profile("admin", "Auditor"), Profile("web", "Deployer")}, false);
  EXPECT_EQ(again->text, synced->text);
  EXPECT_THAT(again->added, IsEmpty());
}

TEST(SyncManagedBlockTest, ProfilesNoLongerGrantedAreKeptUnlessPruned) {
  std::string old_text = kBegin + Rendered("admin", "Auditor") + Rendered("gone", "Administrator") + kEnd;
  auto kept = SyncManagedBlock(old_text, {Profile("admin", "Auditor")}, false);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->text, old_text);
  EXPECT_THAT(kept->stale, ElementsAre("gone.Administrator"));
  EXPECT_THAT(kept->pruned, IsEmpty());

  auto pruned = SyncManagedBlock(old_text, {Profile("admin", "Auditor")}, true);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(pruned->text, kBegin + Rendered("admin", "Auditor") + kEnd);
  EXPECT_THAT(pruned->pruned, ElementsAre("gone.Administrator"));
}

TEST(SyncManagedBlockTest, AProfileThePersonDefinedThemselvesWins) {
  std::string mine = "[profile admin.Auditor]\nrole_arn = arn:aws:iam::111111111111:role/x\n";
  auto synced = SyncManagedBlock(mine, {Profile("admin", "Auditor")}, false);
  ASSERT_TRUE(synced.ok());
  EXPECT_EQ(synced->text, mine + "\n" + kBegin + kEnd);
  EXPECT_THAT(synced->shadowed, ElementsAre("admin.Auditor"));
}

TEST(SyncManagedBlockTest, DamagedMarkersAreRefused) {
  for (const std::string& text : {kBegin + "[profile a]\n", kEnd + kBegin, kBegin + kEnd + kBegin + kEnd,
                                  "[default]\n" + kEnd}) {
    auto synced = SyncManagedBlock(text, {Profile("admin", "Auditor")}, false);
    ASSERT_FALSE(synced.ok()) << text;
    EXPECT_NE(synced.error().message.find("damaged"), std::string::npos);
  }
}

TEST(SyncManagedBlockTest, EmptyFileGetsJustTheBlock) {
  auto synced = SyncManagedBlock("", {Profile("admin", "Auditor")}, false);
  ASSERT_TRUE(synced.ok());
  EXPECT_EQ(synced->text, kBegin + Rendered("admin", "Auditor") + kEnd);
}

}  // namespace
}  // namespace foyer::access
