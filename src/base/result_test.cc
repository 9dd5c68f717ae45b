#include "base/result.h"

#include <string>

#include <gtest/gtest.h>

namespace foyer {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return MakeError("Odd", std::to_string(n) + " is odd");
  return n / 2;
}

Status HalfTwice(int n, int* out) {
  auto once = Half(n);
  FOYER_RETURN_IF_ERROR(once);
  auto twice = Half(*once);
  FOYER_RETURN_IF_ERROR(twice);
  *out = *twice;
  return OkStatus();
}

TEST(ResultTest, HoldsValueOrError) {
  auto good = Half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  auto bad = Half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "Odd");
  EXPECT_EQ(bad.error().message, "3 is odd");
}

TEST(ResultTest, ReturnIfErrorPropagates) {
  int out = 0;
  EXPECT_TRUE(HalfTwice(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status status = HalfTwice(6, &out);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message, "3 is odd");
}

TEST(ErrorTest, DescribeAddsDetails) {
  Error error = MakeError("AccessDenied", "Not allowed.");
  error.http_status = 403;
  error.request_id = "abc";
  EXPECT_EQ(error.Describe(), "Not allowed. (AccessDenied, HTTP 403, request id abc)");
  EXPECT_EQ(MakeError("", "Plain.").Describe(), "Plain.");
}

}  // namespace
}  // namespace foyer
