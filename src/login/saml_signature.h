// Which part of a SAML response the IdP really signed.
//
// The XML signature (enveloped, exclusive c14n, RSA-SHA256 with SHA-256
// digests) is verified by xmlsec with keys taken only from the IdP metadata,
// never from the KeyInfo the response carries. The answer is the element
// the signature covers: callers read data from it and nothing else, which
// is what defeats signature wrapping.
#ifndef FOYER_LOGIN_SAML_SIGNATURE_H_
#define FOYER_LOGIN_SAML_SIGNATURE_H_

#include <string>
#include <vector>

#include <libxml/tree.h>

#include "base/result.h"

namespace foyer::login {

// REQUIRES: `element` is a Response or an Assertion, and IDs are
// registered only where RegisterSamlIds put them.
// Verifies the ds:Signature that is a direct child of `element` with each of
// `certificates` (DER) in turn; succeeds when one verifies and the
// signature's single Reference names `element` by its ID.
Status VerifyEnvelopedSignature(xmlNode* element, const std::vector<std::string>& certificates);

// Starts libxml2 and xmlsec with its OpenSSL backend, once per process;
// false when they cannot start. Later calls cost nothing.
bool InitializeXmlsec();

// Declares the ID attribute of each of `elements` as an XML ID so that
// "#id" references resolve. Fails on a missing or duplicated ID.
Status RegisterSamlIds(xmlDoc* doc, const std::vector<xmlNode*>& elements);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_SIGNATURE_H_
