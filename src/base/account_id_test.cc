#include "base/account_id.h"

#include <string>

#include <gtest/gtest.h>

namespace foyer {
namespace {

TEST(IsAccountIdTest, ExactlyTwelveDigits) {
  EXPECT_TRUE(IsAccountId("012345678901"));
  EXPECT_FALSE(IsAccountId("12345678901"));
  EXPECT_FALSE(IsAccountId("1234567890123"));
  EXPECT_FALSE(IsAccountId("12345678901a"));
  EXPECT_FALSE(IsAccountId(""));
  EXPECT_FALSE(IsAccountId(std::string(300000, '1')));
}

}  // namespace
}  // namespace foyer
