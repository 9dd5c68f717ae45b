#include "creds/shell_words.h"

#include <gtest/gtest.h>

namespace foyer::creds {
namespace {

using Words = std::vector<std::string>;

Words Split(std::string_view text) {
  Result<Words> words = SplitShellWords(text);
  EXPECT_TRUE(words.ok()) << text;
  return words.ok() ? *words : Words{"<error>"};
}

TEST(ShellWordsTest, BlanksSeparate) {
  EXPECT_EQ(Split("  /usr/bin/foyer  credential-process\tprod/admin \n"),
            (Words{"/usr/bin/foyer", "credential-process", "prod/admin"}));
  EXPECT_EQ(Split(""), Words{});
}

TEST(ShellWordsTest, QuotesAsShlex) {
  EXPECT_EQ(Split(R"(a 'b c' "d e" "f\"g" 'h\i' "j\k" "l\\m")"),
            (Words{"a", "b c", "d e", "f\"g", "h\\i", "j\\k", "l\\m"}));
  EXPECT_EQ(Split(R"("a"'b'c)"), (Words{"abc"}));
  EXPECT_EQ(Split(R"('' x)"), (Words{"", "x"}));
}

TEST(ShellWordsTest, BackslashOutsideQuotes) {
  EXPECT_EQ(Split(R"(a\ b \$HOME \\)"), (Words{"a b", "$HOME", "\\"}));
}

TEST(ShellWordsTest, NoShellFeatures) {
  EXPECT_EQ(Split("echo $HOME; rm -rf * # x"),
            (Words{"echo", "$HOME;", "rm", "-rf", "*", "#", "x"}));
}

TEST(ShellWordsTest, Errors) {
  EXPECT_EQ(SplitShellWords("a 'b").error().message, "the command has an unterminated single quote");
  EXPECT_EQ(SplitShellWords("a \"b").error().message, "the command has an unterminated double quote");
  EXPECT_EQ(SplitShellWords("a\\").error().message, "the command ends with a lone backslash");
}

}  // namespace
}  // namespace foyer::creds
