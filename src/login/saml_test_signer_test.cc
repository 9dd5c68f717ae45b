#include "login/saml_test_signer.h"

#include <memory>

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <xmlsec/crypto.h>
#include <xmlsec/templates.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>

#include "base/base64.h"
#include "login/saml_signature.h"
#include "login/saml_xml.h"

namespace foyer::login::testing {
namespace {

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(size));
}

xmlNode* ElementWithId(xmlNode* node, const std::string& id) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (AttributeValue(node, "ID") == id) return node;
    if (xmlNode* found = ElementWithId(node->children, id)) return found;
  }
  return nullptr;
}

}  // namespace

SamlTestSigner::SamlTestSigner() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> certificate(X509_new(), X509_free);
  X509_set_version(certificate.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 3600);
  X509_NAME_add_entry_by_txt(X509_get_subject_name(certificate.get()), "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("test idp"), -1, -1, 0);
  X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get()));
  X509_set_pubkey(certificate.get(), key.get());
  X509_sign(certificate.get(), key.get(), EVP_sha256());
  unsigned char* der = nullptr;
  int der_size = i2d_X509(certificate.get(), &der);
  certificate_der_.assign(reinterpret_cast<char*>(der), static_cast<size_t>(der_size));
  OPENSSL_free(der);
  std::unique_ptr<BIO, decltype(&BIO_free)> pem(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_PrivateKey(pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  private_key_pem_ = BioText(pem.get());
}

std::string SamlTestSigner::Metadata(const std::string& entity_id) const {
  return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"" + entity_id +
         "\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
         "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
         "<ds:X509Data><ds:X509Certificate>" +
         Base64Encode(certificate_der_) +
         "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor>"
         "</md:EntityDescriptor>";
}

std::string SamlTestSigner::Sign(const std::string& xml, const std::string& id) const {
  EXPECT_TRUE(InitializeXmlsec());
  auto doc = ParseUntrustedXml(xml);
  EXPECT_TRUE(doc.ok());
  xmlNode* element = ElementWithId(xmlDocGetRootElement(doc->get()), id);
  EXPECT_NE(element, nullptr);
  xmlNode* signature = xmlSecTmplSignatureCreate(doc->get(), xmlSecTransformExclC14NId, xmlSecTransformRsaSha256Id, nullptr);
  xmlNode* reference =
      xmlSecTmplSignatureAddReference(signature, xmlSecTransformSha256Id, nullptr, BAD_CAST("#" + id).c_str(), nullptr);
  xmlSecTmplReferenceAddTransform(reference, xmlSecTransformEnvelopedId);
  xmlSecTmplReferenceAddTransform(reference, xmlSecTransformExclC14NId);
  xmlSecTmplKeyInfoAddX509Data(xmlSecTmplSignatureEnsureKeyInfo(signature, nullptr));
  xmlNode* issuer = FirstChildElement(element, kSamlAssertionNs, "Issuer");
  if (issuer != nullptr) {
    xmlAddNextSibling(issuer, signature);
  } else {
    xmlAddChild(element, signature);
  }
  xmlAttr* id_attribute = xmlHasProp(element, BAD_CAST "ID");
  xmlAddID(nullptr, doc->get(), BAD_CAST id.c_str(), id_attribute);
  xmlSecDSigCtx* ctx = xmlSecDSigCtxCreate(nullptr);
  ctx->signKey = xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte*>(private_key_pem_.data()),
                                              static_cast<xmlSecSize>(private_key_pem_.size()), xmlSecKeyDataFormatPem,
                                              nullptr, nullptr, nullptr);
  EXPECT_NE(ctx->signKey, nullptr);
  EXPECT_EQ(xmlSecCryptoAppKeyCertLoadMemory(ctx->signKey, reinterpret_cast<const xmlSecByte*>(certificate_der_.data()),
                                             static_cast<xmlSecSize>(certificate_der_.size()), xmlSecKeyDataFormatCertDer),
            0);
  EXPECT_EQ(xmlSecDSigCtxSign(ctx, signature), 0);
  xmlSecDSigCtxDestroy(ctx);
  xmlChar* text = nullptr;
  int size = 0;
  xmlDocDumpMemory(doc->get(), &text, &size);
  std::string signed_xml(reinterpret_cast<char*>(text), static_cast<size_t>(size));
  xmlFree(text);
  return signed_xml;
}

std::string SampleResponseXml(const SampleResponse& sample) {
  auto at = [&sample](int minutes) { return FormatRfc3339(sample.now + std::chrono::minutes(minutes)); };
  std::string roles;
  for (const auto& role : sample.roles) roles += "<saml:AttributeValue>" + role + "</saml:AttributeValue>";
  std::string source_identity =
      sample.source_identity.empty()
          ? ""
          : "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/SourceIdentity\"><saml:AttributeValue>" +
                sample.source_identity + "</saml:AttributeValue></saml:Attribute>";
  return "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
         "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + sample.response_id +
         "\" Version=\"2.0\" IssueInstant=\"" + at(0) + "\" Destination=\"" + sample.recipient + "\">"
         "<saml:Issuer>" + sample.issuer + "</saml:Issuer>"
         "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:Status>"
         "<saml:Assertion ID=\"" + sample.assertion_id + "\" Version=\"2.0\" IssueInstant=\"" + at(0) + "\">"
         "<saml:Issuer>" + sample.issuer + "</saml:Issuer>"
         "<saml:Subject><saml:NameID>alice@example.com</saml:NameID>"
         "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
         "<saml:SubjectConfirmationData NotOnOrAfter=\"" + at(sample.valid_until_minutes) + "\" Recipient=\"" +
         sample.recipient + "\"/></saml:SubjectConfirmation></saml:Subject>"
         "<saml:Conditions NotBefore=\"" + at(sample.valid_from_minutes) + "\" NotOnOrAfter=\"" +
         at(sample.valid_until_minutes) + "\"><saml:AudienceRestriction><saml:Audience>" + sample.audience +
         "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
         "<saml:AttributeStatement>"
         "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/Role\">" + roles + "</saml:Attribute>"
         "<saml:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/RoleSessionName\">"
         "<saml:AttributeValue>alice@example.com</saml:AttributeValue></saml:Attribute>" + source_identity +
         "</saml:AttributeStatement></saml:Assertion></samlp:Response>";
}

TEST(SamlTestSignerTest, SignatureLandsAfterTheIssuerOfTheSignedElement) {
  SamlTestSigner signer;
  SampleResponse sample;
  sample.now = std::chrono::system_clock::now();
  std::string signed_xml = signer.Sign(SampleResponseXml(sample), "_assertion1");
  EXPECT_NE(signed_xml.find("</saml:Issuer><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\""), std::string::npos);
  EXPECT_NE(signed_xml.find("<SignatureValue>"), std::string::npos);
  EXPECT_EQ(signed_xml.find("<SignatureValue/>"), std::string::npos);
}

}  // namespace foyer::login::testing
