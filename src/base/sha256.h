// SHA-256 (FIPS 180-4) in plain C++, for naming things, not for signing.
//
// The credential cache names each entry's file by the SHA-256 of its key.
// That is the only digest the `foyer` front end (src/front_end) needs, and
// loading OpenSSL 3 for it (the library and its provider set-up) costs about
// 1 ms, more than the whole rest of a warm credential-process. Request
// signing (aws/sigv4) and everything with a security role keep using OpenSSL.
#ifndef FOYER_BASE_SHA256_H_
#define FOYER_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace foyer {

// The lowercase hex SHA-256 of `data` (64 characters).
std::string Sha256HexForNaming(std::string_view data);

}  // namespace foyer

#endif  // FOYER_BASE_SHA256_H_
