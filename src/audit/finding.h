// What `foyer audit` reports: one broken rule, where, why, and how to fix it.
#ifndef FOYER_AUDIT_FINDING_H_
#define FOYER_AUDIT_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foyer::audit {

enum class Severity : std::uint8_t { kLow, kMedium, kHigh };

std::string_view SeverityName(Severity severity);  // "low", "medium", "high"
std::optional<Severity> ParseSeverity(std::string_view name);

struct Finding {
  std::string rule;      // "S8-trust-everyone": the DESIGN.md rule first, then what broke it
  Severity severity = Severity::kMedium;
  std::string account;   // the account the resource lives in ("" when organization-wide)
  std::string resource;  // an ARN, a bucket name, an SCP target
  std::string message;   // one sentence: what is wrong
  // What proves it: the path into the account, hop by hop, or the statement.
  std::vector<std::string> evidence;
  std::string fix;       // what to do about it
};

// Findings ordered for reading: severity (high first), rule, resource.
void SortFindings(std::vector<Finding>& findings);

// Whether any finding is at `threshold` or above.
bool AnyAtOrAbove(const std::vector<Finding>& findings, Severity threshold);

}  // namespace foyer::audit

#endif  // FOYER_AUDIT_FINDING_H_
