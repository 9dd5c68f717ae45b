// Every item of a paginated list operation of a JSON-protocol service
// (Organizations, SSO Admin, ...): NextToken in, NextToken out.
#ifndef FOYER_AWS_JSON_PAGES_H_
#define FOYER_AWS_JSON_PAGES_H_

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/service_call.h"
#include "base/result.h"

namespace foyer::aws {

// Calls `operation` with `input` page after page and collects the items of
// each page's `list_key` array. `page_size`, when set, is sent as
// MaxResults (tests use it to force several pages).
Result<std::vector<nlohmann::json>> ListAllJsonPages(ServiceCaller& caller, const std::string& operation,
                                                     const nlohmann::json& input, const std::string& list_key,
                                                     std::optional<int> page_size = std::nullopt);

}  // namespace foyer::aws

#endif  // FOYER_AWS_JSON_PAGES_H_
