#include "audit/report.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace foyer::audit {
namespace {

std::array<size_t, 3> Counts(const std::vector<Finding>& findings) {
  std::array<size_t, 3> counts{};
  for (const Finding& finding : findings) ++counts[static_cast<size_t>(finding.severity)];
  return counts;
}

std::string Upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

const char* SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kHigh: return "error";
    case Severity::kMedium: return "warning";
    case Severity::kLow: return "note";
  }
  return "error";
}

nlohmann::ordered_json SarifResult(const Finding& finding, size_t rule_index) {
  nlohmann::ordered_json location = {
      {"logicalLocations", {{{"fullyQualifiedName", finding.resource}, {"kind", "resource"}}}}};
  return {{"ruleId", finding.rule},
          {"ruleIndex", rule_index},
          {"level", SarifLevel(finding.severity)},
          {"message", {{"text", finding.message}}},
          {"locations", {location}},
          {"properties",
           {{"severity", SeverityName(finding.severity)},
            {"account", finding.account},
            {"evidence", finding.evidence},
            {"fix", finding.fix}}}};
}

}  // namespace

std::string FindingsText(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& finding : findings) {
    out += Upper(SeverityName(finding.severity)) + "  " + finding.rule + "  " + finding.resource + "\n";
    out += "  " + finding.message + "\n";
    for (const std::string& line : finding.evidence) out += "    " + line + "\n";
    out += "  fix: " + finding.fix + "\n\n";
  }
  std::array<size_t, 3> counts = Counts(findings);
  out += std::to_string(findings.size()) + (findings.size() == 1 ? " finding: " : " findings: ") +
         std::to_string(counts[2]) + " high, " + std::to_string(counts[1]) + " medium, " +
         std::to_string(counts[0]) + " low\n";
  return out;
}

nlohmann::ordered_json FindingsJson(const std::vector<Finding>& findings) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& finding : findings) {
    list.push_back({{"rule", finding.rule},
                    {"severity", SeverityName(finding.severity)},
                    {"account", finding.account},
                    {"resource", finding.resource},
                    {"message", finding.message},
                    {"evidence", finding.evidence},
                    {"fix", finding.fix}});
  }
  std::array<size_t, 3> counts = Counts(findings);
  return {{"findings", list}, {"counts", {{"high", counts[2]}, {"medium", counts[1]}, {"low", counts[0]}}}};
}

nlohmann::ordered_json FindingsSarif(const std::vector<Finding>& findings, const std::string& tool_version) {
  std::map<std::string, size_t> rule_index;
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Finding& finding : findings) {
    auto [it, added] = rule_index.emplace(finding.rule, rules.size());
    if (added) {
      rules.push_back({{"id", finding.rule},
                       {"shortDescription", {{"text", finding.rule}}},
                       {"help", {{"text", finding.fix}}},
                       {"defaultConfiguration", {{"level", SarifLevel(finding.severity)}}}});
    }
    results.push_back(SarifResult(finding, it->second));
  }
  nlohmann::ordered_json driver = {{"name", "foyer"},
                                   {"version", tool_version},
                                   {"rules", rules}};
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", {{{"tool", {{"driver", driver}}}, {"results", results}}}}};
}

}  // namespace foyer::audit
