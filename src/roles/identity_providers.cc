#include "roles/identity_providers.h"

#include <algorithm>

#include "org/organization_family.h"
#include "roles/role_documents.h"

namespace foyer::roles {
namespace {

using nlohmann::json;

// What the admin account holds now; nothing when it does not exist yet.
struct LiveOidc {
  bool exists = false;
  std::vector<std::string> client_ids;
};

Result<LiveOidc> ReadOidc(aws::IamClient* iam, const std::string& arn) {
  LiveOidc live;
  if (iam == nullptr) return live;
  auto arns = iam->ListOpenIdConnectProviders();
  if (!arns.ok()) return arns.error();
  if (std::find(arns->begin(), arns->end(), arn) == arns->end()) return live;
  auto provider = iam->GetOpenIdConnectProvider(arn);
  if (!provider.ok()) return provider.error();
  live.exists = true;
  live.client_ids = provider->client_ids;
  return live;
}

Status AddOidcChange(aws::IamClient* iam, const std::string& admin_id,
                     const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  const spec::OidcIdentity& oidc = *inputs->spec.identity.oidc;
  const std::string admin = inputs->spec.accounts.admin.value;
  auto live = ReadOidc(iam, OidcProviderArn(inputs->partition, admin_id, oidc.issuer.value));
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

Status AddSamlChange(aws::IamClient* iam, const std::string& admin_id,
                     const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  const spec::SamlIdentity& saml = *inputs->spec.identity.saml;
  const std::string admin = inputs->spec.accounts.admin.value;
  std::string arn = SamlProviderArn(inputs->partition, admin_id, saml.provider_name.value);
  bool exists = false;
  if (iam != nullptr) {
    auto providers = iam->ListSamlProviders();
    if (!providers.ok()) return providers.error();
    for (const aws::SamlProvider& provider : *providers) exists = exists || provider.arn == arn;
  }
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

}  // namespace

std::string OidcProviderAddress(const std::string& admin_account) {
  return "iam_oidc_provider." + admin_account + "/oidc";
}

std::string SamlProviderAddress(const std::string& admin_account) {
  return "iam_saml_provider." + admin_account + "/saml";
}

Status AddIdentityProviderChanges(aws::IamClient* iam, const std::string& admin_id,
                                  const std::shared_ptr<const ApplyInputs>& inputs, org::Plan& plan) {
  if (inputs->spec.identity.oidc) FOYER_RETURN_IF_ERROR(AddOidcChange(iam, admin_id, inputs, plan));
  if (inputs->spec.identity.saml) FOYER_RETURN_IF_ERROR(AddSamlChange(iam, admin_id, inputs, plan));
  return OkStatus();
}

}  // namespace foyer::roles
