// The IdP metadata a SAML login is checked against: who the IdP is and the
// certificates whose keys may sign its responses. The metadata is the
// configured trust anchor; nothing in a response can add a key to it.
#ifndef FOYER_LOGIN_SAML_METADATA_H_
#define FOYER_LOGIN_SAML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace foyer::login {

struct SamlIdpMetadata {
  std::string entity_id;
  // DER certificates of the IdPSSODescriptor's KeyDescriptors with use
  // "signing" or no use; several during a key rollover.
  std::vector<std::string> signing_certificates;
};

// Reads an EntityDescriptor (or the first one of an EntitiesDescriptor) that
// has an IdPSSODescriptor. Errors say what is missing.
Result<SamlIdpMetadata> ParseSamlMetadata(std::string_view xml);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_METADATA_H_
