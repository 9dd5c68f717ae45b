#include "terraform/ci_removal.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "aws/iam.h"
#include "base/concurrently.h"
#include "org/plan.h"
#include "roles/apply_inputs.h"
#include "roles/desired_roles.h"
#include "roles/live_roles.h"
#include "roles/role_changes.h"
#include "terraform/ci_identity.h"

namespace foyer::terraform {
namespace {

constexpr char kRolePath[] = "/foyer/";
constexpr char kProviderArnMarker[] = ":oidc-provider/";

// What the spec's pipelines keep in one account.
struct Kept {
  std::set<std::string> roles;  // "ci-payments"
  std::set<std::string> hosts;  // "token.actions.githubusercontent.com"
};

// What foyer made and no pipeline keeps, in one account.
struct Leftovers {
  std::vector<aws::IamRole> roles;
  std::vector<std::string> provider_arns;
};

bool IsCiHost(const std::string& host) {
  return host == OidcProviderFor(spec::CiProvider::kGithub).host ||
         host == OidcProviderFor(spec::CiProvider::kGitlab).host;
}

Kept KeptIn(const spec::Spec& spec, const org::DesiredAccount& account) {
  Kept kept;
  for (const spec::CiIdentity& ci : spec.ci) {
    if (!PipelinePicks(ci, account)) continue;
    kept.roles.insert(CiRoleName(ci));
    kept.hosts.insert(OidcProviderFor(ci.provider.value).host);
  }
  return kept;
}

// Providers are read in every account; roles only where a pipeline is, or
// where a CI provider foyer made is left over. Roles are deleted before
// their provider, so an account with leftover roles still holds that
// provider until its roles are gone, even across a crash; and an account
// no pipeline ever picked costs one call.
Result<Leftovers> ReadLeftovers(aws::IamClient& iam, const Kept& kept) {
  Leftovers leftovers;
  auto arns = iam.ListOpenIdConnectProviders();
  if (!arns.ok()) return arns.error();
  for (const std::string& arn : *arns) {
    const size_t marker = arn.find(kProviderArnMarker);
    if (marker == std::string::npos) continue;
    const std::string host = arn.substr(marker + std::string(kProviderArnMarker).size());
    if (!IsCiHost(host) || kept.hosts.count(host)) continue;
    auto provider = iam.GetOpenIdConnectProvider(arn);
    if (!provider.ok()) return provider.error();
    if (roles::ManagedByFoyer(provider->tags)) leftovers.provider_arns.push_back(arn);
  }
  if (kept.roles.empty() && leftovers.provider_arns.empty()) return leftovers;
  auto roles = iam.ListRoles(kRolePath);
  if (!roles.ok()) return roles.error();
  for (const aws::IamRole& listed : *roles) {
    if (listed.path != kRolePath || listed.role_name.rfind(spec::kCiRolePrefix, 0) != 0 ||
        kept.roles.count(listed.role_name)) {
      continue;
    }
    auto role = iam.GetRole(listed.role_name);  // ListRoles carries no tags
    if (!role.ok()) return role.error();
    if (roles::ManagedByFoyer(role->tags)) leftovers.roles.push_back(*role);
  }
  return leftovers;
}

// The roles family's deletion: detach managed policies, delete inline
// ones, then the role, each journaled and converging.
org::Change RoleRemoval(const std::string& account, const aws::IamRole& role,
                        const std::shared_ptr<const roles::ApplyInputs>& inputs) {
  roles::LiveRole live;
  live.name = role.role_name;
  live.arn = role.arn;
  live.trust_policy = role.assume_role_policy_document;
  return roles::RoleDeletion(account, live, inputs);
}

org::Change ProviderRemoval(const std::string& account, const std::string& arn,
                            const std::vector<std::string>& roles_first,
                            const std::shared_ptr<const roles::ApplyInputs>& inputs) {
  const std::string host = arn.substr(arn.find(kProviderArnMarker) + std::string(kProviderArnMarker).size());
  org::Change change;
  change.action = org::ChangeAction::kDelete;
  change.type = "iam_oidc_provider";
  change.address = "iam_oidc_provider." + account + "/" + host;
  change.account = account;
  change.fields.push_back({"url", "https://" + host, nlohmann::json()});
  // The roles trusting it go first: a role must never trust a provider
  // that no longer exists, and one made again with its URL.
  change.depends_on = roles_first;
  change.apply = [account, arn, inputs](org::ApplyContext& context) -> Status {
    auto iam = roles::IamIn(context, *inputs, account);
    if (!iam.ok()) return iam.error();
    return roles::JournaledCall(context, "iam:DeleteOpenIDConnectProvider", arn,
                                [&] { return iam->DeleteOpenIdConnectProvider(arn); }, "NoSuchEntity");
  };
  return change;
}

void AddAccountRemovals(const org::PlanContext& context, const std::string& account, const Leftovers& leftovers,
                        const std::shared_ptr<const roles::ApplyInputs>& inputs, org::Plan& plan) {
  std::vector<std::string> role_addresses;
  for (const aws::IamRole& role : leftovers.roles) {
    if (context.allow_delete) {
      plan.changes.push_back(RoleRemoval(account, role, inputs));
      role_addresses.push_back(plan.changes.back().address);
    } else {
      plan.notes.push_back("CI deploy role " + roles::RoleLabel(account, role.role_name) +
                           " belongs to no [[ci]] pipeline picking " + account +
                           " any more; pass --allow-delete to delete it");
    }
  }
  for (const std::string& arn : leftovers.provider_arns) {
    if (context.allow_delete) {
      plan.changes.push_back(ProviderRemoval(account, arn, role_addresses, inputs));
    } else {
      plan.notes.push_back("OIDC provider " + arn + " serves no [[ci]] pipeline in " + account +
                           " any more; pass --allow-delete to delete it");
    }
  }
}

// The leftovers of every live account but admin, by index in
// context.accounts, read `context.concurrency` accounts at a time.
Result<std::map<size_t, Leftovers>> ReadAllLeftovers(const org::PlanContext& context) {
  std::vector<std::pair<size_t, std::string>> to_read;  // index, live id
  for (size_t i = 0; i < context.accounts.size(); ++i) {
    if (context.accounts[i].kind == org::AccountKind::kAdmin) continue;
    if (std::optional<std::string> id = context.LiveAccountId(context.accounts[i].name)) to_read.emplace_back(i, *id);
  }
  std::map<size_t, Leftovers> found;
  std::mutex mutex;
  std::optional<Error> failure;
  auto read_one = [&](size_t index, const std::string& id) -> Result<Leftovers> {
    auto config = context.access.ConfigIn(id, context.DefaultRegion());
    if (!config.ok()) return config.error();
    aws::IamClient iam(std::move(*config));
    return ReadLeftovers(iam, KeptIn(context.spec, context.accounts[index]));
  };
  ForEachConcurrently(to_read.size(), context.concurrency, [&](size_t i) {
    Result<Leftovers> read = read_one(to_read[i].first, to_read[i].second);
    std::lock_guard lock(mutex);
    if (read.ok()) {
      found.emplace(to_read[i].first, std::move(*read));
    } else if (!failure) {
      failure = read.error();
      failure->message = "reading the CI identities of account " + context.accounts[to_read[i].first].name +
                         ": " + failure->message;
    }
  });
  if (failure) return *failure;
  return found;
}

}  // namespace

Status AddCiRemovals(const org::PlanContext& context, org::Plan& plan) {
  auto inputs = std::make_shared<roles::ApplyInputs>();
  inputs->spec = context.spec;
  inputs->accounts = context.accounts;
  inputs->partition = context.partition;
  inputs->region = context.DefaultRegion();
  auto leftovers = ReadAllLeftovers(context);
  if (!leftovers.ok()) return leftovers.error();
  for (const auto& [index, found] : *leftovers) {
    AddAccountRemovals(context, context.accounts[index].name, found, inputs, plan);
  }
  return OkStatus();
}

}  // namespace foyer::terraform
