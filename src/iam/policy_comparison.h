// Semantic comparison of policy documents: IAM policies and trust
// policies, service control policies, bucket and key policies.
//
// Services hand documents back reformatted: URL-encoded or raw, statements
// and values reordered, a one-element list collapsed to a string, a
// condition's boolean or number turned into its text. Convergence
// must not rewrite a policy for any of those, so documents are compared in
// a canonical form where such differences vanish.
#ifndef FOYER_IAM_POLICY_COMPARISON_H_
#define FOYER_IAM_POLICY_COMPARISON_H_

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace foyer::iam {

// `document` with every difference IAM does not care about removed:
// Statement always a list, sorted; Action/NotAction/Resource/NotResource,
// each principal's values and each condition key's values always sorted
// lists without duplicates, condition values as text. Anything else is left as written.
nlohmann::json CanonicalPolicy(const nlohmann::json& document);

// The JSON of `text`, URL-decoded first when IAM sent it encoded; nullopt
// when it is not a JSON document either way.
std::optional<nlohmann::json> ParsePolicyText(std::string_view text);

// True when the two documents grant and deny exactly the same way as far
// as their text can tell (same canonical form).
bool SamePolicy(const nlohmann::json& a, const nlohmann::json& b);
// `live_text` as IAM returned it against a desired document; an unreadable
// live document is never the same.
bool SameAsLive(std::string_view live_text, const nlohmann::json& desired);

}  // namespace foyer::iam

#endif  // FOYER_IAM_POLICY_COMPARISON_H_
