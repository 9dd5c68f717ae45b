#include "login/regional_sts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "aws/fake_transport.h"
#include "base/error.h"

namespace foyer::login {
namespace {

using ::testing::ElementsAre;

Error DurationRefused() {
  return MakeError("ValidationError",
                   "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
}

class AssumeWithHourFallbackTest : public ::testing::Test {
 protected:
  // Answers each attempt with the next outcome and records the session
  // length it was asked for.
  Result<aws::AssumedRole> Run(int duration_seconds, std::vector<Result<aws::AssumedRole>> outcomes) {
    size_t next = 0;
    return AssumeWithHourFallback(aws::FakeConfig(std::make_shared<aws::FakeTransport>()), {"us-east-1"},
                                  duration_seconds, [&](aws::StsClient&, int duration) {
                                    asked.push_back(duration);
                                    return outcomes.at(next++);
                                  });
  }
  std::vector<int> asked;
};

TEST_F(AssumeWithHourFallbackTest, ARefusedLongSessionIsAskedAgainForOneHour) {
  aws::AssumedRole role;
  role.assumed_role_arn = "arn:aws:sts::111111111111:assumed-role/sre/alice";
  auto assumed = Run(43200, {DurationRefused(), role});
  ASSERT_TRUE(assumed.ok()) << assumed.error().Describe();
  EXPECT_EQ(assumed->assumed_role_arn, role.assumed_role_arn);
  EXPECT_THAT(asked, ElementsAre(43200, 3600));
}

TEST_F(AssumeWithHourFallbackTest, OtherRefusalsAndOneHourRequestsAreNotRetried) {
  auto denied = Run(43200, {MakeError("AccessDenied", "not authorized to perform sts:AssumeRole")});
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, "AccessDenied");
  EXPECT_THAT(asked, ElementsAre(43200));
  asked.clear();
  auto hour = Run(3600, {DurationRefused()});
  ASSERT_FALSE(hour.ok());
  EXPECT_THAT(asked, ElementsAre(3600));
}

}  // namespace
}  // namespace foyer::login
