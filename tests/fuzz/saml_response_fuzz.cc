// Feeds arbitrary bytes to the checks of what a SAML IdP sends: the metadata
// parser, the response decoder and the whole verification (XML parsing,
// signature with xmlsec, wrapping checks, conditions, attributes).
//
// Input: "<metadata>\0<response>". Without a NUL byte the whole input is a
// response checked against metadata that cannot verify it, which still runs
// everything up to the signature.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "login/saml_metadata.h"
#include "login/saml_response.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  foyer::login::SamlExpectations expected;
  // The seed corpus is valid at this moment, so that fuzzing starts from
  // responses that pass every check.
  expected.now = *foyer::ParseIso8601("2026-11-28T02:00:00Z");
  expected.recipients = {"https://signin.aws.amazon.com/saml"};
  expected.idp.entity_id = "https://idp.example.com/saml";
  expected.idp.signing_certificates = {"not a certificate"};
  size_t separator = input.find('\0');
  std::string_view response = input;
  if (separator != std::string_view::npos) {
    auto metadata = foyer::login::ParseSamlMetadata(input.substr(0, separator));
    if (metadata.ok()) expected.idp = *metadata;
    response = input.substr(separator + 1);
  }
  auto xml = foyer::login::SamlResponseXml(response);
  if (xml.ok()) (void)foyer::login::VerifySamlResponse(*xml, expected);
  return 0;
}
