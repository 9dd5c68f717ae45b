// A plan: the changes that take the live organization to what foyer.toml
// asks for, each with the fields it changes and the code that makes it.
//
// Plans are built by resource families (resource_family.h), one per kind of
// thing foyer manages (the organization and its accounts, roles, guardrail
// SCPs, the audit trail, state buckets). `foyer plan` renders a plan;
// `foyer apply` runs it (applier.h) in dependency order.
#ifndef FOYER_ORG_PLAN_H_
#define FOYER_ORG_PLAN_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace foyer::org {

class ApplyContext;

enum class ChangeAction { kCreate, kUpdate, kDelete };

// "create", "update", "delete": the action's name in `plan --json`.
std::string_view ChangeActionName(ChangeAction action);

// One attribute that differs between live and desired. Absent values are
// JSON null (`before` of a create, `after` of a delete). Policy documents
// are JSON values, not strings, so they render readably and diff cleanly.
struct FieldChange {
  std::string name;
  nlohmann::json before;
  nlohmann::json after;
};

struct Change {
  ChangeAction action = ChangeAction::kCreate;
  // What kind of thing: "organization", "organizational_unit", "account",
  // "iam_role", "service_control_policy", "s3_bucket", ...
  std::string type;
  // Unique within a plan, stable across runs: "<type>.<where>/<name>",
  // e.g. "account.payments-production",
  // "iam_role.payments-production/foyer/Administrator".
  std::string address;
  // The account name it lives in ("management" for the management
  // account); empty for organization-wide things.
  std::string account;
  std::vector<FieldChange> fields;
  // Addresses of changes that must be applied first. Addresses not in the
  // plan are ignored (they are already applied).
  std::vector<std::string> depends_on;
  // Makes the change. Runs at most once per apply, possibly in parallel
  // with changes it does not depend on; it must converge (look before it
  // creates) so that a rerun after a crash does no harm.
  std::function<Status(ApplyContext&)> apply;
};

struct Plan {
  std::vector<Change> changes;
  // Things the plan holds back or wants a person to know, shown with it:
  // "role Deployer in payments-development is no longer wanted; pass
  // --allow-delete to delete it".
  std::vector<std::string> notes;

  bool empty() const { return changes.empty(); }
  // The change at `address`, or null.
  const Change* Find(std::string_view address) const;
};

}  // namespace foyer::org

#endif  // FOYER_ORG_PLAN_H_
