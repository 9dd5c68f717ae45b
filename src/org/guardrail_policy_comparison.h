// Semantic comparison of the policy documents foyer writes outside IAM:
// service control policies and bucket policies.
//
// Services hand documents back reformatted (whitespace dropped, a
// one-element list collapsed to a string, statements reordered), so a
// document is rewritten only when it differs in a way that matters.
#ifndef FOYER_ORG_GUARDRAIL_POLICY_COMPARISON_H_
#define FOYER_ORG_GUARDRAIL_POLICY_COMPARISON_H_

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace foyer::org {

// `document` with those differences removed: every value that may be a
// string or a list of strings (actions, resources, principals, condition
// values, statements) becomes a sorted list without duplicates.
nlohmann::json CanonicalDocument(const nlohmann::json& document);

// The JSON of `text`, URL-decoded first when it is encoded; nullopt when it
// is not JSON either way.
std::optional<nlohmann::json> ParseDocumentText(std::string_view text);

// True when `live_text`, as a service returned it, says the same as
// `desired`. An unreadable live document is never the same.
bool SameDocument(std::string_view live_text, const nlohmann::json& desired);

}  // namespace foyer::org

#endif  // FOYER_ORG_GUARDRAIL_POLICY_COMPARISON_H_
