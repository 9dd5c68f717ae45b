// Looping over paginated list operations.
//
// AWS paginates with an opaque token that the next request sends back:
// NextToken (Organizations, most JSON services), Marker + IsTruncated (IAM),
// NextMarker (S3, KMS). ForEachPage hides the loop; the caller's `fetch`
// makes one request with the token ("" for the first page), consumes the
// page, and returns the token of the next page, "" when it was the last:
//
//   std::vector<Role> roles;
//   Status status = ForEachPage([&](const std::string& marker) -> Result<std::string> {
//     QueryParams params;
//     params.AddIfNotEmpty("Marker", marker);
//     auto page = caller.CallQuery("ListRoles", params);
//     if (!page.ok()) return page.error();
//     ... append roles ...
//     return ChildBool(page->node, "IsTruncated") ? ChildText(page->node, "Marker") : "";
//   });
#ifndef FOYER_AWS_PAGINATE_H_
#define FOYER_AWS_PAGINATE_H_

#include <string>
#include <utility>

#include "base/result.h"

namespace foyer::aws {

// A service that hands back the token it was given would loop forever;
// this many pages is more than any organization foyer manages.
inline constexpr int kMaxPages = 10000;

// REQUIRES: fetch is callable as Result<std::string>(const std::string& token).
template <typename Fetch>
Status ForEachPage(Fetch&& fetch) {
  std::string token;
  for (int page = 0; page < kMaxPages; ++page) {
    Result<std::string> next = fetch(token);
    if (!next.ok()) return next.error();
    if (next->empty()) return OkStatus();
    if (*next == token) {
      return MakeError("PaginationError",
                       "the service returned the same page token twice (\"" + token +
                           "\"); stopping instead of looping forever");
    }
    token = std::move(*next);
  }
  return MakeError("PaginationError", "more than " + std::to_string(kMaxPages) +
                                          " pages; stopping instead of looping forever");
}

}  // namespace foyer::aws

#endif  // FOYER_AWS_PAGINATE_H_
