#include "aws/query_params.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

TEST(QueryParamsTest, ListsPairListsAndMapsFlattenLikeBotocore) {
  QueryParams params;
  params.Add("RoleName", "admin");
  params.AddList("TransitiveTagKeys", {"team", "cost"});
  params.AddPairList("Tags", {{"team", "sre"}, {"env", "prod"}});
  params.AddMap("Attributes", {{"k", "v"}});
  QueryParams::Pairs expected = {
      {"RoleName", "admin"},
      {"TransitiveTagKeys.member.1", "team"},
      {"TransitiveTagKeys.member.2", "cost"},
      {"Tags.member.1.Key", "team"},
      {"Tags.member.1.Value", "sre"},
      {"Tags.member.2.Key", "env"},
      {"Tags.member.2.Value", "prod"},
      {"Attributes.entry.1.key", "k"},
      {"Attributes.entry.1.value", "v"},
  };
  EXPECT_EQ(params.pairs(), expected);
}

TEST(QueryParamsTest, OptionalMembersAreLeftOut) {
  QueryParams params;
  params.AddIfNotEmpty("ExternalId", "");
  params.AddIfSet("DurationSeconds", std::nullopt);
  params.AddList("Filter", {});
  params.AddPairList("Tags", {});
  EXPECT_TRUE(params.pairs().empty());
  params.AddIfSet("DurationSeconds", 900);
  params.AddBool("SetAsDefault", true);
  params.AddBool("Other", false);
  EXPECT_EQ(params.Encode(), "DurationSeconds=900&SetAsDefault=true&Other=false");
}

TEST(QueryParamsTest, EncodeEscapesEverythingButUnreserved) {
  QueryParams params;
  params.Add("Policy", R"({"a": "b/c+d"})");
  params.Add("Name", "A-Z_a.z~0");
  EXPECT_EQ(params.Encode(), "Policy=%7B%22a%22%3A%20%22b%2Fc%2Bd%22%7D&Name=A-Z_a.z~0");
}

}  // namespace
}  // namespace foyer::aws
