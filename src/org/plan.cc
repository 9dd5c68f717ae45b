#include "org/plan.h"

#include "org/resource_family.h"

namespace foyer::org {

std::string_view ChangeActionName(ChangeAction action) {
  switch (action) {
    case ChangeAction::kCreate:
      return "create";
    case ChangeAction::kUpdate:
      return "update";
    case ChangeAction::kDelete:
      return "delete";
  }
  return "update";
}

const Change* Plan::Find(std::string_view address) const {
  for (const Change& change : changes) {
    if (change.address == address) return &change;
  }
  return nullptr;
}

std::optional<std::string> PlanContext::LiveAccountId(std::string_view name) const {
  auto found = account_ids.find(std::string(name));
  if (found == account_ids.end()) return std::nullopt;
  return found->second;
}

const std::string& PlanContext::DefaultRegion() const {
  return spec.organization.regions.items.front().value;
}

}  // namespace foyer::org
