#include "login/saml_response.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/base64.h"
#include "login/saml_test_signer.h"

namespace foyer::login {
namespace {

using ::testing::HasSubstr;
using testing::SampleResponse;
using testing::SampleResponseXml;
using testing::SamlTestSigner;

constexpr const char* kIssuer = "https://idp.example.com/saml";
constexpr const char* kSreRole = "arn:aws:iam::111111111111:role/foyer/sre";
constexpr const char* kProvider = "arn:aws:iam::111111111111:saml-provider/foyer";

class SamlResponseTest : public ::testing::Test {
 protected:
  SamlResponseTest() {
    now_ = *ParseIso8601("2026-11-28T02:00:00Z");
    sample_.now = now_;
    auto metadata = ParseSamlMetadata(signer().Metadata(kIssuer));
    expected_.idp = *metadata;
    expected_.now = now_;
    expected_.recipients = {"https://signin.aws.amazon.com/saml", "http://127.0.0.1:8913/saml"};
  }

  Result<SamlAssertion> VerifySigned(const std::string& id) {
    return VerifySamlResponse(signer().Sign(SampleResponseXml(sample_), id), expected_);
  }

  static std::string MessageOf(const Result<SamlAssertion>& result) {
    EXPECT_FALSE(result.ok());
    if (result.ok()) return "";
    EXPECT_EQ(result.error().exit_code, ExitCode::kLoginNeeded);
    return result.error().message;
  }

  static std::string Replaced(std::string text, const std::string& from, const std::string& to) {
    size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
  }

  // One key for the suite: making RSA keys is slow.
  static const SamlTestSigner& signer() {
    static const SamlTestSigner kSigner;
    return kSigner;
  }

  SystemTime now_;
  SampleResponse sample_;
  SamlExpectations expected_;
};

TEST_F(SamlResponseTest, SignedAssertionGivesItsRolesAndSourceIdentity) {
  auto assertion = VerifySigned("_assertion1");
  ASSERT_TRUE(assertion.ok()) << assertion.error().message;
  EXPECT_EQ(assertion->issuer, kIssuer);
  EXPECT_EQ(assertion->subject, "alice@example.com");
  EXPECT_EQ(assertion->role_session_name, "alice@example.com");
  EXPECT_EQ(assertion->source_identity, "alice@example.com");
  ASSERT_EQ(assertion->roles.size(), 1u);
  EXPECT_EQ(assertion->roles[0].role_arn, kSreRole);
  EXPECT_EQ(assertion->roles[0].provider_arn, kProvider);
  EXPECT_EQ(FormatRfc3339(assertion->not_on_or_after), "2026-11-28T02:05:00Z");
}

TEST_F(SamlResponseTest, SignedResponseCoversItsAssertion) {
  auto assertion = VerifySigned("_response1");
  ASSERT_TRUE(assertion.ok()) << assertion.error().message;
  EXPECT_EQ(assertion->roles[0].role_arn, kSreRole);
}

TEST_F(SamlResponseTest, RoleValuesMayNameTheProviderFirst) {
  sample_.roles = {std::string(kProvider) + "," + kSreRole,
                   "arn:aws:iam::111111111111:role/foyer/dev, arn:aws:iam::111111111111:saml-provider/foyer"};
  auto assertion = VerifySigned("_assertion1");
  ASSERT_TRUE(assertion.ok()) << assertion.error().message;
  ASSERT_EQ(assertion->roles.size(), 2u);
  EXPECT_EQ(assertion->roles[0].role_arn, kSreRole);
  EXPECT_EQ(assertion->roles[0].provider_arn, kProvider);
  EXPECT_EQ(assertion->roles[1].role_arn, "arn:aws:iam::111111111111:role/foyer/dev");
  EXPECT_EQ(RolesMatching(*assertion, kSreRole).size(), 1u);
  EXPECT_TRUE(RolesMatching(*assertion, "arn:aws:iam::111111111111:role/foyer/ops").empty());
}

TEST_F(SamlResponseTest, ValueChangedAfterSigningIsRefused) {
  std::string signed_xml = signer().Sign(SampleResponseXml(sample_), "_assertion1");
  std::string tampered = Replaced(signed_xml, "role/foyer/sre", "role/foyer/ops");
  EXPECT_EQ(MessageOf(VerifySamlResponse(tampered, expected_)),
            "the SAML Assertion was changed after it was signed (its digest does not match)");
}

TEST_F(SamlResponseTest, UnsignedIsRefused) {
  EXPECT_THAT(MessageOf(VerifySamlResponse(SampleResponseXml(sample_), expected_)),
              HasSubstr("the SAML response is not signed"));
}

TEST_F(SamlResponseTest, AnotherKeyIsRefused) {
  SamlTestSigner stranger;
  std::string signed_xml = stranger.Sign(SampleResponseXml(sample_), "_assertion1");
  EXPECT_THAT(MessageOf(VerifySamlResponse(signed_xml, expected_)),
              HasSubstr("is signed by a key that is not in the IdP metadata"));
}

TEST_F(SamlResponseTest, SignatureValueChangedIsRefused) {
  std::string signed_xml = signer().Sign(SampleResponseXml(sample_), "_assertion1");
  size_t value = signed_xml.find("<SignatureValue>") + 16;
  signed_xml[value] = signed_xml[value] == 'A' ? 'B' : 'A';
  EXPECT_THAT(MessageOf(VerifySamlResponse(signed_xml, expected_)), HasSubstr("is signed by a key that is not"));
}

TEST_F(SamlResponseTest, ExpiredIsRefused) {
  expected_.now = now_ + std::chrono::minutes(9);
  EXPECT_EQ(MessageOf(VerifySigned("_assertion1")),
            "the SAML assertion has expired: its Conditions NotOnOrAfter was 2026-11-28T02:05:00Z (it is now "
            "2026-11-28T02:09:00Z; check this computer's clock if that is wrong); sign in again");
}

TEST_F(SamlResponseTest, ClockSkewIsTolerated) {
  expected_.now = now_ + std::chrono::minutes(7);
  EXPECT_TRUE(VerifySigned("_assertion1").ok());
  expected_.now = now_ - std::chrono::minutes(3);
  EXPECT_TRUE(VerifySigned("_assertion1").ok());
}

TEST_F(SamlResponseTest, NotYetValidIsRefused) {
  sample_.valid_from_minutes = 10;
  sample_.valid_until_minutes = 20;
  EXPECT_THAT(MessageOf(VerifySigned("_assertion1")),
              HasSubstr("the SAML assertion is not valid yet: its Conditions NotBefore is 2026-11-28T02:10:00Z"));
}

TEST_F(SamlResponseTest, WrongAudienceIsRefused) {
  sample_.audience = "https://some-other-app.example.com";
  EXPECT_EQ(MessageOf(VerifySigned("_assertion1")),
            "the SAML assertion is for the audience 'https://some-other-app.example.com', not "
            "'urn:amazon:webservices'; set the AWS application's audience (SP entity ID) at the IdP to "
            "'urn:amazon:webservices'");
}

TEST_F(SamlResponseTest, ConfiguredAudienceIsAccepted) {
  sample_.audience = "https://signin.aws.amazon.com/saml/acs/SAMLSP123";
  expected_.audience = sample_.audience;
  EXPECT_TRUE(VerifySigned("_assertion1").ok());
}

TEST_F(SamlResponseTest, WrongRecipientIsRefused) {
  sample_.recipient = "https://evil.example.com/acs";
  EXPECT_THAT(MessageOf(VerifySigned("_assertion1")), HasSubstr("addressed to 'https://evil.example.com/acs'"));
}

TEST_F(SamlResponseTest, OtherIssuerIsRefused) {
  sample_.issuer = "https://other-idp.example.com";
  EXPECT_EQ(MessageOf(VerifySigned("_assertion1")),
            "the SAML assertion was issued by 'https://other-idp.example.com', but foyer is configured with the "
            "metadata of 'https://idp.example.com/saml'");
}

// The signed assertion moved into an Extensions-like wrapper and an evil
// one put in its place: the signature still verifies over the original,
// but the evil assertion is what a naive reader would use.
TEST_F(SamlResponseTest, WrappedAssertionIsRefused) {
  std::string signed_xml = signer().Sign(SampleResponseXml(sample_), "_assertion1");
  size_t begin = signed_xml.find("<saml:Assertion");
  size_t end = signed_xml.find("</saml:Assertion>") + 17;
  std::string original = signed_xml.substr(begin, end - begin);
  std::string evil = Replaced(Replaced(original, "role/foyer/sre", "role/foyer/admin"), "ID=\"_assertion1\"",
                              "ID=\"_evil\"");
  std::string wrapped = signed_xml.substr(0, begin) + "<samlp:Extensions>" + original + "</samlp:Extensions>" + evil +
                        signed_xml.substr(end);
  EXPECT_THAT(MessageOf(VerifySamlResponse(wrapped, expected_)), HasSubstr("signature-wrapping"));
}

// A signature moved from the signed assertion onto an unsigned one: its
// reference still names the original ID, so it covers something else.
TEST_F(SamlResponseTest, SignatureOverAnotherElementIsRefused) {
  std::string signed_xml = signer().Sign(SampleResponseXml(sample_), "_assertion1");
  std::string moved = Replaced(Replaced(signed_xml, "ID=\"_assertion1\"", "ID=\"_evil\""), "role/foyer/sre",
                               "role/foyer/admin");
  EXPECT_THAT(MessageOf(VerifySamlResponse(moved, expected_)), HasSubstr("does not cover it"));
}

TEST_F(SamlResponseTest, DuplicateIdsAreRefused) {
  sample_.response_id = "_same";
  sample_.assertion_id = "_same";
  EXPECT_THAT(MessageOf(VerifySamlResponse(SampleResponseXml(sample_), expected_)), HasSubstr("same ID twice"));
}

TEST_F(SamlResponseTest, DoctypeIsRefused) {
  std::string xml = "<!DOCTYPE r [<!ENTITY x \"y\">]>" + SampleResponseXml(sample_);
  EXPECT_THAT(MessageOf(VerifySamlResponse(xml, expected_)), HasSubstr("DOCTYPE"));
}

TEST_F(SamlResponseTest, CommentInsideAValueDoesNotTruncateIt) {
  sample_.source_identity = "alice@example.com.evil<!---->.example.org";
  auto assertion = VerifySigned("_assertion1");
  ASSERT_TRUE(assertion.ok()) << assertion.error().message;
  EXPECT_EQ(assertion->source_identity, "alice@example.com.evil.example.org");
}

TEST_F(SamlResponseTest, FailedStatusIsReported) {
  std::string xml = Replaced(SampleResponseXml(sample_), "status:Success", "status:Responder");
  EXPECT_THAT(MessageOf(VerifySamlResponse(xml, expected_)),
              HasSubstr("the IdP did not sign you in (SAML status 'urn:oasis:names:tc:SAML:2.0:status:Responder')"));
}

TEST_F(SamlResponseTest, ResponseWithoutRolesIsExplained) {
  sample_.roles = {};
  EXPECT_THAT(MessageOf(VerifySigned("_assertion1")), HasSubstr("offers no AWS role"));
}

TEST(SamlResponseXmlTest, AcceptsBase64RawXmlAndPercentEncodedBase64) {
  const std::string xml = "<samlp:Response/>";
  EXPECT_EQ(*SamlResponseXml("  " + xml + "\n"), xml);
  std::string encoded = Base64Encode(xml);
  EXPECT_EQ(*SamlResponseXml(encoded.substr(0, 8) + "\n" + encoded.substr(8)), xml);
  EXPECT_EQ(*SamlResponseXml("PHNhbWxwOlJlc3BvbnNlLz4%3D"), xml);
  EXPECT_FALSE(SamlResponseXml("not a response").ok());
  EXPECT_FALSE(SamlResponseXml(Base64Encode("plain text")).ok());
}

TEST(SamlMetadataTest, ReadsEntityIdAndSigningCertificates) {
  SamlTestSigner signer;
  auto metadata = ParseSamlMetadata(signer.Metadata("https://idp.example.com/saml"));
  ASSERT_TRUE(metadata.ok()) << metadata.error().message;
  EXPECT_EQ(metadata->entity_id, "https://idp.example.com/saml");
  ASSERT_EQ(metadata->signing_certificates.size(), 1u);
  EXPECT_EQ(metadata->signing_certificates[0], signer.certificate_der());
}

TEST(SamlMetadataTest, EncryptionOnlyKeysAndMissingPartsAreErrors) {
  SamlTestSigner signer;
  std::string encryption_only = signer.Metadata("https://idp.example.com");
  encryption_only.replace(encryption_only.find("use=\"signing\""), 13, "use=\"encryption\"");
  EXPECT_EQ(ParseSamlMetadata(encryption_only).error().message,
            "the SAML IdP metadata of 'https://idp.example.com' lists no signing certificate (KeyDescriptor "
            "use=\"signing\")");
  EXPECT_EQ(ParseSamlMetadata("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                              "entityID=\"x\"/>").error().message,
            "the SAML IdP metadata describes no identity provider (no IDPSSODescriptor)");
  EXPECT_EQ(ParseSamlMetadata("<oops").error().message, "the SAML IdP metadata is not well-formed XML");
}

}  // namespace
}  // namespace foyer::login
