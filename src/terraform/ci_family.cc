#include "terraform/ci_family.h"

#include <algorithm>
#include <optional>
#include <set>

#include "aws/iam.h"
#include "org/plan.h"
#include "iam/policy_comparison.h"
#include "terraform/ci_identity.h"
#include "terraform/ci_removal.h"

namespace foyer::terraform {
namespace {

constexpr const char* kNoSuchEntity = "NoSuchEntity";

// What one account holds of one pipeline; nullopt members are absent.
struct LivePipeline {
  std::optional<aws::OidcProvider> provider;
  std::optional<aws::IamRole> role;
  std::set<std::string> attached;  // policy ARNs
};

Result<LivePipeline> ReadLive(aws::IamClient& iam, const spec::CiIdentity& ci, const std::string& provider_arn) {
  LivePipeline live;
  auto provider = iam.GetOpenIdConnectProvider(provider_arn);
  if (provider.ok()) {
    live.provider = *provider;
  } else if (provider.error().code != kNoSuchEntity) {
    return provider.error();
  }
  auto role = iam.GetRole(CiRoleName(ci));
  if (role.ok()) {
    live.role = *role;
    auto attached = iam.ListAttachedRolePolicies(CiRoleName(ci));
    if (!attached.ok()) return attached.error();
    for (const aws::AttachedPolicy& policy : *attached) live.attached.insert(policy.policy_arn);
  } else if (role.error().code != kNoSuchEntity) {
    return role.error();
  }
  return live;
}

// Runs `call`, treating "already exists" as done: a rerun after a crash
// between the call and its journal entry must converge, not fail.
Status Converging(Result<std::string> result) {
  if (!result.ok() && result.error().code != "EntityAlreadyExists") return result.error();
  return OkStatus();
}

// Where apply acts: the partition of ARNs and the region of the IAM client.
struct Place {
  std::string partition;
  std::string region;
};

org::Change ProviderChange(const std::string& account, const CiOidcProvider& provider, bool exists,
                           const Place& place) {
  org::Change change;
  change.action = exists ? org::ChangeAction::kUpdate : org::ChangeAction::kCreate;
  change.type = "iam_oidc_provider";
  change.address = "iam_oidc_provider." + account + "/" + provider.host;
  change.account = account;
  change.fields.push_back({"client_ids", exists ? nlohmann::json::array() : nlohmann::json(),
                           nlohmann::json::array({provider.audience})});
  change.depends_on = {"account." + account};
  change.apply = [account, provider, exists, place](org::ApplyContext& ctx) -> Status {
    auto id = ctx.AccountId(account);
    if (!id.ok()) return id.error();
    auto config = ctx.access().ConfigIn(*id, place.region);
    if (!config.ok()) return config.error();
    aws::IamClient iam(*config);
    const std::string arn = "arn:" + place.partition + ":iam::" + *id + ":oidc-provider/" + provider.host;
    if (exists) {
      return Converging(ctx.Journaled("iam:AddClientIDToOpenIDConnectProvider", arn, [&]() -> Result<std::string> {
        FOYER_RETURN_IF_ERROR(iam.AddClientIdToOpenIdConnectProvider(arn, provider.audience));
        return std::string();
      }));
    }
    return Converging(ctx.Journaled("iam:CreateOpenIDConnectProvider", arn, [&] {
      return iam.CreateOpenIdConnectProvider({provider.url, {provider.audience}, {}, {{"foyer:managed", "true"}}});
    }));
  };
  return change;
}

org::Change RoleChange(const std::string& account, const spec::CiIdentity& ci, const nlohmann::json& trust,
                       const LivePipeline& live, const std::vector<std::string>& to_attach, bool trust_differs,
                       const Place& place) {
  org::Change change;
  change.action = live.role ? org::ChangeAction::kUpdate : org::ChangeAction::kCreate;
  change.type = "iam_role";
  change.address = "iam_role." + account + "/foyer/" + CiRoleName(ci);
  change.account = account;
  if (trust_differs) {
    nlohmann::json before = live.role ? nlohmann::json(iam::ParsePolicyText(live.role->assume_role_policy_document)
                                                           .value_or(nlohmann::json()))
                                      : nlohmann::json();
    change.fields.push_back({"trust_policy", before, trust});
  }
  if (!to_attach.empty()) change.fields.push_back({"managed_policies_attached", nullptr, to_attach});
  change.depends_on = {"account." + account, "iam_oidc_provider." + account + "/" +
                                                  OidcProviderFor(ci.provider.value).host};
  const std::string role_name = CiRoleName(ci);
  const bool exists = live.role.has_value();
  change.apply = [account, ci, role_name, to_attach, exists, trust_differs, place](org::ApplyContext& ctx) -> Status {
    auto id = ctx.AccountId(account);
    if (!id.ok()) return id.error();
    auto config = ctx.access().ConfigIn(*id, place.region);
    if (!config.ok()) return config.error();
    aws::IamClient iam(*config);
    // From the id known now: an account created in this apply had none
    // when the plan was made.
    const nlohmann::json trust = CiTrustPolicy(ci, *id, place.partition);
    const std::string target = "role " + account + "/foyer/" + role_name;
    bool update_trust = exists && trust_differs;
    if (!exists) {
      aws::CreateRoleRequest request{role_name, "/foyer/", trust.dump(), "CI deploy role managed by foyer", {}, "",
                                     {{"foyer:managed", "true"}}};
      Result<std::string> created = ctx.Journaled("iam:CreateRole", target, [&]() -> Result<std::string> {
        auto role = iam.CreateRole(request);
        if (!role.ok()) return role.error();
        return role->arn;
      });
      update_trust = !created.ok() && created.error().code == "EntityAlreadyExists";
      FOYER_RETURN_IF_ERROR(Converging(created));
    }
    if (update_trust) {
      FOYER_RETURN_IF_ERROR(ctx.Journaled("iam:UpdateAssumeRolePolicy", target, [&]() -> Result<std::string> {
        FOYER_RETURN_IF_ERROR(iam.UpdateAssumeRolePolicy(role_name, trust.dump()));
        return std::string();
      }));
    }
    for (const std::string& arn : to_attach) {
      FOYER_RETURN_IF_ERROR(ctx.Journaled("iam:AttachRolePolicy", target + " " + arn, [&]() -> Result<std::string> {
        FOYER_RETURN_IF_ERROR(iam.AttachRolePolicy(role_name, arn));
        return std::string();
      }));
    }
    return OkStatus();
  };
  return change;
}

}  // namespace

Status CiFamily::AddChanges(const org::PlanContext& context, org::Plan& plan) {
  const Place place{context.partition, context.DefaultRegion()};
  for (const spec::CiIdentity& ci : context.spec.ci) {
    const CiOidcProvider provider = OidcProviderFor(ci.provider.value);
    for (const org::DesiredAccount& account : context.accounts) {
      if (!PipelinePicks(ci, account)) continue;
      std::optional<std::string> id = context.LiveAccountId(account.name);
      // A new account's id is known only once apply creates it.
      const std::string account_id = id.value_or("<" + account.name + ">");
      const nlohmann::json trust = CiTrustPolicy(ci, account_id, context.partition);
      LivePipeline live;
      if (id) {
        auto config = context.access.ConfigIn(*id, context.DefaultRegion());
        if (!config.ok()) return config.error();
        aws::IamClient iam(*config);
        auto read = ReadLive(iam, ci, "arn:" + context.partition + ":iam::" + *id + ":oidc-provider/" + provider.host);
        if (!read.ok()) return read.error();
        live = std::move(*read);
      }
      const bool provider_ok = live.provider && std::count(live.provider->client_ids.begin(),
                                                           live.provider->client_ids.end(), provider.audience) > 0;
      if (!provider_ok && !plan.Find("iam_oidc_provider." + account.name + "/" + provider.host)) {
        plan.changes.push_back(ProviderChange(account.name, provider, live.provider.has_value(), place));
      }
      std::vector<std::string> to_attach;
      for (const std::string& arn : ci.managed_policies.Values()) {
        if (!live.attached.count(arn)) to_attach.push_back(arn);
      }
      const bool trust_differs = !live.role || !iam::SameAsLive(live.role->assume_role_policy_document, trust);
      if (trust_differs || !to_attach.empty()) {
        plan.changes.push_back(RoleChange(account.name, ci, trust, live, to_attach, trust_differs, place));
      }
    }
  }
  return AddCiRemovals(context, plan);
}

}  // namespace foyer::terraform
