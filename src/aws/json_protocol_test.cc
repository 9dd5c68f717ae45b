#include "aws/json_protocol.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

TEST(JsonProtocolTest, EmptyBodyIsEmptyObject) {
  Result<nlohmann::json> result = ParseJsonResult(" \n");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, nlohmann::json::object());
  Result<nlohmann::json> null_body = ParseJsonResult("null");  // moto, for operations without output
  ASSERT_TRUE(null_body.ok());
  EXPECT_EQ(*null_body, nlohmann::json::object());
}

TEST(JsonProtocolTest, TruncatedAndNonObjectBodiesAreParseErrors) {
  Result<nlohmann::json> truncated = ParseJsonResult(R"({"Accounts":[{"Id":"1)");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, "ParseError");
  EXPECT_EQ(truncated.error().message,
            "the response is not valid JSON (21 bytes, truncated or garbled)");
  Result<nlohmann::json> array = ParseJsonResult("[1,2]");
  ASSERT_FALSE(array.ok());
  EXPECT_EQ(array.error().message, "the response is JSON but not an object");
}

TEST(JsonProtocolTest, LenientReaders) {
  nlohmann::json object = nlohmann::json::parse(
      R"({"s":"x","n":5,"b":true,"a":["p",1,"q"],"t":1795820025.5,"iso":"2026-11-27T22:53:45Z"})");
  EXPECT_EQ(JsonString(object, "s"), "x");
  EXPECT_EQ(JsonString(object, "n"), "");
  EXPECT_EQ(JsonInt(object, "n"), 5);
  EXPECT_EQ(JsonInt(object, "s"), std::nullopt);
  EXPECT_TRUE(JsonBool(object, "b"));
  EXPECT_FALSE(JsonBool(object, "s"));
  EXPECT_EQ(JsonStrings(object, "a"), (std::vector<std::string>{"p", "q"}));
  EXPECT_TRUE(JsonArray(object, "s").empty());
  EXPECT_EQ(JsonTimestamp(object, "t"),
            Clock::time_point(std::chrono::milliseconds(1795820025500)));
  EXPECT_EQ(JsonTimestamp(object, "iso"), Clock::time_point(std::chrono::seconds(1795820025)));
  EXPECT_EQ(JsonTimestamp(object, "s"), std::nullopt);
  EXPECT_EQ(JsonTimestamp(nlohmann::json::parse(R"({"t":-1})"), "t"), std::nullopt);
  EXPECT_EQ(JsonString(nlohmann::json::array(), "s"), "");
}

}  // namespace
}  // namespace foyer::aws
