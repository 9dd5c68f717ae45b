#include "iam/variables.h"

#include <gtest/gtest.h>

namespace foyer::iam {
namespace {

class VariablesTest : public ::testing::Test {
 protected:
  VariablesTest() {
    context_.Set("aws:username", "alice");
    context_.Set("aws:PrincipalTag/team", "sre*");
    context_.SetList("aws:TagKeys", {"a", "b"});
  }
  std::string Substitute(std::string_view value, Substitution mode = Substitution::kLiteral) {
    std::string out;
    ok_ = SubstituteVariables(value, context_, mode, out);
    return out;
  }
  RequestContext context_;
  bool ok_ = false;
};

TEST_F(VariablesTest, ReplacesKeysCaseInsensitively) {
  EXPECT_EQ(Substitute("home/${aws:username}/"), "home/alice/");
  EXPECT_TRUE(ok_);
  EXPECT_EQ(Substitute("${AWS:UserName}"), "alice");
  EXPECT_EQ(Substitute("${aws:principaltag/team}"), "sre*");
}

TEST_F(VariablesTest, DefaultsApplyOnlyWhenMissing) {
  EXPECT_EQ(Substitute("${aws:username, 'nobody'}"), "alice");
  EXPECT_EQ(Substitute("${aws:SourceIdentity, 'nobody'}"), "nobody");
  EXPECT_TRUE(ok_);
}

TEST_F(VariablesTest, MissingOrMultiValuedKeysCannotBeResolved) {
  Substitute("${aws:SourceIdentity}");
  EXPECT_FALSE(ok_);
  Substitute("${aws:TagKeys}");
  EXPECT_FALSE(ok_);
}

TEST_F(VariablesTest, SpecialCharactersAndPatternEscaping) {
  EXPECT_EQ(Substitute("${*}${?}${$}"), "*?$");
  EXPECT_EQ(Substitute("a*${*}", Substitution::kPattern), "a*\\*");
  // Substituted text never acts as a wildcard in patterns.
  EXPECT_EQ(Substitute("${aws:PrincipalTag/team}/*", Substitution::kPattern), "sre\\*/*");
  EXPECT_EQ(Substitute("unterminated ${aws:username"), "unterminated ${aws:username");
}

}  // namespace
}  // namespace foyer::iam
