#include "aws/query_result.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

constexpr char kGetRole[] =
    "<GetRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><GetRoleResult><Role>"
    "<RoleName>admin</RoleName><MaxSessionDuration>3600</MaxSessionDuration>"
    "<Tags><member><Key>a</Key><Value>1</Value></member><member><Key>b</Key><Value>2</Value></member></Tags>"
    "<CreateDate>2026-11-27T22:53:45Z</CreateDate></Role><IsTruncated>True</IsTruncated></GetRoleResult>"
    "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetRoleResponse>";

TEST(QueryResultTest, FindsResultElementAndReadsMembers) {
  Result<XmlResult> result = ParseQueryResult(kGetRole, "GetRole");
  ASSERT_TRUE(result.ok()) << result.error().message;
  pugi::xml_node role = Child(result->node, "Role");
  EXPECT_EQ(ChildText(role, "RoleName"), "admin");
  EXPECT_EQ(ChildInt(role, "MaxSessionDuration"), 3600);
  EXPECT_EQ(ChildInt(role, "RoleName"), std::nullopt);
  EXPECT_EQ(ChildText(role, "Missing"), "");
  EXPECT_TRUE(ChildBool(result->node, "IsTruncated"));
  EXPECT_FALSE(ChildBool(result->node, "Missing"));
  ASSERT_EQ(Members(Child(role, "Tags")).size(), 2u);
  EXPECT_EQ(ChildText(Members(Child(role, "Tags"))[1], "Value"), "2");
  EXPECT_EQ(ChildTime(role, "CreateDate"),
            Clock::time_point(std::chrono::seconds(1795820025)));
}

TEST(QueryResultTest, NodeStaysValidAfterMove) {
  Result<XmlResult> result = ParseQueryResult(kGetRole, "GetRole");
  ASSERT_TRUE(result.ok());
  XmlResult moved = std::move(*result);
  EXPECT_EQ(ChildText(Child(moved.node, "Role"), "RoleName"), "admin");
}

TEST(QueryResultTest, NoResultElementIsAnEmptyNode) {
  Result<XmlResult> result = ParseQueryResult(
      "<DeleteRoleResponse><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
      "</DeleteRoleResponse>",
      "DeleteRole");
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->node.empty());
  EXPECT_EQ(ChildText(result->node, "Anything"), "");
}

TEST(QueryResultTest, WrongRootIsAParseError) {
  Result<XmlResult> result = ParseQueryResult("<ListRolesResponse/>", "GetRole");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ParseError");
  EXPECT_EQ(result.error().message, "expected a <GetRoleResponse> document, got <ListRolesResponse>");
}

TEST(QueryResultTest, TruncatedXmlIsAParseError) {
  Result<XmlResult> result = ParseQueryResult(std::string(kGetRole).substr(0, 60), "GetRole");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ParseError");
}

TEST(QueryResultTest, EmptyBodyIsAParseError) {
  Result<XmlResult> result = ParseQueryResult("", "GetRole");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "ParseError");
}

TEST(QueryResultTest, MemberTexts) {
  Result<XmlResult> xml = ParseXml(
      "<R><PolicyNames><member>a</member><member>b</member></PolicyNames></R>");
  ASSERT_TRUE(xml.ok());
  EXPECT_EQ(MemberTexts(xml->node, "PolicyNames"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(MemberTexts(xml->node, "Missing").empty());
}

}  // namespace
}  // namespace foyer::aws
