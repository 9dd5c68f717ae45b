#include "audit/finding.h"

#include <algorithm>
#include <tuple>

namespace foyer::audit {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
  }
  return "high";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (Severity severity : {Severity::kLow, Severity::kMedium, Severity::kHigh}) {
    if (SeverityName(severity) == name) return severity;
  }
  return std::nullopt;
}

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::make_tuple(-static_cast<int>(a.severity), a.rule, a.resource) <
           std::make_tuple(-static_cast<int>(b.severity), b.rule, b.resource);
  });
}

bool AnyAtOrAbove(const std::vector<Finding>& findings, Severity threshold) {
  return std::any_of(findings.begin(), findings.end(),
                     [threshold](const Finding& finding) { return finding.severity >= threshold; });
}

}  // namespace foyer::audit
