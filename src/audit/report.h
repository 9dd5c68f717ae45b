// Findings for a person (text), for scripts (JSON) and for code-scanning
// tools (SARIF 2.1.0).
#ifndef FOYER_AUDIT_REPORT_H_
#define FOYER_AUDIT_REPORT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "audit/finding.h"

namespace foyer::audit {

// One block per finding ("HIGH S8-trust-everyone RESOURCE", the message,
// the evidence, the fix), then "N findings: H high, M medium, L low".
std::string FindingsText(const std::vector<Finding>& findings);

// {"findings": [{"rule", "severity", "account", "resource", "message",
//   "evidence": [...], "fix"}], "counts": {"high": H, "medium": M, "low": L}}
nlohmann::ordered_json FindingsJson(const std::vector<Finding>& findings);

// A SARIF 2.1.0 log with one run: the rules that fired as the driver's
// rules, one result per finding (level error/warning/note for
// high/medium/low), the resource as a logical location, evidence and fix
// in the result's properties.
nlohmann::ordered_json FindingsSarif(const std::vector<Finding>& findings, const std::string& tool_version);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_REPORT_H_
