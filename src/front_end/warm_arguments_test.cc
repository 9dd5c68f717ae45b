#include "front_end/warm_arguments.h"

#include <gtest/gtest.h>

namespace foyer::front_end {
namespace {

TEST(WarmArgumentsTest, TakesTheTargetAndEachOptionInBothSpellings) {
  auto options = WarmCredentialProcessArguments(
      {"credential-process", "payments/production", "--role", "Auditor", "--org=acme", "--group", "sre"});
  ASSERT_TRUE(options.has_value());
  EXPECT_EQ(options->target, "payments/production");
  EXPECT_EQ(options->role, "Auditor");
  EXPECT_EQ(options->org, "acme");
  EXPECT_EQ(options->group, "sre");
  EXPECT_TRUE(options->use_cache);
}

TEST(WarmArgumentsTest, OptionsMayComeBeforeTheTarget) {
  auto options = WarmCredentialProcessArguments({"credential-process", "--role=Administrator", "111122223333"});
  ASSERT_TRUE(options.has_value());
  EXPECT_EQ(options->target, "111122223333");
  EXPECT_EQ(options->role, "Administrator");
  EXPECT_EQ(options->org, "");
}

TEST(WarmArgumentsTest, EverythingElseGoesToTheFullProgram) {
  const std::vector<std::vector<std::string>> delegated = {
      {},
      {"--version"},
      {"assume", "admin"},
      {"credential-process"},
      {"credential-process", "admin", "--no-cache"},
      {"credential-process", "admin", "--help"},
      {"credential-process", "admin", "-h"},
      {"credential-process", "admin", "other"},
      {"credential-process", "admin", "--role"},
      {"credential-process", "admin", "--role="},
      {"credential-process", "admin", "--role", "--org"},
      {"credential-process", "admin", "--role", "A", "--role", "B"},
      {"credential-process", "admin", "--profile", "x"},
      {"credential-process", ""},
      {"--org", "acme", "credential-process", "admin"},
  };
  for (const auto& arguments : delegated) {
    std::string shown;
    for (const auto& word : arguments) shown += "[" + word + "]";
    EXPECT_FALSE(WarmCredentialProcessArguments(arguments).has_value()) << shown;
  }
}

}  // namespace
}  // namespace foyer::front_end
