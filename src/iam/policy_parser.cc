#include "iam/policy_parser.h"

#include "base/url_encoding.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "iam/variables.h"

namespace foyer::iam {
namespace {

using nlohmann::json;

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && Lowercase(text.substr(0, prefix.size())) == Lowercase(prefix);
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         Lowercase(text.substr(text.size() - suffix.size())) == Lowercase(suffix);
}

// Builds errors of the form "<policy>: statement <i>: <reason>".
class ErrorSink {
 public:
  explicit ErrorSink(const std::string& policy) : policy_(policy) {}
  Error Document(const std::string& reason) const {
    return MakeError("ParseError", policy_ + ": " + reason);
  }
  Error At(size_t statement, const std::string& reason) const {
    return MakeError("ParseError", policy_ + ": statement " + std::to_string(statement) + ": " + reason);
  }

 private:
  const std::string& policy_;
};

std::string Quoted(const json& value) { return value.dump(); }

// A value AWS lets be a string or a list of strings.
std::optional<std::vector<std::string>> StringOrList(const json& value) {
  std::vector<std::string> out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return out;
  }
  if (!value.is_array() || value.empty()) return std::nullopt;
  for (const json& item : value) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

// Condition values may also be numbers or bools; they are kept as JSON text.
std::optional<std::string> ScalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "true" : "false");
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

struct OperatorName {
  std::string_view name;
  ConditionOperator op;
};

constexpr std::array<OperatorName, 27> kOperators = {{
    {"stringequals", ConditionOperator::kStringEquals},
    {"stringnotequals", ConditionOperator::kStringNotEquals},
    {"stringequalsignorecase", ConditionOperator::kStringEqualsIgnoreCase},
    {"stringnotequalsignorecase", ConditionOperator::kStringNotEqualsIgnoreCase},
    {"stringlike", ConditionOperator::kStringLike},
    {"stringnotlike", ConditionOperator::kStringNotLike},
    {"numericequals", ConditionOperator::kNumericEquals},
    {"numericnotequals", ConditionOperator::kNumericNotEquals},
    {"numericlessthan", ConditionOperator::kNumericLessThan},
    {"numericlessthanequals", ConditionOperator::kNumericLessThanEquals},
    {"numericgreaterthan", ConditionOperator::kNumericGreaterThan},
    {"numericgreaterthanequals", ConditionOperator::kNumericGreaterThanEquals},
    {"dateequals", ConditionOperator::kDateEquals},
    {"datenotequals", ConditionOperator::kDateNotEquals},
    {"datelessthan", ConditionOperator::kDateLessThan},
    {"datelessthanequals", ConditionOperator::kDateLessThanEquals},
    {"dategreaterthan", ConditionOperator::kDateGreaterThan},
    {"dategreaterthanequals", ConditionOperator::kDateGreaterThanEquals},
    {"bool", ConditionOperator::kBool},
    {"binaryequals", ConditionOperator::kBinaryEquals},
    {"ipaddress", ConditionOperator::kIpAddress},
    {"notipaddress", ConditionOperator::kNotIpAddress},
    {"arnequals", ConditionOperator::kArnEquals},
    {"arnlike", ConditionOperator::kArnLike},
    {"arnnotequals", ConditionOperator::kArnNotEquals},
    {"arnnotlike", ConditionOperator::kArnNotLike},
    {"null", ConditionOperator::kNull},
}};

// "ForAnyValue:StringLikeIfExists" -> qualifier, operator, if_exists.
std::optional<ConditionClause> ParseOperator(std::string_view text) {
  ConditionClause clause;
  if (StartsWithIgnoreCase(text, "ForAllValues:")) {
    clause.qualifier = SetQualifier::kForAllValues;
    text.remove_prefix(13);
  } else if (StartsWithIgnoreCase(text, "ForAnyValue:")) {
    clause.qualifier = SetQualifier::kForAnyValue;
    text.remove_prefix(12);
  }
  if (EndsWithIgnoreCase(text, "IfExists")) {
    clause.if_exists = true;
    text.remove_suffix(8);
  }
  std::string lower = Lowercase(text);
  for (const OperatorName& known : kOperators) {
    if (known.name == lower) {
      clause.op = known.op;
      // Null tests presence itself, so "NullIfExists" means nothing.
      if (clause.op == ConditionOperator::kNull && clause.if_exists) return std::nullopt;
      return clause;
    }
  }
  return std::nullopt;
}

Status ParseConditions(const json& block, size_t index, const ErrorSink& errors, Statement& out) {
  if (!block.is_object()) return errors.At(index, "Condition must be an object");
  for (const auto& [op_name, keys] : block.items()) {
    std::optional<ConditionClause> parsed = ParseOperator(op_name);
    if (!parsed) return errors.At(index, "unknown condition operator \"" + op_name + "\"");
    if (!keys.is_object() || keys.empty()) {
      return errors.At(index, "condition operator " + op_name + " must map keys to values");
    }
    for (const auto& [key, values] : keys.items()) {
      ConditionClause clause = *parsed;
      clause.key = Lowercase(key);
      if (values.is_array()) {
        if (values.empty()) return errors.At(index, "condition key " + key + " has an empty value list");
        for (const json& value : values) {
          std::optional<std::string> text = ScalarText(value);
          if (!text) return errors.At(index, "condition key " + key + " has a value that is not a string, number or bool");
          clause.values.push_back(std::move(*text));
        }
      } else {
        std::optional<std::string> text = ScalarText(values);
        if (!text) return errors.At(index, "condition key " + key + " must be a string, number, bool or a list of them");
        clause.values.push_back(std::move(*text));
      }
      clause.values_have_variables = std::any_of(clause.values.begin(), clause.values.end(),
                                                 [](const std::string& v) { return HasVariables(v); });
      out.conditions.push_back(std::move(clause));
    }
  }
  return OkStatus();
}

Status ParsePrincipal(const json& value, size_t index, const ErrorSink& errors, PrincipalSet& out) {
  if (value.is_string()) {
    if (value.get<std::string>() != "*") {
      return errors.At(index, "a Principal string must be \"*\"; name principals as {\"AWS\": ...}");
    }
    out.everyone = true;
    return OkStatus();
  }
  if (!value.is_object() || value.empty()) return errors.At(index, "Principal must be \"*\" or an object");
  for (const auto& [kind, names] : value.items()) {
    std::optional<std::vector<std::string>> list = StringOrList(names);
    if (!list) return errors.At(index, "Principal " + kind + " must be a string or a list of strings");
    std::vector<std::string>* target = nullptr;
    if (kind == "AWS") target = &out.aws;
    else if (kind == "Service") target = &out.service;
    else if (kind == "Federated") target = &out.federated;
    else if (kind == "CanonicalUser") target = &out.canonical_user;
    else return errors.At(index, "unknown principal type \"" + kind + "\" (expected AWS, Service, Federated or CanonicalUser)");
    for (std::string& name : *list) {
      if (kind == "AWS" && name == "*") out.everyone = true;
      else target->push_back(std::move(name));
    }
  }
  return OkStatus();
}

// Action, Resource and their Not* twins share one shape.
Status ParseNamedList(const json& statement, const char* positive, const char* negative, size_t index,
                      const ErrorSink& errors, bool& negated, std::vector<std::string>& out, bool& present) {
  bool has_positive = statement.contains(positive);
  bool has_negative = statement.contains(negative);
  if (has_positive && has_negative) {
    return errors.At(index, std::string("a statement cannot have both ") + positive + " and " + negative);
  }
  present = has_positive || has_negative;
  if (!present) return OkStatus();
  negated = has_negative;
  const char* element = has_negative ? negative : positive;
  std::optional<std::vector<std::string>> list = StringOrList(statement[element]);
  if (!list) return errors.At(index, std::string(element) + " must be a string or a non-empty list of strings");
  out = std::move(*list);
  return OkStatus();
}

Status ParseActions(const json& statement, size_t index, const ErrorSink& errors, Statement& out) {
  bool present = false;
  FOYER_RETURN_IF_ERROR(
      ParseNamedList(statement, "Action", "NotAction", index, errors, out.not_action, out.actions, present));
  if (!present) return errors.At(index, "Action or NotAction is required");
  for (std::string& action : out.actions) {
    if (action != "*" && action.find(':') == std::string::npos) {
      return errors.At(index, "action \"" + action + "\" must look like service:Action");
    }
    action = Lowercase(action);
  }
  return OkStatus();
}

Result<Statement> ParseStatement(const json& element, size_t index, const ErrorSink& errors) {
  if (!element.is_object()) return errors.At(index, "a statement must be an object");
  static constexpr std::array<std::string_view, 10> kKnown = {
      "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource",
      "Principal", "NotPrincipal", "Condition", "Id"};
  for (const auto& [key, value] : element.items()) {
    if (std::find(kKnown.begin(), kKnown.end(), key) == kKnown.end()) {
      return errors.At(index, "unknown element \"" + key + "\"");
    }
  }
  Statement statement;
  if (element.contains("Sid")) {
    if (!element["Sid"].is_string()) return errors.At(index, "Sid must be a string");
    statement.sid = element["Sid"].get<std::string>();
  }
  const json* effect = element.contains("Effect") ? &element["Effect"] : nullptr;
  if (!effect) return errors.At(index, "Effect is required");
  if (*effect == "Allow") statement.effect = Effect::kAllow;
  else if (*effect == "Deny") statement.effect = Effect::kDeny;
  else return errors.At(index, "Effect must be Allow or Deny, got " + Quoted(*effect));

  FOYER_RETURN_IF_ERROR(ParseActions(element, index, errors, statement));
  FOYER_RETURN_IF_ERROR(ParseNamedList(element, "Resource", "NotResource", index, errors, statement.not_resource,
                                       statement.resources, statement.has_resource));
  if (element.contains("Principal") && element.contains("NotPrincipal")) {
    return errors.At(index, "a statement cannot have both Principal and NotPrincipal");
  }
  if (element.contains("Principal")) {
    statement.principal_kind = PrincipalKind::kPrincipal;
    FOYER_RETURN_IF_ERROR(ParsePrincipal(element["Principal"], index, errors, statement.principals));
  } else if (element.contains("NotPrincipal")) {
    statement.principal_kind = PrincipalKind::kNotPrincipal;
    FOYER_RETURN_IF_ERROR(ParsePrincipal(element["NotPrincipal"], index, errors, statement.principals));
  }
  if (element.contains("Condition")) {
    FOYER_RETURN_IF_ERROR(ParseConditions(element["Condition"], index, errors, statement));
  }
  return statement;
}

}  // namespace

Result<Policy> ParsePolicy(std::string_view text, std::string name) {
  size_t start = text.find_first_not_of(" \t\r\n");
  std::string decoded;
  if (start != std::string_view::npos && text[start] == '%') {
    // A malformed escape leaves the text as it is; the JSON parse then says so.
    decoded = PercentDecode(text).value_or(std::string(text));
    text = decoded;
  }
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    return MakeError("ParseError", name + ": not valid JSON (nor URL-encoded JSON)");
  }
  return ParsePolicyJson(document, std::move(name));
}

Result<Policy> ParsePolicyJson(const json& document, std::string name) {
  if (document.is_string()) return ParsePolicy(document.get_ref<const std::string&>(), std::move(name));
  Policy policy;
  policy.name = std::move(name);
  ErrorSink errors(policy.name);
  if (!document.is_object()) return errors.Document("a policy must be a JSON object");
  for (const auto& [key, value] : document.items()) {
    if (key != "Version" && key != "Id" && key != "Statement") {
      return errors.Document("unknown top-level element \"" + key + "\"");
    }
  }
  if (document.contains("Version")) {
    const json& version = document["Version"];
    if (version != "2012-10-17" && version != "2008-10-17") {
      return errors.Document("Version must be 2012-10-17 or 2008-10-17, got " + Quoted(version));
    }
    policy.version = version.get<std::string>();
  }
  policy.variables_enabled = policy.version == "2012-10-17";
  if (!document.contains("Statement")) return errors.Document("Statement is required");
  const json& statements = document["Statement"];
  if (statements.is_object()) {
    Result<Statement> statement = ParseStatement(statements, 0, errors);
    if (!statement.ok()) return statement.error();
    policy.statements.push_back(std::move(*statement));
    return policy;
  }
  if (!statements.is_array()) return errors.Document("Statement must be an object or a list of objects");
  for (size_t i = 0; i < statements.size(); ++i) {
    Result<Statement> statement = ParseStatement(statements[i], i, errors);
    if (!statement.ok()) return statement.error();
    policy.statements.push_back(std::move(*statement));
  }
  return policy;
}

}  // namespace foyer::iam
