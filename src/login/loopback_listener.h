// The loopback redirect listener of a native-app OAuth login (RFC 8252 7.3):
// an HTTP server on 127.0.0.1 with a port the system picks, waiting for the
// one redirect that carries the authorization response.
#ifndef FOYER_LOGIN_LOOPBACK_LISTENER_H_
#define FOYER_LOGIN_LOOPBACK_LISTENER_H_

#include <chrono>
#include <memory>
#include <string>

#include "base/result.h"

namespace foyer::login {

class LoopbackListener {
 public:
  // Binds 127.0.0.1 on a free port and starts serving `path`.
  static Result<std::unique_ptr<LoopbackListener>> Start(std::string path = "/callback");
  ~LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;

  // "http://127.0.0.1:<port><path>"
  std::string redirect_uri() const;

  // Waits for the first GET of `path` and returns its raw query string.
  // Other paths get 404; requests after the first are told the login already
  // finished. Times out with code "LoginTimeout".
  Result<std::string> WaitForRedirect(std::chrono::seconds timeout);

 private:
  struct Impl;
  explicit LoopbackListener(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foyer::login

#endif  // FOYER_LOGIN_LOOPBACK_LISTENER_H_
