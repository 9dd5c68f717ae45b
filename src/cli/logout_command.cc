#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "creds/environment.h"
#include "login/client_config.h"
#include "login/identity_center_login.h"
#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace foyer::cli {
namespace {

int RunLogout() {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return ReportError(state.error());
  auto cache = store::CredentialCache::Open(*state);
  if (!cache.ok()) return ReportError(cache.error());
  Status removed = cache->RemoveAll();
  if (!removed.ok()) return ReportError(removed.error());
  // Identity Center tokens (and their refresh tokens) are shared with the
  // AWS CLI in its cache; an unconfigured foyer has none.
  if (auto config = login::LoadClientConfig(login::ClientConfigPath()); config.ok()) {
    for (const auto& org : config->orgs) {
      if (!org.identity_center) continue;
      Status forgotten = login::ForgetIdentityCenterToken(org, creds::Environment::Process());
      if (!forgotten.ok()) return ReportError(forgotten.error());
    }
  }
  std::fprintf(stderr, "Logged out: every cached session is forgotten.\n");
  return 0;
}

}  // namespace

void AddLogoutCommand(CLI::App& root, Runner& selected) {
  auto* command = root.add_subcommand("logout", "Forget every cached session");
  command->callback([&selected] { selected = [] { return RunLogout(); }; });
}

}  // namespace foyer::cli
