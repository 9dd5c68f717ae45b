#include "terraform/hcl.h"

#include <gtest/gtest.h>

namespace foyer::terraform {
namespace {

TEST(HclTest, QuotesEscapeQuotesBackslashesControlsAndTemplates) {
  EXPECT_EQ(QuoteHcl("plain"), "\"plain\"");
  EXPECT_EQ(QuoteHcl("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(QuoteHcl("line\nnext\ttab"), "\"line\\nnext\\ttab\"");
  EXPECT_EQ(QuoteHcl(std::string("bell\x07", 5)), "\"bell\\u0007\"");
  EXPECT_EQ(QuoteHcl("${var.secret} %{if x}"), "\"$${var.secret} %%{if x}\"");
  EXPECT_EQ(QuoteHcl("cost $5 at 100%"), "\"cost $5 at 100%\"");
}

TEST(HclTest, AttributesAlignedAndNestedBlocksIndented) {
  HclBlock provider("provider", {"aws"});
  provider.String("region", "us-east-1").StringList("allowed_account_ids", {"111111111111", "222222222222"});
  provider.Block(HclBlock("assume_role").String("role_arn", "arn:aws:iam::111111111111:role/foyer/Administrator"));
  provider.Block(HclBlock("default_tags").StringMap("tags", {{"foyer:kind", "service"}, {"foyer:domain", "pay"}}));
  EXPECT_EQ(provider.Render(),
            "provider \"aws\" {\n"
            "  region              = \"us-east-1\"\n"
            "  allowed_account_ids = [\"111111111111\", \"222222222222\"]\n"
            "\n"
            "  assume_role {\n"
            "    role_arn = \"arn:aws:iam::111111111111:role/foyer/Administrator\"\n"
            "  }\n"
            "\n"
            "  default_tags {\n"
            "    tags = {\n"
            "      \"foyer:domain\" = \"pay\"\n"
            "      \"foyer:kind\"   = \"service\"\n"
            "    }\n"
            "  }\n"
            "}\n");
}

TEST(HclTest, ObjectKeysAreIdentifiersAndAttributesAfterABlockStartANewGroup) {
  HclBlock terraform("terraform");
  terraform.String("required_version", ">= 1.10");
  terraform.Block(HclBlock("required_providers").Object("aws", {{"source", "hashicorp/aws"}, {"version", "~> 5.0"}}));
  terraform.Bool("x", false);
  EXPECT_EQ(terraform.Render(),
            "terraform {\n"
            "  required_version = \">= 1.10\"\n"
            "\n"
            "  required_providers {\n"
            "    aws = {\n"
            "      source  = \"hashicorp/aws\"\n"
            "      version = \"~> 5.0\"\n"
            "    }\n"
            "  }\n"
            "\n"
            "  x = false\n"
            "}\n");
}

TEST(HclTest, EmptyBlockAndLabelsQuoted) {
  EXPECT_EQ(HclBlock("module", {"a\"b"}).Render(), "module \"a\\\"b\" {\n}\n");
}

}  // namespace
}  // namespace foyer::terraform
