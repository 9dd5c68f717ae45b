// IAM policy documents as they come off the wire.
//
// IAM percent-encodes policy documents in some responses (GetRole,
// CreateRole, GetRolePolicy, GetPolicyVersion, ...) and not in others (moto's
// ListRoles and GetAccountAuthorizationDetails): decoding a raw document
// would corrupt any '%' inside it, so a document is decoded only when it is
// not JSON already and its decoding is.
#ifndef FOYER_AWS_IAM_DOCUMENT_H_
#define FOYER_AWS_IAM_DOCUMENT_H_

#include <string>
#include <string_view>

namespace foyer::aws {

// `text` itself when it parses as JSON (or is empty); else its
// percent-decoding when that parses as JSON; else `text` unchanged (the
// caller's policy parser then reports it).
std::string DecodePolicyDocument(std::string_view text);

}  // namespace foyer::aws

#endif  // FOYER_AWS_IAM_DOCUMENT_H_
