#include "base/poll.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace foyer {
namespace {

using std::chrono::milliseconds;

class PollTest : public ::testing::Test {
 protected:
  PollTest() {
    schedule_.first_wait = milliseconds(100);
    schedule_.longest_wait = milliseconds(300);
    schedule_.deadline = milliseconds(1000);
    schedule_.sleep = [this](milliseconds wait) { waits_.push_back(wait.count()); };
  }

  // Answers "not yet" `pending` times, then `done`.
  Result<std::string> Poll(int pending, const std::string& done) {
    return PollWithBackoff<std::string>(
        schedule_,
        [&](milliseconds waited) -> Result<std::optional<std::string>> {
          seen_waited_.push_back(waited.count());
          if (pending-- > 0) return std::optional<std::string>();
          return std::optional<std::string>(done);
        },
        [](milliseconds waited) { return MakeError("Stuck", "gave up after " + std::to_string(waited.count())); });
  }

  PollSchedule schedule_;
  std::vector<long> waits_;
  std::vector<long> seen_waited_;
};

TEST_F(PollTest, AnswerAtOnceWaitsNever) {
  auto result = Poll(0, "done");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "done");
  EXPECT_TRUE(waits_.empty());
}

TEST_F(PollTest, WaitsDoubleUpToTheLongest) {
  auto result = Poll(4, "done");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, "done");
  EXPECT_EQ(waits_, (std::vector<long>{100, 200, 300, 300}));
  EXPECT_EQ(seen_waited_, (std::vector<long>{0, 100, 300, 600, 900}));
}

TEST_F(PollTest, GivesUpOnceTheWaitsReachTheDeadline) {
  auto result = Poll(100, "never");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "Stuck");
  EXPECT_EQ(result.error().message, "gave up after 1200");
  EXPECT_EQ(waits_, (std::vector<long>{100, 200, 300, 300, 300}));
}

TEST_F(PollTest, AnErrorEndsPollingAtOnce) {
  auto result = PollWithBackoff<int>(
      schedule_, [](milliseconds) -> Result<std::optional<int>> { return MakeError("Boom", "failed"); },
      [](milliseconds) { return MakeError("Stuck", "unreachable"); });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "Boom");
  EXPECT_TRUE(waits_.empty());
}

}  // namespace
}  // namespace foyer
