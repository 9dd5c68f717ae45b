#include "org/apply_lock.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "aws/fake_transport.h"
#include "store/private_file.h"
#include "store/scratch_dir_for_tests.h"

namespace foyer::org {
namespace {

using std::chrono::seconds;

SystemTime At(long long epoch_seconds) { return SystemTime(seconds(epoch_seconds)); }

constexpr long long kNow = 1795000000;  // 2026-11-18T11:06:40Z

TEST(LocalApplyLockTest, SecondHolderIsRefusedWithTheFirstHoldersNameAndSince) {
  store::ScratchDir dir;
  LockPlace place{std::nullopt, dir.path()};
  auto first = AcquireApplyLock(place, LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_TRUE(first.ok()) << first.error().Describe();
  EXPECT_EQ((*first)->Where(), "local lock " + dir.path().string());

  auto second = AcquireApplyLock(place, LockHolder{"bob@desk pid 22", At(kNow + 5)});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, kLockHeldError);
  EXPECT_EQ(second.error().exit_code, ExitCode::kFailure);
  EXPECT_EQ(second.error().message,
            "another foyer apply holds the lock: alice@laptop pid 11 since 2026-11-18T11:06:40Z (local lock " +
                (dir.path() / "apply.lock").string() +
                "). Wait for it to finish; the lock goes when that process exits.");
}

TEST(LocalApplyLockTest, ReleasedLockCanBeTakenAgain) {
  store::ScratchDir dir;
  LockPlace place{std::nullopt, dir.path()};
  {
    auto first = AcquireApplyLock(place, LockHolder{"alice@laptop pid 11", At(kNow)});
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE((*first)->Release().ok());
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "apply.lock.holder"));
    auto after_release = AcquireApplyLock(place, LockHolder{"bob@desk pid 22", At(kNow)});
    ASSERT_TRUE(after_release.ok()) << after_release.error().Describe();
  }
  auto after_destruction = AcquireApplyLock(place, LockHolder{"carol@ci pid 33", At(kNow)});
  ASSERT_TRUE(after_destruction.ok()) << after_destruction.error().Describe();
}

TEST(CurrentProcessHolderTest, NamesUserHostAndPid) {
  LockHolder holder = CurrentProcessHolder(At(kNow));
  EXPECT_NE(holder.name.find('@'), std::string::npos);
  EXPECT_TRUE(holder.name.ends_with(" pid " + std::to_string(getpid()))) << holder.name;
  EXPECT_EQ(holder.since, At(kNow));
}

class DynamoDbApplyLockTest : public ::testing::Test {
 protected:
  LockPlace Place() { return LockPlace{aws::FakeConfig(transport_), dir_.path(), seconds(600)}; }
  nlohmann::json Sent(size_t index) { return nlohmann::json::parse(transport_->requests.at(index).body); }
  std::string Target(size_t index) { return transport_->requests.at(index).Header("X-Amz-Target"); }

  std::shared_ptr<aws::FakeTransport> transport_ = std::make_shared<aws::FakeTransport>();
  store::ScratchDir dir_;
};

TEST_F(DynamoDbApplyLockTest, TakesTheItemWhenAbsentOrExpiredAndDeletesOnlyItsOwnOnRelease) {
  transport_->Reply(200, "{}");
  transport_->Reply(200, "{}");
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_TRUE(lock.ok()) << lock.error().Describe();
  EXPECT_EQ((*lock)->Where(), "DynamoDB table foyer-apply-lock");
  EXPECT_EQ(Target(0), "DynamoDB_20120810.PutItem");
  EXPECT_EQ(Sent(0), nlohmann::json::parse(R"({"TableName":"foyer-apply-lock",
      "Item":{"LockID":{"S":"foyer-apply"},"Holder":{"S":"alice@laptop pid 11"},
              "Since":{"S":"2026-11-18T11:06:40Z"},"Expires":{"N":"1795000600"}},
      "ConditionExpression":"attribute_not_exists(#k) OR #exp < :now",
      "ExpressionAttributeNames":{"#k":"LockID","#exp":"Expires"},
      "ExpressionAttributeValues":{":now":{"N":"1795000000"}}})"));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "apply.lock")) << "no local lock when the table exists";

  ASSERT_TRUE((*lock)->Release().ok());
  ASSERT_TRUE((*lock)->Release().ok());
  ASSERT_EQ(transport_->requests.size(), 2u) << "a second release sends nothing";
  EXPECT_EQ(Target(1), "DynamoDB_20120810.DeleteItem");
  EXPECT_EQ(Sent(1), nlohmann::json::parse(R"({"TableName":"foyer-apply-lock",
      "Key":{"LockID":{"S":"foyer-apply"}},
      "ConditionExpression":"#h = :holder AND #s = :since",
      "ExpressionAttributeNames":{"#h":"Holder","#s":"Since"},
      "ExpressionAttributeValues":{":holder":{"S":"alice@laptop pid 11"},
                                   ":since":{"S":"2026-11-18T11:06:40Z"}}})"));
}

TEST_F(DynamoDbApplyLockTest, HeldLockIsRefusedNamingTheHolderAndSince) {
  transport_->Reply(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
      "message":"The conditional request failed"})");
  const std::string held = R"({"Item":{"LockID":{"S":"foyer-apply"},"Holder":{"S":"bob@desk pid 22"},
      "Since":{"S":"2026-11-18T08:00:00Z"},"Expires":{"N":"1795003600"}}})";
  transport_->Reply(200, held);
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.error().code, kLockHeldError);
  EXPECT_EQ(lock.error().exit_code, ExitCode::kFailure);
  EXPECT_EQ(lock.error().message,
            "another foyer apply holds the lock: bob@desk pid 22 since 2026-11-18T08:00:00Z "
            "(DynamoDB table foyer-apply-lock). Wait for it to finish. If it died on another machine, "
            "its lease expires within 10 minutes of its last renewal; then apply again (a dead holder "
            "on this machine is taken over at once).");
  EXPECT_EQ(Target(1), "DynamoDB_20120810.GetItem");
  ASSERT_EQ(transport_->requests.size(), 2u) << "a refused lock reads its holder once and writes nothing";
}

TEST_F(DynamoDbApplyLockTest, ADeadHolderOfThisMachineIsTakenOverAtOnce) {
  pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  const std::string dead = "alice@laptop pid " + std::to_string(child);
  transport_->Reply(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
      "message":"The conditional request failed"})");
  transport_->Reply(200, R"({"Item":{"LockID":{"S":"foyer-apply"},"Holder":{"S":")" + dead +
                             R"("},"Since":{"S":"2026-11-18T08:00:00Z"},"Expires":{"N":"1795003600"}}})");
  transport_->Reply(200, "{}");
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid " + std::to_string(getpid()), At(kNow)});
  ASSERT_TRUE(lock.ok()) << lock.error().Describe();
  ASSERT_EQ(transport_->requests.size(), 3u);
  EXPECT_EQ(Target(2), "DynamoDB_20120810.PutItem");
  nlohmann::json put = Sent(2);
  EXPECT_EQ(put["ConditionExpression"], "#h = :h AND #s = :s");
  EXPECT_EQ(put["ExpressionAttributeValues"][":h"]["S"], dead) << "only that exact stale item is replaced";
}

TEST_F(DynamoDbApplyLockTest, MissingTableFallsBackToTheLocalLock) {
  transport_->Reply(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",
      "message":"Requested resource not found"})");
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_TRUE(lock.ok()) << lock.error().Describe();
  EXPECT_EQ((*lock)->Where(), "local lock " + dir_.path().string());
  auto holder = store::ReadPrivateFile(dir_.path() / "apply.lock.holder", 4096);
  ASSERT_TRUE(holder.ok() && holder->has_value());
  EXPECT_EQ(**holder, "alice@laptop pid 11 since 2026-11-18T11:06:40Z");
}

TEST_F(DynamoDbApplyLockTest, OtherErrorsAreNotMistakenForAFreeLock) {
  transport_->Reply(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#AccessDeniedException",
      "message":"not allowed"})");
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.error().code, "AccessDeniedException");
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "apply.lock"));
}

TEST_F(DynamoDbApplyLockTest, RenewExtendsTheLeaseAndReportsALostLock) {
  transport_->Reply(200, "{}");
  transport_->Reply(200, "{}");
  transport_->Reply(400, R"({"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
      "message":"The conditional request failed"})");
  transport_->Reply(200, R"({"Item":{"LockID":{"S":"foyer-apply"},"Holder":{"S":"bob@desk pid 22"},
      "Since":{"S":"2026-11-18T09:00:00Z"},"Expires":{"N":"1795008000"}}})");
  auto lock = AcquireApplyLock(Place(), LockHolder{"alice@laptop pid 11", At(kNow)});
  ASSERT_TRUE(lock.ok());
  ASSERT_TRUE((*lock)->Renew(At(kNow + 300)).ok());
  EXPECT_EQ(Sent(1)["Item"]["Expires"], nlohmann::json::parse(R"({"N":"1795000900"})"));
  EXPECT_EQ(Sent(1)["ConditionExpression"], "#h = :holder AND #s = :since");

  Status lost = (*lock)->Renew(At(kNow + 4000));
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, kLockHeldError);
  EXPECT_NE(lost.error().message.find("bob@desk pid 22 since 2026-11-18T09:00:00Z"), std::string::npos);
  ASSERT_TRUE((*lock)->Release().ok());
  EXPECT_EQ(transport_->requests.size(), 4u) << "a lost lock is not deleted";
}

}  // namespace
}  // namespace foyer::org
