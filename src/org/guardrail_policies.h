// The guardrail service control policies of `[guardrails]` (DESIGN.md
// section 2): what each one denies, and to whom.
//
// SCPs bind member accounts only, never the management account, which can
// always detach them: that is the break-glass path (docs/foyer-toml.md).
#ifndef FOYER_ORG_GUARDRAIL_POLICIES_H_
#define FOYER_ORG_GUARDRAIL_POLICIES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec/spec.h"

namespace foyer::org {

// Organizations refuses SCPs longer than this many characters.
inline constexpr std::size_t kMaxScpCharacters = 5120;

// Where a guardrail is attached.
enum class GuardrailScope {
  // The root: every member account.
  kRoot,
  // Each member account where foyer's own Administrator role exists, and
  // only once it does: denying OrganizationAccountAccessRole anywhere else
  // would lock foyer out of that account.
  kAccountsWithFoyerRoles,
};

struct Guardrail {
  // "deny-leave-organization": the SCP is named "foyer-" + key.
  std::string key;
  std::string description;
  GuardrailScope scope = GuardrailScope::kRoot;
  // False when foyer.toml turns it off.
  bool enabled = true;
};

// The five guardrails, in a fixed order, with `enabled` from the spec.
std::vector<Guardrail> AllGuardrails(const spec::Guardrails& settings);

// The guardrail protecting the organization trail, which has nothing to
// protect when the spec names no audit account.
inline constexpr char kProtectAuditTrailKey[] = "protect-audit-trail";

// "foyer-" + key.
std::string GuardrailPolicyName(std::string_view key);

// What the documents name. Ids not known yet (an account still to be
// created) may be placeholders while planning; apply fills in the real ones.
struct GuardrailTargets {
  std::string partition = "aws";
  std::string management_account_id;
  std::string admin_account_id;
  // AuditBucketName(audit account id)
  std::string audit_bucket;
};

// The SCP document of guardrail `key`.
// REQUIRES: `key` is the key of one of AllGuardrails().
nlohmann::json GuardrailDocument(std::string_view key, const GuardrailTargets& targets);

}  // namespace foyer::org

#endif  // FOYER_ORG_GUARDRAIL_POLICIES_H_
