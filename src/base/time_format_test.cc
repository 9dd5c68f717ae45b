#include "base/time_format.h"

#include <gtest/gtest.h>

namespace foyer {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

SystemTime At(long epoch_seconds) { return SystemTime(seconds(epoch_seconds)); }

TEST(TimeFormatTest, FormatsUtcWholeSeconds) {
  EXPECT_EQ(FormatRfc3339(At(1795819767)), "2026-11-27T22:49:27Z");
  EXPECT_EQ(FormatRfc3339(At(0)), "1970-01-01T00:00:00Z");
}

TEST(TimeFormatTest, ParsesTheFormsAwsSends) {
  EXPECT_EQ(*ParseIso8601("2026-11-27T22:49:27Z"), At(1795819767));
  EXPECT_EQ(*ParseIso8601("2026-11-27T22:49:27.123Z"), At(1795819767));
  EXPECT_EQ(*ParseIso8601("2026-11-27T23:49:27+01:00"), At(1795819767));
  EXPECT_EQ(*ParseIso8601("2026-11-27T21:49:27-01:00"), At(1795819767));
  EXPECT_EQ(*ParseIso8601("2026-11-27T22:49:27UTC"), At(1795819767));
}

TEST(TimeFormatTest, RejectsWhatIsNotADateTime) {
  for (const char* bad : {"", "2026-11-27", "2026-11-27T22:49:27", "2026-13-27T22:49:27Z",
                          "2026-11-27T22:49:27.Z", "2026-11-27T22:49:27Zjunk", "yesterday",
                          "7944-01-15T09:00:00Z", "0000-01-01T00:00:00Z"}) {
    auto parsed = ParseIso8601(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().code, "ParseError");
  }
}

TEST(TimeFormatTest, DescribesRemainingTime) {
  EXPECT_EQ(DescribeRemaining(At(1000) + minutes(59), At(1000)), "in 59m");
  EXPECT_EQ(DescribeRemaining(At(1000) + hours(3) + minutes(12), At(1000)), "in 3h12m");
  EXPECT_EQ(DescribeRemaining(At(1000), At(1000) + minutes(5)), "expired 5m ago");
}

}  // namespace
}  // namespace foyer
