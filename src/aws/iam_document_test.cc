#include "aws/iam_document.h"

#include <gtest/gtest.h>

namespace foyer::aws {
namespace {

TEST(IamDocumentTest, DecodesEncodedDocuments) {
  EXPECT_EQ(DecodePolicyDocument("%7B%22Version%22%3A%222012-10-17%22%7D"),
            R"({"Version":"2012-10-17"})");
}

TEST(IamDocumentTest, LeavesRawDocumentsAloneEvenWithPercentSigns) {
  // Decoding this would turn "%41" into "A": a raw document is never decoded.
  std::string raw = R"({"Condition":{"StringLike":{"aws:userid":"%41*"}}})";
  EXPECT_EQ(DecodePolicyDocument(raw), raw);
}

TEST(IamDocumentTest, PlusStaysPlus) {
  EXPECT_EQ(DecodePolicyDocument("%7B%22a%22%3A%22b+c%22%7D"), R"({"a":"b+c"})");
}

TEST(IamDocumentTest, UndecodableTextIsReturnedUnchanged) {
  EXPECT_EQ(DecodePolicyDocument("not json %zz"), "not json %zz");
  EXPECT_EQ(DecodePolicyDocument("%7B%22a"), "%7B%22a");  // decodes, but not to JSON
  EXPECT_EQ(DecodePolicyDocument(""), "");
}

}  // namespace
}  // namespace foyer::aws
