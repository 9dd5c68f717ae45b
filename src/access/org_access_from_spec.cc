#include "access/org_access_from_spec.h"

#include <filesystem>

#include "access/granted_roles.h"
#include "store/state_dir.h"

namespace foyer::access {
namespace {

bool HasSettingsFor(const login::OrgAccess& org) {
  switch (org.method) {
    case login::LoginMethod::kOidc: return org.oidc.has_value();
    case login::LoginMethod::kSaml: return org.saml.has_value();
    case login::LoginMethod::kIamUser: return org.iam_user.has_value();
    case login::LoginMethod::kIdentityCenter: return org.identity_center.has_value();
  }
  return false;
}

std::optional<store::Inventory> CachedInventory(const std::string& management_account_id) {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return std::nullopt;
  auto inventories = store::InventoryCache::Open(*state);
  if (!inventories.ok()) return std::nullopt;
  auto loaded = inventories->Load(management_account_id);
  if (!loaded.ok()) return std::nullopt;
  return std::move(*loaded);
}

}  // namespace

void ApplySpec(const org::CheckedSpec& checked, const std::optional<store::Inventory>& inventory,
               login::OrgAccess& org) {
  const spec::Spec& spec = checked.spec;
  org.management_account_id = spec.organization.management_account_id.value;
  org.regions = spec.organization.regions.Values();
  if (spec.identity.oidc) {
    org.oidc = login::OidcSettings{spec.identity.oidc->issuer.value, spec.identity.oidc->client_id.value,
                                   org.oidc && org.oidc->refresh_tokens};
    if (!HasSettingsFor(org)) org.method = login::LoginMethod::kOidc;
  }
  if (spec.identity.identity_center && spec.identity.identity_center->start_url) {
    login::IdentityCenterSettings center = org.identity_center.value_or(login::IdentityCenterSettings{});
    center.start_url = spec.identity.identity_center->start_url->value;
    center.region = spec.identity.identity_center->region.value;
    org.identity_center = center;
    if (!HasSettingsFor(org)) org.method = login::LoginMethod::kIdentityCenter;
  }
  org.grants = GrantsFromSpec(spec, checked.accounts);
  if (!inventory) return;
  for (const auto& account : inventory->accounts) {
    auto kind = account.tags.find(std::string(org::kKindTag));
    if (kind != account.tags.end() && kind->second == org::KindName(org::AccountKind::kAdmin)) {
      org.admin_account_id = account.id;
    }
  }
}

Status ApplySpecFile(const std::string& path, login::OrgAccess& org) {
  auto checked = org::LoadValidSpec(path);
  if (!checked.ok()) return checked.error();
  ApplySpec(*checked, CachedInventory(checked->spec.organization.management_account_id.value), org);
  // [identity.saml]: the metadata file, by its absolute path, for
  // `foyer configure` to copy beside the client configuration.
  if (const auto& saml = checked->spec.identity.saml) {
    login::SamlSettings settings = org.saml.value_or(login::SamlSettings{});
    settings.metadata_file =
        std::filesystem::absolute(std::filesystem::path(path).parent_path() / saml->metadata_file.value).string();
    org.saml = settings;
  }
  return Status();
}

}  // namespace foyer::access
