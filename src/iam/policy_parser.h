// Reading policy documents in every form AWS accepts or returns.
//
//   Result<Policy> policy = ParsePolicy(text, "identity_policies[0]");
//
// Accepted: `Statement` as one object or a list; string-or-list values
// everywhere; Action/NotAction, Resource/NotResource, Principal/NotPrincipal
// ("*", {"AWS": ...}, Service, Federated, CanonicalUser); Condition blocks
// (operator -> key -> value or list of strings, numbers or bools); and whole
// documents URL-encoded as the IAM API returns them. Errors name the policy,
// the statement (counted from 0, as decisions do) and the reason.
#ifndef FOYER_IAM_POLICY_PARSER_H_
#define FOYER_IAM_POLICY_PARSER_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/result.h"
#include "iam/policy.h"

namespace foyer::iam {

// Parses JSON text, URL-decoding it first when it is percent-encoded.
Result<Policy> ParsePolicy(std::string_view text, std::string name);

// Parses an already-decoded document. A JSON string is read as policy text
// (raw or URL-encoded), since APIs hand policies around as strings.
Result<Policy> ParsePolicyJson(const nlohmann::json& document, std::string name);

}  // namespace foyer::iam

#endif  // FOYER_IAM_POLICY_PARSER_H_
