#include "access/exports.h"

#include <nlohmann/json.hpp>

#include "base/time_format.h"

namespace foyer::access {
namespace {

// fish: inside single quotes only \ and ' are special.
std::string FishQuote(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

// PowerShell: inside single quotes only ' is special, written twice.
std::string PowershellQuote(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    quoted += c;
    if (c == '\'') quoted += '\'';
  }
  return quoted + "'";
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "sh") return ExportFormat::kSh;
  if (name == "fish") return ExportFormat::kFish;
  if (name == "powershell") return ExportFormat::kPowershell;
  if (name == "json") return ExportFormat::kJson;
  return std::nullopt;
}

std::string CredentialProcessJson(const aws::Credentials& credentials) {
  nlohmann::ordered_json json;
  json["Version"] = 1;
  json["AccessKeyId"] = credentials.access_key_id;
  json["SecretAccessKey"] = credentials.secret_access_key;
  json["SessionToken"] = credentials.session_token;
  if (credentials.expiration) json["Expiration"] = FormatRfc3339(*credentials.expiration);
  return json.dump();
}

std::vector<std::pair<std::string, std::string>> SessionVariables(const aws::Credentials& credentials,
                                                                  const std::string& region) {
  std::vector<std::pair<std::string, std::string>> variables = {
      {"AWS_ACCESS_KEY_ID", credentials.access_key_id},
      {"AWS_SECRET_ACCESS_KEY", credentials.secret_access_key},
      {"AWS_SESSION_TOKEN", credentials.session_token},
  };
  if (credentials.expiration) variables.emplace_back("AWS_CREDENTIAL_EXPIRATION", FormatRfc3339(*credentials.expiration));
  variables.emplace_back("AWS_REGION", region);
  variables.emplace_back("AWS_DEFAULT_REGION", region);
  return variables;
}

std::string ShellQuote(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string RenderExports(const std::vector<std::pair<std::string, std::string>>& variables, ExportFormat format) {
  if (format == ExportFormat::kJson) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& [name, value] : variables) json[name] = value;
    return json.dump(2) + "\n";
  }
  std::string text;
  for (const auto& [name, value] : variables) {
    switch (format) {
      case ExportFormat::kSh:
        text += "export " + name + "=" + ShellQuote(value) + "\n";
        break;
      case ExportFormat::kFish:
        text += "set -gx " + name + " " + FishQuote(value) + "\n";
        break;
      case ExportFormat::kPowershell:
        text += "$Env:" + name + " = " + PowershellQuote(value) + "\n";
        break;
      case ExportFormat::kJson:
        break;
    }
  }
  return text;
}

}  // namespace foyer::access
