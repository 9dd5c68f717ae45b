#include "base/error.h"

#include <utility>

namespace foyer {

std::string Error::Describe() const {
  std::string details;
  auto add = [&details](const std::string& part) {
    if (part.empty()) return;
    details += details.empty() ? "" : ", ";
    details += part;
  };
  add(code);
  if (http_status != 0) add("HTTP " + std::to_string(http_status));
  if (!request_id.empty()) add("request id " + request_id);
  if (details.empty()) return message;
  return message + " (" + details + ")";
}

Error MakeError(std::string code, std::string message) {
  Error error;
  error.code = std::move(code);
  error.message = std::move(message);
  return error;
}

}  // namespace foyer
