// The loopback Assertion Consumer Service of a SAML login: an HTTP server on
// 127.0.0.1 that waits for the one POST in which the person's browser,
// sent by the IdP, carries the SAMLResponse form field.
//
// Unlike an OAuth redirect, the ACS URL is registered at the IdP ahead of
// time, so the port is fixed by configuration (0 lets the system choose,
// for tests).
#ifndef FOYER_LOGIN_SAML_ACS_LISTENER_H_
#define FOYER_LOGIN_SAML_ACS_LISTENER_H_

#include <chrono>
#include <memory>
#include <string>

#include "base/result.h"

namespace foyer::login {

class SamlAcsListener {
 public:
  // Binds 127.0.0.1:`port` and serves POST /saml.
  static Result<std::unique_ptr<SamlAcsListener>> Start(int port);
  ~SamlAcsListener();
  SamlAcsListener(const SamlAcsListener&) = delete;
  SamlAcsListener& operator=(const SamlAcsListener&) = delete;

  // "http://127.0.0.1:<port>/saml"
  std::string acs_url() const;

  // Waits for the first POST that has a SAMLResponse field and returns that
  // field (base64, as posted). Other requests get an error page; those after
  // the first are told the login already finished. Times out with code
  // "LoginTimeout" and exit status 3.
  Result<std::string> WaitForResponse(std::chrono::seconds timeout);

 private:
  struct Impl;
  explicit SamlAcsListener(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer::login

#endif  // FOYER_LOGIN_SAML_ACS_LISTENER_H_
