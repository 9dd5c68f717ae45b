// Reading query-protocol (and other XML) responses.
//
// A successful query response looks like
//   <GetRoleResponse xmlns="..."><GetRoleResult>...</GetRoleResult>
//   <ResponseMetadata><RequestId>...</RequestId></ResponseMetadata></GetRoleResponse>
// ParseQueryResult finds the <GetRoleResult> element; the small helpers read
// its members without caring for XML namespaces.
#ifndef FOYER_AWS_QUERY_RESULT_H_
#define FOYER_AWS_QUERY_RESULT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "aws/credentials.h"
#include "base/result.h"

namespace foyer::aws {

// A parsed XML document and the element of interest in it. `node` stays
// valid as long as `document` lives (moving an XmlResult keeps it valid).
struct XmlResult {
  std::unique_ptr<pugi::xml_document> document;
  pugi::xml_node node;
};

// Parses a query response body and returns its <`action`Result> element, or
// an empty node when the response has no result element (operations without
// output). A body that is not XML, or whose root is not <`action`Response>,
// is a "ParseError".
Result<XmlResult> ParseQueryResult(std::string_view body, std::string_view action);

// Parses any XML body; `node` is the document element. "ParseError" if not XML.
Result<XmlResult> ParseXml(std::string_view body);

// The text of the first child element named `name` (namespace prefixes
// ignored), "" when absent.
std::string ChildText(pugi::xml_node parent, std::string_view name);
// The first child element named `name` (namespace prefixes ignored).
pugi::xml_node Child(pugi::xml_node parent, std::string_view name);
// The element children of `list` named `item_name` ("member" in query
// lists), or all its element children when `item_name` is empty.
std::vector<pugi::xml_node> Members(pugi::xml_node list, std::string_view item_name = "member");
// The texts of the members of the list element `parent`.`name`.
std::vector<std::string> MemberTexts(pugi::xml_node parent, std::string_view name);
// "true" (any case) -> true, anything else false.
bool ChildBool(pugi::xml_node parent, std::string_view name);
// The child as an integer; nullopt when absent or not a number.
std::optional<long long> ChildInt(pugi::xml_node parent, std::string_view name);
// The child as a timestamp (ISO 8601, base/time_format.h); nullopt when
// absent or unreadable.
std::optional<Clock::time_point> ChildTime(pugi::xml_node parent, std::string_view name);

}  // namespace foyer::aws

#endif  // FOYER_AWS_QUERY_RESULT_H_
