#include "spec/suggest.h"

#include <gtest/gtest.h>

namespace foyer::spec {
namespace {

TEST(SuggestTest, ClosestNameWithinTwoEdits) {
  const std::vector<std::string> keys = {"name", "environments", "qualities"};
  EXPECT_EQ(ClosestName("enviroments", keys), "environments");
  EXPECT_EQ(ClosestName("qualites", keys), "qualities");
  EXPECT_EQ(ClosestName("nmae", keys), "name");
  EXPECT_EQ(ClosestName("Name", keys), "name");
}

TEST(SuggestTest, NothingCloseMeansNoSuggestion) {
  const std::vector<std::string> keys = {"name", "environments"};
  EXPECT_EQ(ClosestName("color", keys), "");
  EXPECT_EQ(ClosestName("anything", {}), "");
  EXPECT_EQ(DidYouMean("color", keys), "");
}

TEST(SuggestTest, LongWordsAllowAThirdOfTheirLength) {
  EXPECT_EQ(ClosestName("neuter_organization_access_role",
                        {"neuter_organization_account_access_role"}),
            "neuter_organization_account_access_role");
  EXPECT_EQ(ClosestName("deny_root", {"deny_root_user"}), "");
}

TEST(SuggestTest, DidYouMeanPhrase) {
  EXPECT_EQ(DidYouMean("regoins", {"regions", "email"}), " \u2014 did you mean 'regions'?");
}

}  // namespace
}  // namespace foyer::spec
