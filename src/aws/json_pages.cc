#include "aws/json_pages.h"

#include "aws/json_protocol.h"
#include "aws/paginate.h"

namespace foyer::aws {

Result<std::vector<nlohmann::json>> ListAllJsonPages(ServiceCaller& caller, const std::string& operation,
                                                     const nlohmann::json& input, const std::string& list_key,
                                                     std::optional<int> page_size) {
  std::vector<nlohmann::json> items;
  Status status = ForEachPage([&](const std::string& token) -> Result<std::string> {
    nlohmann::json page_input = input;
    if (page_size.has_value()) page_input["MaxResults"] = *page_size;
    if (!token.empty()) page_input["NextToken"] = token;
    Result<nlohmann::json> page = caller.CallJson(operation, page_input);
    if (!page.ok()) return page.error();
    for (const nlohmann::json& item : JsonArray(*page, list_key)) items.push_back(item);
    return JsonString(*page, "NextToken");
  });
  if (!status.ok()) return status.error();
  return items;
}

}  // namespace foyer::aws
