// Percent-encoding (RFC 3986) for URLs, query strings and HTML forms.
#ifndef FOYER_BASE_URL_ENCODING_H_
#define FOYER_BASE_URL_ENCODING_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foyer {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

// Every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) becomes %XX
// with upper-case hex; with encode_slash false, '/' stays as well.
std::string PercentEncode(std::string_view text, bool encode_slash = true);

// Decodes %XX escapes (and '+' as a space when plus_is_space, as HTML forms
// and query strings do). nullopt when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space = false);

// "a=1&b=x%20y" -> {{"a","1"},{"b","x y"}}; names without '=' get an empty
// value. nullopt when an escape is malformed.
std::optional<QueryPairs> ParseQueryString(std::string_view query);

// {{"a","1"},{"b","x y"}} -> "a=1&b=x%20y", in the order given.
std::string EncodeQueryString(const QueryPairs& pairs);

}  // namespace foyer

#endif  // FOYER_BASE_URL_ENCODING_H_
