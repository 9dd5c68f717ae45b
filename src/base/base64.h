// Base64 (RFC 4648 section 4) and base64url (section 5) encoding.
#ifndef FOYER_BASE_BASE64_H_
#define FOYER_BASE_BASE64_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace foyer {

std::string Base64Encode(std::string_view bytes);
// Accepts padded input only; whitespace is not allowed.
Result<std::string> Base64Decode(std::string_view text);

// base64url without padding, as JWTs use it.
std::string Base64UrlEncode(std::string_view bytes);
// Accepts input with or without padding.
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace foyer

#endif  // FOYER_BASE_BASE64_H_
