#include "iam/simulation.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "iam/policy_parser.h"
#include "iam/wildcard.h"

namespace foyer::iam {
namespace {

using nlohmann::json;

Error InputError(const std::string& path, const std::string& reason) {
  return MakeError("InvalidInput", path + ": " + reason);
}

Status RequireKnownKeys(const json& object, const std::string& path, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string prefix = path.empty() ? key : path + "." + key;
      return InputError(prefix, "unknown field");
    }
  }
  return OkStatus();
}

Result<std::string> RequiredString(const json& object, const std::string& path, const char* key) {
  if (!object.contains(key)) return InputError(path + "." + key, "is required");
  const json& value = object[key];
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    return InputError(path + "." + key, "must be a non-empty string");
  }
  return value.get<std::string>();
}

std::optional<std::string> ContextScalar(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

Status ReadContext(const json& context, RequestContext& out) {
  if (!context.is_object()) return InputError("request.context", "must be an object of key: value or list");
  for (const auto& [key, value] : context.items()) {
    std::string path = "request.context." + key;
    if (value.is_array()) {
      std::vector<std::string> values;
      for (size_t i = 0; i < value.size(); ++i) {
        std::optional<std::string> text = ContextScalar(value[i]);
        if (!text) return InputError(path + "[" + std::to_string(i) + "]", "must be a string, number or bool");
        values.push_back(std::move(*text));
      }
      out.SetList(key, std::move(values));
      continue;
    }
    std::optional<std::string> text = ContextScalar(value);
    if (!text) return InputError(path, "must be a string, number, bool or a list of them");
    out.Set(key, std::move(*text));
  }
  return OkStatus();
}

Status ReadRequest(const json& input, Request& out) {
  if (!input.contains("request")) return InputError("request", "is required");
  const json& request = input["request"];
  if (!request.is_object()) return InputError("request", "must be an object");
  FOYER_RETURN_IF_ERROR(
      RequireKnownKeys(request, "request", {"principal", "action", "resource", "resource_account", "context"}));
  Result<std::string> principal = RequiredString(request, "request", "principal");
  if (!principal.ok()) return principal.error();
  Result<std::string> action = RequiredString(request, "request", "action");
  if (!action.ok()) return action.error();
  if (action->find(':') == std::string::npos) return InputError("request.action", "must look like service:Action");
  Result<std::string> resource = RequiredString(request, "request", "resource");
  if (!resource.ok()) return resource.error();
  out.principal = std::move(*principal);
  out.action = std::move(*action);
  out.resource = std::move(*resource);
  if (request.contains("resource_account")) {
    Result<std::string> account = RequiredString(request, "request", "resource_account");
    if (!account.ok()) return account.error();
    out.resource_account = std::move(*account);
  }
  std::string_view fields[6];
  bool arn_names_account = SplitArn(out.resource, fields) && !fields[4].empty();
  if (out.resource_account.empty() && !arn_names_account && out.resource != "*") {
    return InputError("request.resource_account",
                      "is required: the resource ARN names no account (as for S3), and whether the request "
                      "crosses accounts depends on it");
  }
  if (out.resource_account.empty() && out.resource == "*" && SplitArn(out.principal, fields)) {
    out.resource_account = std::string(fields[4]);
  }
  if (request.contains("context")) FOYER_RETURN_IF_ERROR(ReadContext(request["context"], out.context));
  return OkStatus();
}

// A policy, or {"name": N, "document": D}.
Result<Policy> ReadPolicy(const json& value, const std::string& path) {
  if (value.is_object() && value.contains("document")) {
    FOYER_RETURN_IF_ERROR(RequireKnownKeys(value, path, {"name", "document"}));
    std::string name = path;
    if (value.contains("name")) {
      if (!value["name"].is_string()) return InputError(path + ".name", "must be a string");
      name = value["name"].get<std::string>();
    }
    Result<Policy> policy = ParsePolicyJson(value["document"], name);
    if (!policy.ok() && name != path) policy.error().message = path + " (" + policy.error().message + ")";
    return policy;
  }
  return ParsePolicyJson(value, path);
}

Status ReadPolicyList(const json& list, const std::string& path, std::vector<Policy>& out) {
  if (!list.is_array()) return InputError(path, "must be a list of policies");
  for (size_t i = 0; i < list.size(); ++i) {
    Result<Policy> policy = ReadPolicy(list[i], path + "[" + std::to_string(i) + "]");
    if (!policy.ok()) return policy.error();
    out.push_back(std::move(*policy));
  }
  return OkStatus();
}

Status ReadOptionalPolicy(const json& input, const char* key, std::optional<Policy>& out) {
  if (!input.contains(key) || input[key].is_null()) return OkStatus();
  Result<Policy> policy = ReadPolicy(input[key], key);
  if (!policy.ok()) return policy.error();
  out = std::move(*policy);
  return OkStatus();
}

Status ReadPolicies(const json& input, PolicySet& out) {
  if (input.contains("identity_policies")) {
    FOYER_RETURN_IF_ERROR(ReadPolicyList(input["identity_policies"], "identity_policies", out.identity));
  }
  FOYER_RETURN_IF_ERROR(ReadOptionalPolicy(input, "resource_policy", out.resource));
  FOYER_RETURN_IF_ERROR(ReadOptionalPolicy(input, "permission_boundary", out.permission_boundary));
  FOYER_RETURN_IF_ERROR(ReadOptionalPolicy(input, "session_policy", out.session));
  if (input.contains("scps")) {
    const json& levels = input["scps"];
    if (!levels.is_array()) return InputError("scps", "must be a list of levels (root first), each a list of policies");
    for (size_t level = 0; level < levels.size(); ++level) {
      out.scps.emplace_back();
      FOYER_RETURN_IF_ERROR(ReadPolicyList(levels[level], "scps[" + std::to_string(level) + "]", out.scps.back()));
    }
  }
  if (input.contains("management_account")) {
    if (!input["management_account"].is_boolean()) return InputError("management_account", "must be true or false");
    out.management_account = input["management_account"].get<bool>();
  }
  return OkStatus();
}

}  // namespace

Result<std::unique_ptr<Simulation>> ReadSimulation(const json& input) {
  if (!input.is_object()) return InputError("(top level)", "must be a JSON object with a \"request\"");
  FOYER_RETURN_IF_ERROR(RequireKnownKeys(input, "",
                                         {"request", "identity_policies", "resource_policy", "scps",
                                          "permission_boundary", "session_policy", "management_account"}));
  auto simulation = std::make_unique<Simulation>();
  FOYER_RETURN_IF_ERROR(ReadRequest(input, simulation->request));
  FOYER_RETURN_IF_ERROR(ReadPolicies(input, simulation->policies));
  return simulation;
}

Result<std::unique_ptr<Simulation>> ReadSimulationText(std::string_view text) {
  json input = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (input.is_discarded()) return MakeError("InvalidInput", "the simulation input is not valid JSON");
  return ReadSimulation(input);
}

nlohmann::ordered_json DecisionJson(const Decision& decision) {
  nlohmann::ordered_json deciding = nlohmann::ordered_json::array();
  for (const StatementRef& ref : decision.deciding) {
    nlohmann::ordered_json entry;
    entry["policy"] = ref.policy->name;
    entry["statement"] = ref.statement;
    deciding.push_back(std::move(entry));
  }
  nlohmann::ordered_json out;
  out["decision"] = std::string(VerdictName(decision.verdict));
  out["deciding"] = std::move(deciding);
  return out;
}

std::string ExplainDecision(const Decision& decision) {
  std::string out;
  switch (decision.verdict) {
    case Verdict::kAllow: out = "ALLOWED"; break;
    case Verdict::kExplicitDeny: out = "DENIED explicitly"; break;
    case Verdict::kImplicitDeny: out = "DENIED implicitly: " + DescribeDenial(decision); break;
  }
  out += "\n";
  for (const StatementRef& ref : decision.deciding) {
    const Statement& statement = ref.policy->statements[ref.statement];
    out += "  " + ref.policy->name + " statement " + std::to_string(ref.statement);
    if (!statement.sid.empty()) out += " (" + statement.sid + ")";
    out += statement.effect == Effect::kAllow ? ": Allow\n" : ": Deny\n";
  }
  return out;
}

}  // namespace foyer::iam
