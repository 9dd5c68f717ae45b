#include "roles/identity_providers.h"

#include <algorithm>

#include "aws/arn.h"
#include "org/organization_family.h"
#include "roles/live_roles.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

// The providers the admin account holds; empty when it does not exist yet.
struct LiveProviders {
  std::vector<std::string> oidc_arns;
  std::vector<std::string> saml_arns;
};

Result<LiveProviders> ReadProviders(aws::IamClient* iam) {
  LiveProviders live;
  if (iam == nullptr) return live;
  auto oidc = iam->ListOpenIdConnectProviders();
  if (!oidc.ok()) return oidc.error();
  live.oidc_arns = std::move(*oidc);
  auto saml = iam->ListSamlProviders();
  if (!saml.ok()) return saml.error();
  for (const aws::SamlProvider& provider : *saml) live.saml_arns.push_back(provider.arn);
  return live;
}

bool Contains(const std::vector<std::string>& arns, const std::string& arn) {
  return std::find(arns.begin(), arns.end(), arn) != arns.end();
}

// What the admin account holds of the spec's OIDC provider.
struct LiveOidc {
  bool exists = false;
  std::vector<std::string> client_ids;
};

Result<LiveOidc> ReadOidc(aws::IamClient* iam, const LiveProviders& providers, const std::string& arn) {
  LiveOidc live;
  if (!Contains(providers.oidc_arns, arn)) return live;
  auto provider = iam->GetOpenIdConnectProvider(arn);
  if (!provider.ok()) return provider.error();
  live.exists = true;
  live.client_ids = provider->client_ids;
  return live;
}

Status AddOidcChange(aws::IamClient* iam, const LiveProviders& providers, const std::string& admin_id,
                     const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  const spec::OidcIdentity& oidc = *inputs->spec.identity.oidc;
  const std::string admin = inputs->spec.accounts.admin.value;
  auto live = ReadOidc(iam, providers, OidcProviderArn(inputs->partition, admin_id, oidc.issuer.value));
  if (!live.ok()) return live.error();
  const std::string client_id = oidc.client_id.value;
  bool has_client = std::find(live->client_ids.begin(), live->client_ids.end(), client_id) !=
                    live->client_ids.end();
  if (live->exists && has_client) return OkStatus();

  org::Change change;
  change.action = live->exists ? org::ChangeAction::kUpdate : org::ChangeAction::kCreate;
  change.type = "iam_oidc_provider";
  change.address = OidcProviderAddress(admin);
  change.account = admin;
  change.depends_on = {org::AccountAddress(admin)};
  if (!live->exists) change.fields.push_back({"url", json(), oidc.issuer.value});
  std::vector<std::string> client_ids = live->client_ids;
  client_ids.push_back(client_id);
  change.fields.push_back({"client_ids", live->exists ? json(live->client_ids) : json(), client_ids});
  std::string issuer = oidc.issuer.value;
  change.apply = [inputs, admin, issuer, client_id](org::ApplyContext& context) -> Status {
    auto admin_id = context.AccountId(admin);
    if (!admin_id.ok()) return admin_id.error();
    auto iam = IamIn(context, *inputs, admin);
    if (!iam.ok()) return iam.error();
    std::string arn = OidcProviderArn(inputs->partition, *admin_id, issuer);
    aws::CreateOidcProviderRequest request;
    // Without a trailing slash: the provider's ARN and condition keys are
    // the URL's host and path as OidcProviderHost writes them.
    request.url = issuer.substr(0, issuer.find_last_not_of('/') + 1);
    request.client_ids = {client_id};
    request.tags = {{kManagedTagKey, kManagedTagValue}};
    bool existed = false;
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:CreateOpenIDConnectProvider", arn, [&]() -> Status {
      auto created = iam->CreateOpenIdConnectProvider(request);
      if (!created.ok() && created.error().code == "EntityAlreadyExists") existed = true;
      if (!created.ok()) return created.error();
      return OkStatus();
    }, "EntityAlreadyExists"));
    if (!existed) return OkStatus();
    return JournaledCall(context, "iam:AddClientIDToOpenIDConnectProvider", arn,
                         [&] { return iam->AddClientIdToOpenIdConnectProvider(arn, client_id); });
  };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

// Metadata documents are compared as text without surrounding whitespace:
// an edit of the file is a change to send.
std::string Trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

Status AddSamlChange(aws::IamClient* iam, const LiveProviders& providers, const std::string& admin_id,
                     const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  const spec::SamlIdentity& saml = *inputs->spec.identity.saml;
  const std::string admin = inputs->spec.accounts.admin.value;
  std::string arn = SamlProviderArn(inputs->partition, admin_id, saml.provider_name.value);
  bool exists = Contains(providers.saml_arns, arn);
  if (exists) {
    auto provider = iam->GetSamlProvider(arn);
    if (!provider.ok()) return provider.error();
    if (Trimmed(provider->metadata_document) == Trimmed(saml.metadata_document)) return OkStatus();
  }
  org::Change change;
  change.action = exists ? org::ChangeAction::kUpdate : org::ChangeAction::kCreate;
  change.type = "iam_saml_provider";
  change.address = SamlProviderAddress(admin);
  change.account = admin;
  change.depends_on = {org::AccountAddress(admin)};
  change.fields.push_back({"metadata_file", exists ? json("(changed)") : json(), saml.metadata_file.value});
  std::string name = saml.provider_name.value;
  std::string metadata = saml.metadata_document;
  change.apply = [inputs, admin, name, metadata](org::ApplyContext& context) -> Status {
    auto admin_id = context.AccountId(admin);
    if (!admin_id.ok()) return admin_id.error();
    auto iam = IamIn(context, *inputs, admin);
    if (!iam.ok()) return iam.error();
    std::string arn = SamlProviderArn(inputs->partition, *admin_id, name);
    bool existed = false;
    FOYER_RETURN_IF_ERROR(JournaledCall(context, "iam:CreateSAMLProvider", arn, [&]() -> Status {
      auto created = iam->CreateSamlProvider(name, metadata, {{kManagedTagKey, kManagedTagValue}});
      if (!created.ok() && created.error().code == "EntityAlreadyExists") existed = true;
      if (!created.ok()) return created.error();
      return OkStatus();
    }, "EntityAlreadyExists"));
    if (!existed) return OkStatus();
    return JournaledCall(context, "iam:UpdateSAMLProvider", arn, [&]() -> Status {
      auto updated = iam->UpdateSamlProvider(arn, metadata);
      if (!updated.ok()) return updated.error();
      return OkStatus();
    });
  };
  plan.changes.push_back(std::move(change));
  return OkStatus();
}

// Which kind of provider, and how IAM names its calls.
struct ProviderKind {
  bool oidc;                // else SAML
  const char* type;         // "iam_oidc_provider"
  const char* label;        // "OIDC provider"
  const char* section;      // "[identity.oidc]"
  const char* delete_call;  // "iam:DeleteOpenIDConnectProvider"
};

constexpr ProviderKind kOidcKind{true, "iam_oidc_provider", "OIDC provider", "[identity.oidc]",
                                 "iam:DeleteOpenIDConnectProvider"};
constexpr ProviderKind kSamlKind{false, "iam_saml_provider", "SAML provider", "[identity.saml]",
                                 "iam:DeleteSAMLProvider"};

// The provider's tags; the list calls carry none.
Result<aws::TagList> TagsOf(aws::IamClient& iam, const ProviderKind& kind, const std::string& arn) {
  if (kind.oidc) {
    auto provider = iam.GetOpenIdConnectProvider(arn);
    if (!provider.ok()) return provider.error();
    return provider->tags;
  }
  auto provider = iam.GetSamlProvider(arn);
  if (!provider.ok()) return provider.error();
  return provider->tags;
}

// A provider foyer made that the spec no longer names. The landing roles
// are updated first, so that none trusts a provider that is gone. Its
// address holds the ARN's resource ("oidc-provider/<host>"), which never
// equals the spec's provider's ("oidc", "saml").
org::Change ProviderDeletion(const ProviderKind& kind, const std::string& arn,
                             const std::shared_ptr<const ApplyInputs>& inputs) {
  const std::string admin = inputs->spec.accounts.admin.value;
  org::Change change;
  change.action = org::ChangeAction::kDelete;
  change.type = kind.type;
  Result<aws::Arn> parsed = aws::ParseArn(arn);
  change.address = std::string(kind.type) + "." + admin + "/" + (parsed.ok() ? parsed->resource : arn);
  change.account = admin;
  change.fields.push_back({"arn", arn, json()});
  for (const spec::Group& group : inputs->spec.groups) {
    change.depends_on.push_back("iam_role." + RoleLabel(admin, group.name.value));
  }
  change.apply = [kind, admin, arn, inputs](org::ApplyContext& context) -> Status {
    auto iam = IamIn(context, *inputs, admin);
    if (!iam.ok()) return iam.error();
    return JournaledCall(context, kind.delete_call, arn, [&] {
      return kind.oidc ? iam->DeleteOpenIdConnectProvider(arn) : iam->DeleteSamlProvider(arn);
    }, "NoSuchEntity");
  };
  return change;
}

// Deletes (or names in a note) each provider of `arns` but `kept` that
// carries foyer's tag; one made by hand is never touched.
Status AddStaleProviders(aws::IamClient& iam, const ProviderKind& kind, const std::vector<std::string>& arns,
                         const std::string& kept, bool allow_delete,
                         const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  for (const std::string& arn : arns) {
    if (arn == kept) continue;
    Result<aws::TagList> tags = TagsOf(iam, kind, arn);
    if (!tags.ok()) return tags.error();
    if (!ManagedByFoyer(*tags)) continue;
    if (allow_delete) {
      plan.changes.push_back(ProviderDeletion(kind, arn, inputs));
    } else {
      plan.notes.push_back(std::string(kind.label) + " " + arn + " was made by foyer and " + kind.section +
                           " no longer names it; pass --allow-delete to delete it");
    }
  }
  return OkStatus();
}

}  // namespace

std::string OidcProviderAddress(const std::string& admin_account) {
  return "iam_oidc_provider." + admin_account + "/oidc";
}

std::string SamlProviderAddress(const std::string& admin_account) {
  return "iam_saml_provider." + admin_account + "/saml";
}

Status AddIdentityProviderChanges(aws::IamClient* iam, const std::string& admin_id, bool allow_delete,
                                  const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  auto providers = ReadProviders(iam);
  if (!providers.ok()) return providers.error();
  const spec::Identity& identity = inputs->spec.identity;
  if (identity.oidc) FOYER_RETURN_IF_ERROR(AddOidcChange(iam, *providers, admin_id, inputs, plan));
  if (identity.saml) FOYER_RETURN_IF_ERROR(AddSamlChange(iam, *providers, admin_id, inputs, plan));
  if (iam == nullptr) return OkStatus();
  const std::string oidc = identity.oidc ? OidcProviderArn(inputs->partition, admin_id, identity.oidc->issuer.value) : "";
  const std::string saml =
      identity.saml ? SamlProviderArn(inputs->partition, admin_id, identity.saml->provider_name.value) : "";
  FOYER_RETURN_IF_ERROR(AddStaleProviders(*iam, kOidcKind, providers->oidc_arns, oidc, allow_delete, inputs, plan));
  return AddStaleProviders(*iam, kSamlKind, providers->saml_arns, saml, allow_delete, inputs, plan);
}

}  // namespace foyer::roles
