#include "org/organization_family.h"

#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "aws/organizations.h"
#include "base/error.h"
#include "org/account_creation.h"

namespace foyer::org {
namespace {

constexpr char kScpType[] = "SERVICE_CONTROL_POLICY";
constexpr char kOrganizationAddress[] = "organization";
constexpr char kScpTypeAddress[] = "policy_type.SERVICE_CONTROL_POLICY";

// The ids apply learns as it goes (the root once the organization exists,
// OUs as they are made), shared by the changes of this family.
class TreeIds {
 public:
  explicit TreeIds(const LiveOrganization& live) : root_id_(live.root_id), ou_ids_(live.ou_ids) {}

  std::string ParentId(const std::string& path) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (path.empty()) return root_id_;
    auto found = ou_ids_.find(path);
    return found == ou_ids_.end() ? std::string() : found->second;
  }
  void SetRoot(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    root_id_ = id;
  }
  void SetOu(const std::string& path, const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    ou_ids_[path] = id;
  }

 private:
  std::mutex mutex_;
  std::string root_id_;
  std::map<std::string, std::string> ou_ids_;
};

std::string ParentPath(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::string LeafName(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string OuAddress(const std::string& path) { return "organizational_unit." + path; }

// The management account's Organizations client, as the apply runs.
Result<aws::OrganizationsClient> Organizations(ApplyContext& context, const std::string& management_id,
                                               const std::string& region) {
  auto config = context.access().ConfigIn(management_id, region);
  if (!config.ok()) return config.error();
  return aws::OrganizationsClient(std::move(*config));
}

// Every OU the desired accounts live in, with their parents, parents first.
std::vector<std::string> DesiredOuPaths(const std::vector<DesiredAccount>& accounts) {
  std::vector<std::string> paths;
  auto add = [&](const std::string& path) {
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
  };
  for (const DesiredAccount& account : accounts) {
    std::vector<std::string> chain;
    for (std::string path = account.ou_path; !path.empty(); path = ParentPath(path)) {
      chain.insert(chain.begin(), path);
    }
    for (const std::string& path : chain) add(path);
  }
  return paths;
}

nlohmann::json TagsJson(const std::map<std::string, std::string>& tags) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : tags) object[key] = value;
  return object;
}

// The foyer:* tags of `live` that differ from `want`'s, as a tag list to
// write; empty when they agree.
aws::TagList TagsToWrite(const DesiredAccount& want, const store::InventoryAccount& live) {
  aws::TagList changed;
  for (const auto& [key, value] : want.tags) {
    auto found = live.tags.find(key);
    if (found == live.tags.end() || found->second != value) changed.emplace_back(key, value);
  }
  return changed;
}

std::map<std::string, std::string> FoyerTags(const std::map<std::string, std::string>& tags) {
  std::map<std::string, std::string> foyer;
  for (const auto& [key, value] : tags) {
    if (key.rfind("foyer:", 0) == 0) foyer[key] = value;
  }
  return foyer;
}

struct FamilyScope {
  std::shared_ptr<TreeIds> ids;
  std::string management_id;
  std::string region;
};

Change OrganizationChange(const FamilyScope& scope) {
  Change change;
  change.type = "organization";
  change.address = kOrganizationAddress;
  change.fields = {{"feature_set", nullptr, "ALL"}, {"management_account", nullptr, scope.management_id}};
  change.apply = [scope](ApplyContext& context) -> Status {
    auto organizations = Organizations(context, scope.management_id, scope.region);
    if (!organizations.ok()) return organizations.error();
    auto created = context.Journaled("organizations:CreateOrganization", "organization",
                                     [&]() -> Result<std::string> {
                                       auto made = organizations->CreateOrganization();
                                       if (made.ok()) return made->id;
                                       if (made.error().code == "AlreadyInOrganizationException") {
                                         return std::string();
                                       }
                                       return made.error();
                                     });
    if (!created.ok()) return created.error();
    auto roots = organizations->ListRoots();
    if (!roots.ok()) return roots.error();
    if (roots->empty()) return MakeError("UnexpectedOrganization", "the new organization has no root");
    scope.ids->SetRoot(roots->front().id);
    return OkStatus();
  };
  return change;
}

Change EnableScpChange(const FamilyScope& scope) {
  Change change;
  change.action = ChangeAction::kUpdate;
  change.type = "policy_type";
  change.address = kScpTypeAddress;
  change.fields = {{"status", "DISABLED", "ENABLED"}};
  change.depends_on = {kOrganizationAddress};
  change.apply = [scope](ApplyContext& context) -> Status {
    auto organizations = Organizations(context, scope.management_id, scope.region);
    if (!organizations.ok()) return organizations.error();
    std::string root = scope.ids->ParentId("");
    auto enabled = context.Journaled("organizations:EnablePolicyType", "root " + root,
                                     [&]() -> Result<std::string> {
                                       auto done = organizations->EnablePolicyType(root, kScpType);
                                       if (done.ok() ||
                                           done.error().code == "PolicyTypeAlreadyEnabledException") {
                                         return std::string();
                                       }
                                       return done.error();
                                     });
    return enabled.ok() ? OkStatus() : Status(enabled.error());
  };
  return change;
}

Change OuChange(const FamilyScope& scope, const std::string& path) {
  Change change;
  change.type = "organizational_unit";
  change.address = OuAddress(path);
  change.fields = {{"path", nullptr, path}};
  change.depends_on = {kOrganizationAddress};
  if (!ParentPath(path).empty()) change.depends_on.push_back(OuAddress(ParentPath(path)));
  change.apply = [scope, path](ApplyContext& context) -> Status {
    auto organizations = Organizations(context, scope.management_id, scope.region);
    if (!organizations.ok()) return organizations.error();
    std::string parent = scope.ids->ParentId(ParentPath(path));
    auto made = context.Journaled(
        "organizations:CreateOrganizationalUnit", "OU " + path, [&]() -> Result<std::string> {
          auto unit = organizations->CreateOrganizationalUnit(parent, LeafName(path),
                                                              {{"foyer:managed", "true"}});
          if (unit.ok()) return unit->id;
          if (unit.error().code != "DuplicateOrganizationalUnitException") return unit.error();
          // An earlier, interrupted run made it: find it rather than fail.
          auto units = organizations->ListOrganizationalUnitsForParent(parent);
          if (!units.ok()) return units.error();
          for (const auto& existing : *units) {
            if (existing.name == LeafName(path)) return existing.id;
          }
          return unit.error();
        });
    if (!made.ok()) return made.error();
    scope.ids->SetOu(path, *made);
    return OkStatus();
  };
  return change;
}

// Moves account `account_id` from the parent `from_id` into the OU at
// `to_path`.
Status MoveInto(aws::OrganizationsClient& organizations, ApplyContext& context, const FamilyScope& scope,
                const std::string& account_id, const std::string& name, const std::string& from_id,
                const std::string& to_path) {
  std::string to = scope.ids->ParentId(to_path);
  if (to.empty()) return MakeError("MissingOrganizationalUnit", "OU " + to_path + " does not exist");
  auto moved = context.Journaled("organizations:MoveAccount", "account " + name + " into " + to_path,
                                 [&]() -> Result<std::string> {
                                   Status status = organizations.MoveAccount(account_id, from_id, to);
                                   if (status.ok()) return std::string();
                                   return status.error();
                                 });
  return moved.ok() ? OkStatus() : Status(moved.error());
}

Change CreateAccountChange(const FamilyScope& scope, const DesiredAccount& want) {
  Change change;
  change.type = "account";
  change.address = AccountAddress(want.name);
  change.account = want.name;
  change.fields = {{"name", nullptr, want.name},
                   {"email", nullptr, want.email},
                   {"ou", nullptr, want.ou_path},
                   {"tags", nullptr, TagsJson(want.tags)}};
  change.depends_on = {kOrganizationAddress, OuAddress(want.ou_path)};
  change.apply = [scope, want](ApplyContext& context) -> Status {
    auto organizations = Organizations(context, scope.management_id, scope.region);
    if (!organizations.ok()) return organizations.error();
    auto id = CreateOrLocateAccount(*organizations, want, context);
    if (!id.ok()) return id.error();
    context.RecordAccountId(want.name, *id);
    // New accounts start under the root; a located one may be anywhere.
    auto parents = organizations->ListParents(*id);
    if (!parents.ok()) return parents.error();
    std::string parent_id = parents->empty() ? std::string() : parents->front().id;
    if (parent_id == scope.ids->ParentId(want.ou_path)) return OkStatus();
    return MoveInto(*organizations, context, scope, *id, want.name, parent_id, want.ou_path);
  };
  return change;
}

// An existing account whose tags or OU differ from the spec's; nullopt
// when it agrees.
std::optional<Change> UpdateAccountChange(const FamilyScope& scope, const DesiredAccount& want,
                                          const store::InventoryAccount& live) {
  aws::TagList tags = TagsToWrite(want, live);
  bool move = live.ou_path != want.ou_path;
  if (tags.empty() && !move) return std::nullopt;
  Change change;
  change.action = ChangeAction::kUpdate;
  change.type = "account";
  change.address = AccountAddress(want.name);
  change.account = want.name;
  if (!tags.empty()) change.fields.push_back({"tags", TagsJson(FoyerTags(live.tags)), TagsJson(want.tags)});
  if (move) {
    change.fields.push_back({"ou", live.ou_path, want.ou_path});
    change.depends_on.push_back(OuAddress(want.ou_path));
  }
  std::string id = live.id;
  std::string from_path = live.ou_path;
  change.apply = [scope, want, id, from_path, tags, move](ApplyContext& context) -> Status {
    auto organizations = Organizations(context, scope.management_id, scope.region);
    if (!organizations.ok()) return organizations.error();
    if (!tags.empty()) {
      auto tagged = context.Journaled("organizations:TagResource", "account " + want.name,
                                      [&]() -> Result<std::string> {
                                        Status status = organizations->TagResource(id, tags);
                                        if (status.ok()) return std::string();
                                        return status.error();
                                      });
      if (!tagged.ok()) return tagged.error();
    }
    if (!move) return OkStatus();
    return MoveInto(*organizations, context, scope, id, want.name, scope.ids->ParentId(from_path),
                    want.ou_path);
  };
  return change;
}

const store::InventoryAccount* LiveAccount(const LiveOrganization& live, const std::string& id) {
  for (const auto& account : live.accounts) {
    if (account.id == id) return &account;
  }
  return nullptr;
}

}  // namespace

std::string AccountAddress(std::string_view name) { return "account." + std::string(name); }

Status OrganizationFamily::AddChanges(const PlanContext& context, Plan& plan) {
  FamilyScope scope{std::make_shared<TreeIds>(context.live), context.ManagementAccountId(),
                    context.DefaultRegion()};
  if (!context.live.organization) plan.changes.push_back(OrganizationChange(scope));
  if (!context.live.PolicyTypeEnabled(kScpType)) plan.changes.push_back(EnableScpChange(scope));
  for (const std::string& path : DesiredOuPaths(context.accounts)) {
    if (context.live.ou_ids.count(path) == 0) plan.changes.push_back(OuChange(scope, path));
  }
  for (const DesiredAccount& want : context.accounts) {
    auto id = context.LiveAccountId(want.name);
    if (!id) {
      plan.changes.push_back(CreateAccountChange(scope, want));
      continue;
    }
    const store::InventoryAccount* live = LiveAccount(context.live, *id);
    if (live == nullptr) continue;
    if (live->status != "ACTIVE") {
      plan.notes.push_back("account " + want.name + " (" + *id + ") is " + live->status +
                           "; foyer leaves it alone until it is ACTIVE again");
      continue;
    }
    if (auto change = UpdateAccountChange(scope, want, *live)) {
      if (adopted_.count(want.name) != 0) {
        change->fields.insert(change->fields.begin(), {"adopted", nullptr, live->id});
      }
      plan.changes.push_back(std::move(*change));
    }
  }
  return OkStatus();
}

}  // namespace foyer::org
