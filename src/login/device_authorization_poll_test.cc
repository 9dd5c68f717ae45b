#include "login/device_authorization_poll.h"

#include <vector>

#include <gtest/gtest.h>

namespace foyer::login {
namespace {

using std::chrono::seconds;

struct Recorder {
  std::vector<long long> sleeps;
  std::vector<Result<DevicePollAnswer>> answers;
  size_t polls = 0;

  DevicePollTiming Timing(seconds interval, seconds expires_in) {
    DevicePollTiming timing;
    timing.interval = interval;
    timing.expires_in = expires_in;
    timing.sleep = [this](seconds delay) { sleeps.push_back(delay.count()); };
    return timing;
  }
  Result<DevicePollAnswer> Poll() { return answers.at(polls++); }
};

TEST(DeviceAuthorizationPollTest, PendingKeepsTheIntervalAndSlowDownAddsFiveSecondsForGood) {
  Recorder recorder;
  recorder.answers = {DevicePollAnswer::kPending, DevicePollAnswer::kSlowDown, DevicePollAnswer::kPending,
                      DevicePollAnswer::kSlowDown, DevicePollAnswer::kApproved};
  Status status = PollUntilApproved(recorder.Timing(seconds(2), seconds(600)), [&] { return recorder.Poll(); });
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(recorder.sleeps, (std::vector<long long>{2, 2, 7, 7, 12}));
  EXPECT_EQ(recorder.polls, 5u);
}

TEST(DeviceAuthorizationPollTest, NoIntervalMeansFiveSeconds) {
  Recorder recorder;
  recorder.answers = {DevicePollAnswer::kApproved};
  ASSERT_TRUE(PollUntilApproved(recorder.Timing(seconds(0), seconds(600)), [&] { return recorder.Poll(); }).ok());
  EXPECT_EQ(recorder.sleeps, (std::vector<long long>{5}));
}

TEST(DeviceAuthorizationPollTest, StopsWhenTheCodeExpiresWithExitStatusThree) {
  Recorder recorder;
  recorder.answers.assign(10, DevicePollAnswer::kPending);
  Status status = PollUntilApproved(recorder.Timing(seconds(5), seconds(12)), [&] { return recorder.Poll(); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(recorder.sleeps, (std::vector<long long>{5, 5}));
  EXPECT_EQ(status.error().code, "ExpiredToken");
  EXPECT_EQ(status.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_EQ(status.error().message,
            "the sign-in was not approved before its code expired (after 12 seconds); run `foyer login` again");
}

TEST(DeviceAuthorizationPollTest, AFailedPollEndsPollingWithItsError) {
  Recorder recorder;
  recorder.answers = {DevicePollAnswer::kPending, MakeError("LoginRefused", "denied")};
  Status status = PollUntilApproved(recorder.Timing(seconds(1), seconds(600)), [&] { return recorder.Poll(); });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "denied");
  EXPECT_EQ(recorder.polls, 2u);
}

}  // namespace
}  // namespace foyer::login
