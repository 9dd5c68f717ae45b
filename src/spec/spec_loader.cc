#include "spec/spec_loader.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace foyer::spec {
namespace {

// IAM's limit on the inline policies of one role, counted without whitespace.
constexpr size_t kMaxInlinePolicyLength = 10240;

size_t LengthWithoutWhitespace(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !std::isspace(static_cast<unsigned char>(c));
  }));
}

// Why `text` is not an IAM policy document, or "" when it looks like one.
std::string PolicyProblem(const std::string& text) {
  nlohmann::json policy;
  try {
    policy = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    std::string reason = error.what();
    const size_t bracket = reason.find("] ");
    if (bracket != std::string::npos) reason = reason.substr(bracket + 2);
    return "is not valid JSON: " + reason;
  }
  if (!policy.is_object() || !policy.contains("Statement")) {
    return "is not a policy document: it needs a JSON object with a \"Statement\"";
  }
  const size_t length = LengthWithoutWhitespace(text);
  if (length > kMaxInlinePolicyLength) {
    return "is " + std::to_string(length) + " characters without whitespace; IAM allows at most " +
           std::to_string(kMaxInlinePolicyLength) + " for a role's inline policies";
  }
  return "";
}

std::filesystem::path Resolve(const std::filesystem::path& folder, const std::string& file) {
  std::filesystem::path path(file);
  return path.is_absolute() ? path : folder / path;
}

}  // namespace

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError("FileError", "cannot read " + path.string() + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return MakeError("FileError", "cannot read " + path.string() + ": " + std::strerror(errno));
  }
  return text.str();
}

std::vector<Diagnostic> LoadReferencedFiles(Spec& spec, const std::filesystem::path& spec_folder) {
  Diagnostics diagnostics{spec.source_file, {}};
  for (Role& role : spec.roles) {
    if (!role.policy_file) continue;
    const LocatedString& file = *role.policy_file;
    Result<std::string> text = ReadTextFile(Resolve(spec_folder, file.value));
    if (!text.ok()) {
      diagnostics.Add(file.at, "policy_file of [[role]] '" + role.name.value + "': " +
                                   text.error().message);
      continue;
    }
    std::string problem = PolicyProblem(*text);
    if (!problem.empty()) {
      diagnostics.Add(file.at, "policy_file '" + file.value + "' " + problem);
      continue;
    }
    role.policy_document = std::move(*text);
  }
  if (spec.identity.saml) {
    SamlIdentity& saml = *spec.identity.saml;
    Result<std::string> text = ReadTextFile(Resolve(spec_folder, saml.metadata_file.value));
    if (!text.ok()) {
      diagnostics.Add(saml.metadata_file.at, "metadata_file in [identity.saml]: " +
                                                 text.error().message);
    } else if (text->find("EntityDescriptor") == std::string::npos) {
      diagnostics.Add(saml.metadata_file.at, "metadata_file '" + saml.metadata_file.value +
                                                 "' is not SAML metadata: it has no "
                                                 "EntityDescriptor");
    } else {
      saml.metadata_document = std::move(*text);
    }
  }
  return std::move(diagnostics.list);
}

}  // namespace foyer::spec
