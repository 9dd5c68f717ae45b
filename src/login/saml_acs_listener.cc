#include "login/saml_acs_listener.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <httplib.h>

namespace foyer::login {
namespace {

constexpr const char* kDonePage =
    "<!doctype html><meta charset=utf-8><title>foyer</title>"
    "<p>foyer received the SAML response. You can close this tab and return to the terminal.</p>";
constexpr const char* kAlreadyDonePage =
    "<!doctype html><meta charset=utf-8><title>foyer</title><p>This sign-in has already finished.</p>";
constexpr const char* kNoResponsePage =
    "<!doctype html><meta charset=utf-8><title>foyer</title><p>This request carried no SAMLResponse.</p>";
// Real responses are a few kilobytes; this bounds what a stray client can
// make foyer hold.
constexpr size_t kMaxBody = 1 << 20;

}  // namespace

struct SamlAcsListener::Impl {
  int port = 0;
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable arrived;
  std::optional<std::string> response;
};

SamlAcsListener::SamlAcsListener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

SamlAcsListener::~SamlAcsListener() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

Result<std::unique_ptr<SamlAcsListener>> SamlAcsListener::Start(int port) {
  auto impl = std::make_unique<Impl>();
  Impl* state = impl.get();
  impl->server.set_payload_max_length(kMaxBody);
  // httplib's default also sets SO_REUSEPORT, with which a second login
  // would share the fixed port and maybe receive the first one's response.
  impl->server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  impl->server.Post("/saml", [state](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(state->mutex);
    response.set_header("Cache-Control", "no-store");
    if (state->response.has_value()) {
      response.set_content(kAlreadyDonePage, "text/html; charset=utf-8");
      return;
    }
    if (!request.has_param("SAMLResponse")) {
      response.status = 400;
      response.set_content(kNoResponsePage, "text/html; charset=utf-8");
      return;
    }
    state->response = request.get_param_value("SAMLResponse");
    response.set_content(kDonePage, "text/html; charset=utf-8");
    state->arrived.notify_all();
  });
  bool bound = port == 0 ? (impl->port = impl->server.bind_to_any_port("127.0.0.1")) > 0
                         : impl->server.bind_to_port("127.0.0.1", impl->port = port);
  if (!bound) {
    return MakeError("ListenError", "could not listen on 127.0.0.1:" + std::to_string(port) +
                                        " for the SAML response (is another login running, or the port taken? "
                                        "change it with `foyer configure --saml-acs-port N` and at the IdP)");
  }
  impl->thread = std::thread([state] { state->server.listen_after_bind(); });
  // stop() only stops a running server: wait for it to run, so that a
  // listener destroyed at once cannot leave its thread listening.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!impl->server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::unique_ptr<SamlAcsListener> listener(new SamlAcsListener(std::move(impl)));
  if (!listener->impl_->server.is_running()) {
    return MakeError("ListenError", "the listener for the SAML response on 127.0.0.1 did not start");
  }
  return listener;
}

std::string SamlAcsListener::acs_url() const { return "http://127.0.0.1:" + std::to_string(impl_->port) + "/saml"; }

Result<std::string> SamlAcsListener::WaitForResponse(std::chrono::seconds timeout) {
  std::unique_lock lock(impl_->mutex);
  if (!impl_->arrived.wait_for(lock, timeout, [this] { return impl_->response.has_value(); })) {
    Error error = MakeError("LoginTimeout", "no SAML response arrived within " + std::to_string(timeout.count()) +
                                                " seconds; run the login again");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  return *impl_->response;
}

}  // namespace foyer::login
