#include "aws/paginate.h"

#include <gtest/gtest.h>

#include <vector>

namespace foyer::aws {
namespace {

TEST(PaginateTest, FollowsTokensUntilEmpty) {
  std::vector<std::string> seen;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    seen.push_back(token);
    if (token.empty()) return std::string("t1");
    if (token == "t1") return std::string("t2");
    return std::string();
  });
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"", "t1", "t2"}));
}

TEST(PaginateTest, StopsOnError) {
  int calls = 0;
  Status status = ForEachPage([&](const std::string&) -> Result<std::string> {
    if (++calls == 2) return MakeError("Throttling", "slow down");
    return std::string("t") + std::to_string(calls);
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "Throttling");
  EXPECT_EQ(calls, 2);
}

TEST(PaginateTest, RepeatedTokenIsAnErrorNotALoop) {
  int calls = 0;
  Status status = ForEachPage([&](const std::string&) -> Result<std::string> {
    ++calls;
    return std::string("same");
  });
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, "PaginationError");
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace foyer::aws
