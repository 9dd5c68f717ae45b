// Signing in to an OpenID provider with the device authorization grant
// (RFC 8628), for machines with no browser (a remote shell, a container):
// the person approves the code on any other device, and foyer polls.
//
// What comes out is checked exactly like the browser login's ID token
// (signature against the provider's keys, iss, aud, exp, iat; and no nonce,
// since none was sent), ready for sts:AssumeRoleWithWebIdentity.
#ifndef FOYER_LOGIN_DEVICE_AUTHORIZATION_LOGIN_H_
#define FOYER_LOGIN_DEVICE_AUTHORIZATION_LOGIN_H_

#include <functional>

#include "aws/http.h"
#include "base/result.h"
#include "login/device_authorization_poll.h"
#include "login/oidc_login.h"

namespace foyer::login {

// `present` is called once with what the person must open and confirm.
// `timing.interval` and `timing.expires_in` are taken from the provider;
// only `timing.sleep` of the argument is used.
Result<OidcIdentity> LoginWithDeviceCode(aws::HttpTransport& transport, const OidcLoginSettings& settings,
                                         const std::function<void(const DeviceSignIn&)>& present,
                                         DevicePollTiming timing = {});

}  // namespace foyer::login

#endif  // FOYER_LOGIN_DEVICE_AUTHORIZATION_LOGIN_H_
