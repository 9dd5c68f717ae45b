#include "login/loopback_listener.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <httplib.h>

namespace foyer::login {

namespace {

constexpr const char* kDonePage =
    "<!doctype html><meta charset=utf-8><title>foyer</title>"
    "<p>foyer received the sign-in response. You can close this tab and return to the terminal.</p>";
constexpr const char* kAlreadyDonePage =
    "<!doctype html><meta charset=utf-8><title>foyer</title><p>This sign-in has already finished.</p>";

}  // namespace

struct LoopbackListener::Impl {
  std::string path;
  int port = 0;
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;
  std::condition_variable arrived;
  std::optional<std::string> query;
};

LoopbackListener::LoopbackListener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

LoopbackListener::~LoopbackListener() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

Result<std::unique_ptr<LoopbackListener>> LoopbackListener::Start(std::string path) {
  auto impl = std::make_unique<Impl>();
  impl->path = std::move(path);
  Impl* state = impl.get();
  impl->server.Get(impl->path, [state](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard lock(state->mutex);
    response.set_header("Cache-Control", "no-store");
    if (state->query.has_value()) {
      response.set_content(kAlreadyDonePage, "text/html; charset=utf-8");
      return;
    }
    // httplib has parsed the query; the raw target keeps it as sent.
    size_t mark = request.target.find('?');
    state->query = mark == std::string::npos ? "" : request.target.substr(mark + 1);
    response.set_content(kDonePage, "text/html; charset=utf-8");
    state->arrived.notify_all();
  });
  impl->port = impl->server.bind_to_any_port("127.0.0.1");
  if (impl->port <= 0) {
    return MakeError("ListenError", "could not listen on 127.0.0.1 for the login redirect");
  }
  impl->thread = std::thread([state] { state->server.listen_after_bind(); });
  // stop() only stops a server that is already running: wait for it, or a
  // listener destroyed at once would leave its thread listening forever.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!impl->server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // Constructed even when the server never came up, so that the destructor
  // joins the thread; the error then says so.
  std::unique_ptr<LoopbackListener> listener(new LoopbackListener(std::move(impl)));
  if (!listener->impl_->server.is_running()) {
    return MakeError("ListenError", "the listener for the login redirect on 127.0.0.1 did not start");
  }
  return listener;
}

std::string LoopbackListener::redirect_uri() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + impl_->path;
}

Result<std::string> LoopbackListener::WaitForRedirect(std::chrono::seconds timeout) {
  std::unique_lock lock(impl_->mutex);
  if (!impl_->arrived.wait_for(lock, timeout, [this] { return impl_->query.has_value(); })) {
    Error error = MakeError("LoginTimeout", "no sign-in response arrived within " + std::to_string(timeout.count()) +
                                                " seconds; run the login again");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  }
  return *impl_->query;
}

}  // namespace foyer::login
