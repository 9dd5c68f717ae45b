#include "aws/arn.h"

#include <array>

namespace foyer::aws {

std::string Arn::ToString() const {
  return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
}

Result<Arn> ParseArn(std::string_view text) {
  std::array<std::string_view, 5> fields;
  std::string_view rest = text;
  for (auto& field : fields) {
    size_t colon = rest.find(':');
    if (colon == std::string_view::npos) {
      return MakeError("ParseError", "'" + std::string(text) +
                                         "' is not an ARN (expected arn:partition:service:region:account:resource)");
    }
    field = rest.substr(0, colon);
    rest.remove_prefix(colon + 1);
  }
  if (fields[0] != "arn" || fields[1].empty() || fields[2].empty() || rest.empty()) {
    return MakeError("ParseError", "'" + std::string(text) +
                                       "' is not an ARN (expected arn:partition:service:region:account:resource)");
  }
  return Arn{std::string(fields[1]), std::string(fields[2]), std::string(fields[3]), std::string(fields[4]),
             std::string(rest)};
}

Principal DescribePrincipal(const Arn& arn) {
  const std::string& resource = arn.resource;
  if (resource == "root") return {"root", "", ""};
  size_t slash = resource.find('/');
  if (slash == std::string::npos) return {resource, "", ""};
  std::string type = resource.substr(0, slash);
  std::string rest = resource.substr(slash + 1);
  if (type == "assumed-role") {
    size_t last = rest.rfind('/');
    if (last == std::string::npos) return {type, rest, ""};
    return {type, rest.substr(0, last), rest.substr(last + 1)};
  }
  // Users and roles may carry a path: the name is the last segment.
  size_t last = rest.rfind('/');
  return {type, last == std::string::npos ? rest : rest.substr(last + 1), ""};
}

}  // namespace foyer::aws
