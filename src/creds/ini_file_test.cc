#include "creds/ini_file.h"

#include <gtest/gtest.h>

namespace foyer::creds {
namespace {

IniFile Parse(std::string_view text) {
  Result<IniFile> file = ParseIni(text, "config");
  EXPECT_TRUE(file.ok()) << (file.ok() ? "" : file.error().message);
  return file.ok() ? *file : IniFile{};
}

std::string ErrorOf(std::string_view text) {
  Result<IniFile> file = ParseIni(text, "/home/a/.aws/config");
  return file.ok() ? "parsed" : file.error().message;
}

TEST(IniFileTest, SectionsKeysAndValues) {
  IniFile file = Parse("[default]\nregion = us-east-1\n\n[profile dev]\nRole_ARN=arn:aws:iam::1:role/x\n");
  ASSERT_EQ(file.sections.size(), 2u);
  EXPECT_EQ(file.sections[0].name, "default");
  EXPECT_EQ(file.sections[0].line, 1);
  EXPECT_EQ(*file.sections[0].Find("region"), "us-east-1");
  EXPECT_EQ(file.sections[1].name, "profile dev");
  EXPECT_EQ(*file.sections[1].Find("role_arn"), "arn:aws:iam::1:role/x");
  EXPECT_EQ(file.sections[1].values.at("role_arn").line, 5);
}

TEST(IniFileTest, ValueKeepsEverythingAfterTheFirstSeparator) {
  IniFile file = Parse("[a]\nx = a=b\ny: c:d = e\nz=\n");
  EXPECT_EQ(*file.sections[0].Find("x"), "a=b");
  EXPECT_EQ(*file.sections[0].Find("y"), "c:d = e");
  EXPECT_EQ(*file.sections[0].Find("z"), "");
}

TEST(IniFileTest, CommentsOnlyAtLineStart) {
  IniFile file = Parse("# top\n[a]\n  ; indented comment\nx = 1 # not a comment\n#y = 2\n");
  EXPECT_EQ(*file.sections[0].Find("x"), "1 # not a comment");
  EXPECT_EQ(file.sections[0].Find("y"), nullptr);
}

TEST(IniFileTest, WhitespaceAndLineEndings) {
  IniFile file = Parse("  [a]\r\n\tx\t=\t1\t\r\n\ty = 2\r[ b ]\n");
  ASSERT_EQ(file.sections.size(), 2u);
  EXPECT_EQ(*file.sections[0].Find("x"), "1");
  EXPECT_EQ(*file.sections[0].Find("y"), "2");
  EXPECT_EQ(file.sections[1].name, " b ");
}

TEST(IniFileTest, SectionHeaderEndsAtTheLastBracket) {
  IniFile file = Parse("[a]b] trailing\nx=1\n");
  EXPECT_EQ(file.sections[0].name, "a]b");
}

TEST(IniFileTest, NestedSubSection) {
  IniFile file = Parse("[a]\ns3 =\n  addressing_style = path\n\n  Signature_Version=s3v4\nregion = eu-west-1\n");
  const IniValue& s3 = file.sections[0].values.at("s3");
  EXPECT_TRUE(s3.is_nested);
  EXPECT_EQ(s3.nested, (std::map<std::string, std::string>{{"addressing_style", "path"},
                                                           {"Signature_Version", "s3v4"}}));
  EXPECT_EQ(file.sections[0].Find("s3"), nullptr);
  EXPECT_EQ(*file.sections[0].Find("region"), "eu-west-1");
}

TEST(IniFileTest, ContinuationLinesJoinWithNewlines) {
  IniFile file = Parse("[a]\nx = first\n  second\n\n  third\n\ny = 2\n");
  EXPECT_EQ(*file.sections[0].Find("x"), "first\nsecond\n\nthird");
  EXPECT_EQ(*file.sections[0].Find("y"), "2");
}

TEST(IniFileTest, IndentedKeyAfterHeaderIsAKeyNotAContinuation) {
  IniFile file = Parse("[a]\n  x = 1\n  y = 2\n");
  EXPECT_EQ(*file.sections[0].Find("x"), "1");
  EXPECT_EQ(*file.sections[0].Find("y"), "2");
}

TEST(IniFileTest, DuplicateSectionsMergeAndLaterKeysWin) {
  IniFile file = Parse("[a]\nx=1\ny=1\n[b]\n[a]\ny=2\nz=3\n");
  ASSERT_EQ(file.sections.size(), 2u);
  EXPECT_EQ(file.sections[0].name, "a");
  EXPECT_EQ(*file.sections[0].Find("x"), "1");
  EXPECT_EQ(*file.sections[0].Find("y"), "2");
  EXPECT_EQ(*file.sections[0].Find("z"), "3");
}

TEST(IniFileTest, DefaultSectionIsInheritedNotListed) {
  IniFile file = Parse("[DEFAULT]\nx=1\ny=1\n[a]\ny=2\n");
  ASSERT_EQ(file.sections.size(), 1u);
  EXPECT_EQ(*file.sections[0].Find("x"), "1");
  EXPECT_EQ(*file.sections[0].Find("y"), "2");
}

TEST(IniFileTest, EmptyFileHasNoSections) {
  EXPECT_TRUE(Parse("").sections.empty());
  EXPECT_TRUE(Parse("\n# only a comment\n\n").sections.empty());
}

TEST(IniFileTest, SettingBeforeAnySectionNamesFileAndLine) {
  EXPECT_EQ(ErrorOf("\nregion = us-east-1\n"),
            "/home/a/.aws/config:2: a setting comes before any [section] header; start the file "
            "with a header such as [default] or [profile NAME]");
}

TEST(IniFileTest, LineWithoutSeparatorNamesFileAndLineButNotTheSecret) {
  std::string message = ErrorOf("[a]\nx = 1\naws_secret_access_key wJalrXUtnFEMI\n");
  EXPECT_EQ(message,
            "/home/a/.aws/config:3: this line is neither a [section] header, a 'key = value' "
            "setting nor a comment; write it as 'key = value', or start it with '#' to comment "
            "it out");
  EXPECT_EQ(message.find("wJalr"), std::string::npos);
}

TEST(IniFileTest, EmptyKeyIsAnError) {
  EXPECT_EQ(ErrorOf("[a]\n= 1\n"),
            "/home/a/.aws/config:2: a setting has no name before its '='; write it as "
            "'key = value'");
}

TEST(IniFileTest, EmptySectionNameIsAnError) {
  EXPECT_EQ(ErrorOf("[]\n").substr(0, 22), "/home/a/.aws/config:1:");
}

TEST(IniFileTest, NestedLineWithoutEqualsNamesItsLine) {
  EXPECT_EQ(ErrorOf("[a]\ns3 =\n  addressing_style = path\n  bad line\n"),
            "/home/a/.aws/config:4: a line in the nested settings of 's3' has no '='; write it "
            "as 'name = value', indented under 's3 ='");
}

TEST(IniFileTest, MissingFileIsNoFile) {
  Result<std::optional<IniFile>> file = ReadIniFile("/nonexistent/foyer/config");
  ASSERT_TRUE(file.ok());
  EXPECT_FALSE(file->has_value());
}

}  // namespace
}  // namespace foyer::creds
