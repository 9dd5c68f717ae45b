// OpenID Provider metadata (OpenID Connect Discovery 1.0): where to send the
// person, where to exchange the code, where the signing keys are.
#ifndef FOYER_LOGIN_OIDC_DISCOVERY_H_
#define FOYER_LOGIN_OIDC_DISCOVERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "aws/http.h"
#include "base/result.h"

namespace foyer::login {

struct OidcProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string device_authorization_endpoint;  // RFC 8628; may be empty
  std::vector<std::string> code_challenge_methods_supported;
  // RFC 9207: the provider adds "iss" to authorization responses.
  bool authorization_response_iss_parameter_supported = false;
};

// Checks a discovery document: the issuer in it must equal
// `expected_issuer` exactly (OpenID Connect Discovery 4.3), the endpoints must
// be https (http only on loopback, for test providers), and S256 must be
// offered when the provider lists its PKCE methods.
Result<OidcProviderMetadata> ParseProviderMetadata(std::string_view json, std::string_view expected_issuer);

// GET <issuer>/.well-known/openid-configuration, then ParseProviderMetadata.
Result<OidcProviderMetadata> DiscoverProvider(aws::HttpTransport& transport, std::string_view issuer);

// GET a JSON document (the JWKS, for instance) over the transport; an error
// status or a non-JSON body is an error naming `what`.
Result<std::string> FetchDocument(aws::HttpTransport& transport, const std::string& url, std::string_view what);

// True for https URLs, and for http URLs whose host is loopback.
bool IsAcceptableEndpoint(std::string_view url);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_OIDC_DISCOVERY_H_
