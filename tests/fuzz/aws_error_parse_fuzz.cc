// Feeds arbitrary bytes to every parser of AWS responses: error bodies of
// every shape, query (XML) and JSON results, and the IAM and Organizations
// readers behind them. None may crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aws/aws_error_parse.h"
#include "aws/iam_document.h"
#include "aws/iam_wire.h"
#include "aws/json_protocol.h"
#include "aws/organizations_json.h"
#include "aws/query_result.h"

namespace {

using foyer::aws::HttpResponse;

void FuzzErrors(std::string_view data) {
  // The first byte picks the status and the headers, the rest is the body.
  int status = data.empty() ? 400 : 200 + static_cast<unsigned char>(data[0]) * 2;
  std::string body(data.empty() ? data : data.substr(1));
  HttpResponse response{status, {}, body};
  if (!data.empty() && (data[0] & 1)) {
    response.headers = {{"x-amzn-ErrorType", body.substr(0, body.size() / 2)},
                        {"x-amzn-RequestId", "fuzz"}};
  }
  foyer::aws::IsErrorResponse(response);
  foyer::aws::ParseAwsError(response, "Fuzz", "Operation");
  foyer::aws::NormalizeErrorType(body);
}

void FuzzQuery(std::string_view data) {
  auto result = foyer::aws::ParseQueryResult(data, "GetAccountAuthorizationDetails");
  if (result.ok()) {
    namespace wire = foyer::aws::iam_wire;
    for (pugi::xml_node member : foyer::aws::Members(foyer::aws::Child(result->node, "RoleDetailList"))) {
      wire::ReadRoleDetail(member);
    }
    for (pugi::xml_node member : foyer::aws::Members(foyer::aws::Child(result->node, "Policies"))) {
      wire::ReadPolicyDetail(member);
    }
    foyer::aws::ChildInt(result->node, "MaxSessionDuration");
    foyer::aws::ChildTime(result->node, "CreateDate");
  }
  auto xml = foyer::aws::ParseXml(data);
  if (xml.ok()) {
    foyer::aws::iam_wire::ReadRole(xml->node);
    foyer::aws::iam_wire::ReadUserDetail(xml->node);
    foyer::aws::iam_wire::ReadTags(xml->node);
  }
  foyer::aws::DecodePolicyDocument(data);
}

void FuzzJson(std::string_view data) {
  auto result = foyer::aws::ParseJsonResult(data);
  if (!result.ok()) return;
  namespace oj = foyer::aws::organizations_json;
  oj::ReadOrganization(*result);
  oj::ReadRoot(*result);
  oj::ReadAccount(*result);
  oj::ReadCreateAccountStatus(*result);
  oj::ReadPolicy(*result);
  oj::ReadDelegatedAdministrator(*result);
  for (const auto& item : foyer::aws::JsonArray(*result, "Tags")) oj::ReadTags(item);
  oj::ReadTags(foyer::aws::JsonArray(*result, "Tags"));
  foyer::aws::JsonTimestamp(*result, "JoinedTimestamp");
  foyer::aws::JsonStrings(*result, "TagKeys");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  FuzzErrors(input);
  FuzzQuery(input);
  FuzzJson(input);
  return 0;
}
