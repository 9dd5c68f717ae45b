#include "login/device_authorization_login.h"

#include "login/device_authorization.h"
#include "login/oidc_discovery.h"

namespace foyer::login {

Result<OidcIdentity> LoginWithDeviceCode(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                         const std::function<void(const DeviceSignIn&)>& present,
                                         DevicePollTiming timing) {
  auto provider = DiscoverProvider(transport, settings.issuer);
  if (!provider.ok()) return provider.error();
  auto jwks_document = FetchDocument(transport, provider->jwks_uri, "provider's signing keys (JWKS)");
  if (!jwks_document.ok()) return jwks_document.error();
  auto keys = JwkSet::Parse(*jwks_document);
  if (!keys.ok()) return keys.error();

  auto authorization = StartDeviceAuthorization(transport, *provider, settings.client_id, settings.scope);
  if (!authorization.ok()) return authorization.error();
  present(DeviceSignIn{authorization->verification_uri, authorization->verification_uri_complete,
                       authorization->user_code});

  timing.interval = authorization->interval;
  timing.expires_in = authorization->expires_in;
  TokenResponse tokens;
  Status approved = PollUntilApproved(timing, [&]() -> Result<DevicePollAnswer> {
    auto poll = PollDeviceToken(transport, *provider, settings.client_id, authorization->device_code);
    if (!poll.ok()) return poll.error();
    if (poll->answer == DevicePollAnswer::kApproved) tokens = std::move(poll->tokens);
    return poll->answer;
  });
  if (!approved.ok()) return approved.error();

  IdTokenExpectations expected;
  expected.issuer = provider->issuer;
  expected.client_id = settings.client_id;
  // No nonce was sent (see StartDeviceAuthorization): the token must carry none.
  expected.nonce = "";
  expected.now = std::chrono::system_clock::now();
  auto claims = ValidateIdToken(tokens.id_token, *keys, expected);
  if (!claims.ok()) return claims.error();
  return OidcIdentity{tokens.id_token, std::move(*claims), tokens.refresh_token};
}

}  // namespace foyer::login
