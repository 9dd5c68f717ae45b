#include "spec/spec_loader.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "spec/spec_parser.h"
#include "spec/spec_testing.h"

namespace foyer::spec {
namespace {

using ::testing::ElementsAre;
using testing::kSmallSpec;
using testing::Lines;
using testing::ReplaceOnce;

class SpecLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "foyer-spec-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  void Write(const std::string& name, const std::string& text) {
    std::filesystem::create_directories((folder_ / name).parent_path());
    std::ofstream(folder_ / name) << text;
  }

  // Parses `text` (which must parse) and loads its files from the folder.
  std::vector<std::string> LoadErrors(const std::string& text, Spec* loaded = nullptr) {
    ParsedSpec parsed = ParseSpec(text, "t.toml");
    EXPECT_TRUE(parsed.ok());
    std::vector<std::string> errors = Lines(LoadReferencedFiles(parsed.spec, folder_));
    if (loaded != nullptr) *loaded = parsed.spec;
    return errors;
  }

  std::string WithPolicyFile(const std::string& file) {
    return ReplaceOnce(kSmallSpec, "PowerUserAccess\"]",
                       "PowerUserAccess\"]\npolicy_file = \"" + file + "\"");
  }

  std::filesystem::path folder_;
};

TEST_F(SpecLoaderTest, ReadsPolicyFileRelativeToTheSpecFolder) {
  const std::string policy =
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]})";
  Write("policies/deployer.json", policy);
  Spec spec;
  EXPECT_THAT(LoadErrors(WithPolicyFile("policies/deployer.json"), &spec), ElementsAre());
  EXPECT_EQ(spec.roles[0].policy_document, policy);
}

TEST_F(SpecLoaderTest, MissingPolicyFile) {
  EXPECT_THAT(LoadErrors(WithPolicyFile("nope.json")),
              ElementsAre("t.toml:23:15: error: policy_file of [[role]] 'Deployer': cannot read " +
                          (folder_ / "nope.json").string() + ": No such file or directory"));
}

TEST_F(SpecLoaderTest, PolicyFileMustBeJson) {
  Write("bad.json", "{\"Statement\": [}");
  EXPECT_THAT(LoadErrors(WithPolicyFile("bad.json")),
              ElementsAre("t.toml:23:15: error: policy_file 'bad.json' is not valid JSON: parse "
                          "error at line 1, column 16: syntax error while parsing value - "
                          "unexpected '}'; expected '[', '{', or a literal"));
}

TEST_F(SpecLoaderTest, PolicyFileMustBeAPolicyDocument) {
  Write("list.json", "[1, 2]");
  EXPECT_THAT(LoadErrors(WithPolicyFile("list.json")),
              ElementsAre("t.toml:23:15: error: policy_file 'list.json' is not a policy "
                          "document: it needs a JSON object with a \"Statement\""));
}

TEST_F(SpecLoaderTest, PolicyFileMustFitTheInlinePolicyLimit) {
  std::string policy = "{\"Statement\": [{\"Sid\": \"" + std::string(10300, 'a') + "\"}]}";
  Write("big.json", policy);
  EXPECT_THAT(LoadErrors(WithPolicyFile("big.json")),
              ElementsAre("t.toml:23:15: error: policy_file 'big.json' is 10326 characters "
                          "without whitespace; IAM allows at most 10240 for a role's inline "
                          "policies"));
}

TEST_F(SpecLoaderTest, SamlMetadataFile) {
  const std::string saml = std::string(kSmallSpec) + "\n[identity.saml]\nmetadata_file = \"idp.xml\"\n";
  EXPECT_THAT(LoadErrors(saml),
              ElementsAre("t.toml:37:17: error: metadata_file in [identity.saml]: cannot read " +
                          (folder_ / "idp.xml").string() + ": No such file or directory"));
  Write("idp.xml", "<html/>");
  EXPECT_THAT(LoadErrors(saml),
              ElementsAre("t.toml:37:17: error: metadata_file 'idp.xml' is not SAML metadata: it "
                          "has no EntityDescriptor"));
  Write("idp.xml", "<md:EntityDescriptor entityID=\"https://idp\"/>");
  Spec spec;
  EXPECT_THAT(LoadErrors(saml, &spec), ElementsAre());
  EXPECT_EQ(spec.identity.saml->metadata_document, "<md:EntityDescriptor entityID=\"https://idp\"/>");
}

TEST_F(SpecLoaderTest, ReadTextFileErrorNamesTheFile) {
  Result<std::string> text = ReadTextFile(folder_ / "missing.toml");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message,
            "cannot read " + (folder_ / "missing.toml").string() + ": No such file or directory");
  EXPECT_EQ(text.error().code, "FileError");
}

}  // namespace
}  // namespace foyer::spec
