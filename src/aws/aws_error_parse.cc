#include "aws/aws_error_parse.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

namespace foyer::aws {
namespace {

// What a body says about the error; empty fields when it does not say.
struct ErrorParts {
  std::string code;
  std::string message;
  std::string request_id;
};

std::string_view LocalName(const char* name) {
  std::string_view text(name);
  size_t colon = text.rfind(':');
  return colon == std::string_view::npos ? text : text.substr(colon + 1);
}

pugi::xml_node FindElement(pugi::xml_node root, std::string_view name) {
  if (LocalName(root.name()) == name) return root;
  return root.find_node([name](pugi::xml_node node) {
    return node.type() == pugi::node_element && LocalName(node.name()) == name;
  });
}

std::string ElementText(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node child : parent.children()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == name) {
      return child.text().get();
    }
  }
  return "";
}

// <ErrorResponse><Error>..</Error><RequestId/></ErrorResponse> (query),
// <ErrorResponse><Errors><Error>.. (moto), <Error><Code/>..<RequestId/></Error> (S3).
std::optional<ErrorParts> PartsFromXml(std::string_view body) {
  pugi::xml_document document;
  if (!document.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8)) {
    return std::nullopt;
  }
  pugi::xml_node error = FindElement(document.document_element(), "Error");
  if (!error) return std::nullopt;
  ErrorParts parts{ElementText(error, "Code"), ElementText(error, "Message"),
                   ElementText(error, "RequestId")};
  if (parts.request_id.empty()) {
    pugi::xml_node request_id = FindElement(document.document_element(), "RequestId");
    parts.request_id = request_id.text().get();
  }
  if (parts.code.empty()) return std::nullopt;
  return parts;
}

std::string FirstString(const nlohmann::json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it != object.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return it->get<std::string>();
    }
  }
  return "";
}

std::optional<ErrorParts> PartsFromJson(std::string_view body) {
  nlohmann::json document = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return std::nullopt;
  ErrorParts parts;
  parts.code = NormalizeErrorType(FirstString(document, {"__type", "code", "Code"}));
  parts.message = FirstString(document, {"message", "Message", "errorMessage"});
  return parts;
}

bool StartsWithCaseless(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) ==
                                                std::tolower(static_cast<unsigned char>(b)); });
}

std::string_view TrimLeft(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  return start == std::string_view::npos ? std::string_view() : text.substr(start);
}

bool LooksLikeHtml(std::string_view body) {
  std::string_view text = TrimLeft(body);
  return StartsWithCaseless(text, "<!doctype html") || StartsWithCaseless(text, "<html");
}

// The first bytes of an unexpected body, printable, for an error message.
std::string Excerpt(std::string_view body) {
  constexpr size_t kMax = 80;
  std::string excerpt;
  for (char c : body.substr(0, kMax)) {
    excerpt += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  if (body.size() > kMax) excerpt += "...";
  return excerpt;
}

// Errors that mean the credentials themselves are no good: logging in again
// is what fixes them.
bool NeedsLogin(std::string_view code) {
  return code == "ExpiredToken" || code == "ExpiredTokenException" ||
         code == "InvalidClientTokenId" || code == "UnrecognizedClientException" ||
         code == "UnauthorizedException";
}

// When the body says nothing usable.
ErrorParts PartsFromStatus(const HttpResponse& response) {
  std::string status = std::to_string(response.status);
  std::string_view body = TrimLeft(response.body);
  if (LooksLikeHtml(body) && response.status >= 500) {
    return {response.status == 501 ? "NotImplemented" : "InternalFailure",
            "the endpoint answered HTTP " + status +
                " with an HTML page instead of an AWS error; the service (or the emulator "
                "standing in for it) probably does not implement this operation",
            ""};
  }
  if (body.empty()) return {"HTTP" + status, "HTTP " + status + " with an empty body", ""};
  return {"HTTP" + status,
          "HTTP " + status + " with a body that is not an AWS error: \"" + Excerpt(body) + "\"", ""};
}

ErrorParts PartsFromBody(const HttpResponse& response) {
  std::string_view body = TrimLeft(response.body);
  std::optional<ErrorParts> parts;
  if (body.starts_with('<') && !LooksLikeHtml(body)) parts = PartsFromXml(body);
  if (body.starts_with('{')) parts = PartsFromJson(body);
  if (!parts.has_value()) parts = ErrorParts{};
  if (parts->code.empty()) parts->code = NormalizeErrorType(response.Header("x-amzn-ErrorType"));
  if (parts->code.empty()) return PartsFromStatus(response);
  return *parts;
}

}  // namespace

bool IsErrorResponse(const HttpResponse& response) {
  return response.status < 200 || response.status > 299;
}

std::string NormalizeErrorType(std::string_view type) {
  size_t colon = type.find(':');
  if (colon != std::string_view::npos) type = type.substr(0, colon);
  size_t hash = type.rfind('#');
  if (hash != std::string_view::npos) type = type.substr(hash + 1);
  size_t end = type.find_last_not_of(" \t");
  return end == std::string_view::npos ? "" : std::string(type.substr(0, end + 1));
}

Error ParseAwsError(const HttpResponse& response, std::string_view service,
                    std::string_view operation) {
  ErrorParts parts = PartsFromBody(response);
  Error error;
  error.code = parts.code;
  error.http_status = response.status;
  error.request_id = response.Header("x-amzn-RequestId");
  if (error.request_id.empty()) error.request_id = response.Header("x-amz-request-id");
  if (error.request_id.empty()) error.request_id = parts.request_id;
  std::string what = parts.message.empty() ? "the service gave no explanation" : parts.message;
  error.message = std::string(service) + " " + std::string(operation) + " failed: " + what;
  if (NeedsLogin(error.code)) error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

}  // namespace foyer::aws
