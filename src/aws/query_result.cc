#include "aws/query_result.h"

#include <charconv>
#include <cstring>
#include <strings.h>

#include "base/time_format.h"

namespace foyer::aws {
namespace {

// "iam:Role" -> "Role": moto and AWS both use a default namespace, but
// nothing stops a server from prefixing.
std::string_view LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

}  // namespace

Result<XmlResult> ParseXml(std::string_view body) {
  XmlResult result;
  result.document = std::make_unique<pugi::xml_document>();
  pugi::xml_parse_result parsed = result.document->load_buffer(
      body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return MakeError("ParseError", std::string("the response is not valid XML (") +
                                       parsed.description() + " at byte " +
                                       std::to_string(parsed.offset) + ")");
  }
  result.node = result.document->document_element();
  if (!result.node) return MakeError("ParseError", "the response is an XML document without an element");
  return result;
}

Result<XmlResult> ParseQueryResult(std::string_view body, std::string_view action) {
  Result<XmlResult> xml = ParseXml(body);
  if (!xml.ok()) return xml.error();
  std::string response_name = std::string(action) + "Response";
  if (LocalName(xml->node.name()) != response_name) {
    return MakeError("ParseError", "expected a <" + response_name + "> document, got <" +
                                       std::string(xml->node.name()) + ">");
  }
  xml->node = Child(xml->node, std::string(action) + "Result");
  return xml;
}

pugi::xml_node Child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == name) return child;
  }
  return {};
}

std::string ChildText(pugi::xml_node parent, std::string_view name) {
  return Child(parent, name).text().get();
}

std::vector<pugi::xml_node> Members(pugi::xml_node list, std::string_view item_name) {
  std::vector<pugi::xml_node> members;
  for (pugi::xml_node child : list.children()) {
    if (child.type() != pugi::node_element) continue;
    if (item_name.empty() || LocalName(child.name()) == item_name) members.push_back(child);
  }
  return members;
}

std::vector<std::string> MemberTexts(pugi::xml_node parent, std::string_view name) {
  std::vector<std::string> texts;
  for (pugi::xml_node member : Members(Child(parent, name))) texts.emplace_back(member.text().get());
  return texts;
}

bool ChildBool(pugi::xml_node parent, std::string_view name) {
  std::string text = ChildText(parent, name);
  return text.size() == 4 && strncasecmp(text.c_str(), "true", 4) == 0;
}

std::optional<long long> ChildInt(pugi::xml_node parent, std::string_view name) {
  std::string text = ChildText(parent, name);
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Clock::time_point> ChildTime(pugi::xml_node parent, std::string_view name) {
  Result<SystemTime> time = ParseIso8601(ChildText(parent, name));
  if (!time.ok()) return std::nullopt;
  return *time;
}

}  // namespace foyer::aws
