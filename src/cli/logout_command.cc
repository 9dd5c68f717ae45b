#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "creds/environment.h"
#include "login/client_config.h"
#include "login/identity_center_login.h"
#include "login/iam_user_login.h"
#include "login/refresh_token.h"
#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

// --forget-key: the stored access key of every configured IAM user.
Status ForgetIamUserKeys() {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto secrets = login::OpenDefaultSecretStore();
  if (!secrets.ok()) return secrets.error();
  for (const auto& org : config->orgs) {
    if (!org.iam_user) continue;
    FOYER_RETURN_IF_ERROR((*secrets)->Delete(login::IamUserSecretName(org)));
    std::fprintf(stderr, "Forgot the stored access key of %s (%s).\n", org.iam_user->user_name.c_str(),
                 org.name.c_str());
  }
  return OkStatus();
}

// The OIDC refresh token kept for `org`; `secrets` is opened on first use.
Status ForgetOidcRefreshToken(const login::OrgAccess& org, std::unique_ptr<login::SecretStore>& secrets) {
  if (!secrets) {
    auto opened = login::OpenDefaultSecretStore();
    if (!opened.ok()) return opened.error();
    secrets = std::move(*opened);
  }
  return secrets->Delete(login::OidcRefreshTokenName(org.name));
}

int RunLogout(bool forget_key) {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return ReportError(state.error());
  auto cache = store::CredentialCache::Open(*state);
  if (!cache.ok()) return ReportError(cache.error());
  Status removed = cache->RemoveAll();
  if (!removed.ok()) return ReportError(removed.error());
  // OIDC refresh tokens (in the secret store) and Identity Center tokens
  // with theirs (shared with the AWS CLI in its cache); an unconfigured
  // foyer has none.
  if (auto config = login::LoadClientConfig(login::ClientConfigPath()); config.ok()) {
    std::unique_ptr<login::SecretStore> secrets;
    for (const auto& org : config->orgs) {
      if (org.oidc && org.oidc->refresh_tokens) {
        Status forgotten = ForgetOidcRefreshToken(org, secrets);
        if (!forgotten.ok()) return ReportError(forgotten.error());
      }
      if (!org.identity_center) continue;
      Status forgotten = login::ForgetIdentityCenterToken(org, creds::Environment::Process());
      if (!forgotten.ok()) return ReportError(forgotten.error());
    }
  }
  if (forget_key) {
    Status forgotten = ForgetIamUserKeys();
    if (!forgotten.ok()) return ReportError(forgotten.error());
  }
  std::fprintf(stderr, "Logged out: every cached session is forgotten.\n");
  return 0;
}

}  // namespace

void AddLogoutCommand(CLI::App& root, Runner& selected) {
  auto* command = root.add_subcommand("logout", "Forget every cached session");
  auto forget_key = std::make_shared<bool>(false);
  command->add_flag("--forget-key", *forget_key, "Also delete the stored IAM user access keys (plain logout keeps them)");
  command->callback([&selected, forget_key] { selected = [forget_key] { return RunLogout(*forget_key); }; });
}

}  // namespace foyer::cli
