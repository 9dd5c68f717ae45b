#include "login/saml_signature.h"

#include <memory>
#include <mutex>

#include <libxml/valid.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

#include "login/saml_xml.h"

namespace foyer::login {
namespace {

Error SignatureError(const std::string& message) {
  Error error = MakeError("InvalidSamlSignature", message);
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

struct KeyFree {
  void operator()(xmlSecKey* key) const { xmlSecKeyDestroy(key); }
};
struct DSigCtxFree {
  void operator()(xmlSecDSigCtx* ctx) const { xmlSecDSigCtxDestroy(ctx); }
};

// Only the algorithms SAML IdPs sign with today; everything else (XPath,
// XSLT, SHA-1, HMAC, other URIs) is refused by xmlsec before it runs.
bool RestrictAlgorithms(xmlSecDSigCtx* ctx) {
  ctx->enabledReferenceUris = xmlSecTransformUriTypeSameDocument;
  return xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NId) >= 0 &&
         xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha256Id) >= 0 &&
         xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId) >= 0 &&
         xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NId) >= 0 &&
         xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha256Id) >= 0;
}

enum class Outcome { kVerified, kDigestMismatch, kBadSignatureValue, kRefused };

Outcome VerifyWith(xmlNode* signature, const std::string& certificate) {
  std::unique_ptr<xmlSecKey, KeyFree> key(
      xmlSecCryptoAppKeyLoadMemory(reinterpret_cast<const xmlSecByte*>(certificate.data()),
                                   static_cast<xmlSecSize>(certificate.size()), xmlSecKeyDataFormatCertDer, nullptr,
                                   nullptr, nullptr));
  if (!key) return Outcome::kRefused;
  std::unique_ptr<xmlSecDSigCtx, DSigCtxFree> ctx(xmlSecDSigCtxCreate(nullptr));
  if (!ctx || !RestrictAlgorithms(ctx.get())) return Outcome::kRefused;
  // With signKey set, xmlsec never reads a key from the response's KeyInfo.
  ctx->signKey = key.release();
  if (xmlSecDSigCtxVerify(ctx.get(), signature) < 0) return Outcome::kRefused;
  if (ctx->status == xmlSecDSigStatusSucceeded) return Outcome::kVerified;
  for (xmlSecSize i = 0; i < xmlSecPtrListGetSize(&ctx->signedInfoReferences); ++i) {
    auto* reference = static_cast<xmlSecDSigReferenceCtx*>(xmlSecPtrListGetItem(&ctx->signedInfoReferences, i));
    if (reference != nullptr && reference->status != xmlSecDSigStatusSucceeded) return Outcome::kDigestMismatch;
  }
  return Outcome::kBadSignatureValue;
}

// The one Reference of the signature must point at `element` by its ID: a
// signature over some other element (or over several) proves nothing about
// this one.
Status CheckReference(xmlNode* signature, xmlNode* element, const std::string& what) {
  xmlNode* signed_info = FirstChildElement(signature, kXmlDsigNs, "SignedInfo");
  std::vector<xmlNode*> references =
      signed_info ? ChildElements(signed_info, kXmlDsigNs, "Reference") : std::vector<xmlNode*>{};
  if (references.size() != 1) {
    return SignatureError("the signature of the " + what + " has " + std::to_string(references.size()) +
                          " references; foyer accepts exactly one, to the signed element");
  }
  std::string id = AttributeValue(element, "ID");
  if (id.empty() || AttributeValue(references[0], "URI") != "#" + id) {
    return SignatureError("the signature of the " + what + " does not cover it (its reference is '" +
                          AttributeValue(references[0], "URI") + "', the " + what + "'s ID is '" + id + "')");
  }
  return OkStatus();
}

// xmlsec prints every failure on stderr; foyer reports its own message.
void IgnoreXmlsecError(const char*, int, const char*, const char*, const char*, int, const char*) {}

}  // namespace

// Kept until the process ends: shutting xmlsec down while another thread
// verifies would be worse than the few bytes it holds.
bool InitializeXmlsec() {
  static bool ready = [] {
    xmlInitParser();
    bool started = xmlSecInit() >= 0 && xmlSecCheckVersion() == 1 && xmlSecCryptoAppInit(nullptr) >= 0 &&
                   xmlSecCryptoInit() >= 0;
    xmlSecErrorsSetCallback(IgnoreXmlsecError);
    return started;
  }();
  return ready;
}

Status RegisterSamlIds(xmlDoc* doc, const std::vector<xmlNode*>& elements) {
  for (xmlNode* element : elements) {
    xmlAttr* id = xmlHasNsProp(element, reinterpret_cast<const xmlChar*>("ID"), nullptr);
    if (id == nullptr || id->children == nullptr) {
      return MakeError("InvalidSamlResponse", std::string("a SAML ") + reinterpret_cast<const char*>(element->name) +
                                                  " has no ID attribute");
    }
    xmlChar* value = xmlNodeListGetString(doc, id->children, 1);
    bool duplicate = value == nullptr || xmlGetID(doc, value) != nullptr || xmlAddID(nullptr, doc, value, id) == nullptr;
    xmlFree(value);
    if (duplicate) return SignatureError("the SAML response uses the same ID twice, a signature-wrapping trick");
  }
  return OkStatus();
}

Status VerifyEnvelopedSignature(xmlNode* element, const std::vector<std::string>& certificates) {
  std::string what = reinterpret_cast<const char*>(element->name);
  std::vector<xmlNode*> signatures = ChildElements(element, kXmlDsigNs, "Signature");
  if (signatures.size() != 1) {
    return SignatureError("the SAML " + what + " has " + std::to_string(signatures.size()) +
                          " signatures; exactly one is needed");
  }
  if (Status covered = CheckReference(signatures[0], element, what); !covered.ok()) return covered;
  if (!InitializeXmlsec()) return MakeError("XmlsecError", "the XML signature library could not start");
  bool digest_mismatch = false;
  bool refused = false;
  for (const std::string& certificate : certificates) {
    switch (VerifyWith(signatures[0], certificate)) {
      case Outcome::kVerified:
        return OkStatus();
      case Outcome::kDigestMismatch:
        digest_mismatch = true;
        break;
      case Outcome::kRefused:
        refused = true;
        break;
      case Outcome::kBadSignatureValue:
        break;
    }
  }
  if (digest_mismatch) {
    return SignatureError("the SAML " + what + " was changed after it was signed (its digest does not match)");
  }
  if (refused) {
    return SignatureError("the signature of the SAML " + what +
                          " could not be checked: it must be an enveloped RSA-SHA256 signature with exclusive "
                          "canonicalization and a SHA-256 digest");
  }
  return SignatureError("the SAML " + what +
                        " is signed by a key that is not in the IdP metadata foyer was configured with; if the IdP "
                        "rotated its signing certificate, run `foyer configure --saml-metadata FILE` with its new metadata");
}

}  // namespace foyer::login
