#include "access/credential_server.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "base/base64.h"
#include "base/time_format.h"

namespace foyer::access {

std::string NewAuthorizationToken() {
  std::string bytes(32, '\0');
  // Without randomness there is no safe token: stop rather than serve.
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size())) != 1) std::abort();
  return Base64UrlEncode(bytes);
}

bool TokenMatches(std::string_view presented, std::string_view expected) {
  return presented.size() == expected.size() && CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

std::string ContainerCredentialsJson(const aws::Credentials& credentials) {
  nlohmann::ordered_json json;
  json["AccessKeyId"] = credentials.access_key_id;
  json["SecretAccessKey"] = credentials.secret_access_key;
  json["Token"] = credentials.session_token;
  if (credentials.expiration) json["Expiration"] = FormatRfc3339(*credentials.expiration);
  return json.dump();
}

struct CredentialServer::Impl {
  Source source;
  std::string token;
  int port = 0;
  httplib::Server server;
  std::thread thread;
  std::mutex source_mutex;  // one renewal at a time; the rest wait for its result
};

CredentialServer::CredentialServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CredentialServer::~CredentialServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

const std::string& CredentialServer::token() const { return impl_->token; }

std::string CredentialServer::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port) + "/credentials"; }

Result<std::unique_ptr<CredentialServer>> CredentialServer::Start(Source source, std::string token) {
  auto impl = std::make_unique<Impl>();
  impl->source = std::move(source);
  impl->token = std::move(token);
  Impl* state = impl.get();
  impl->server.Get("/credentials", [state](const httplib::Request& request, httplib::Response& response) {
    response.set_header("Cache-Control", "no-store");
    if (!request.has_header("Authorization")) {
      response.status = 401;
      return;
    }
    if (!TokenMatches(request.get_header_value("Authorization"), state->token)) {
      response.status = 403;
      return;
    }
    std::lock_guard lock(state->source_mutex);
    auto credentials = state->source();
    if (!credentials.ok()) {
      response.status = 500;
      response.set_content(nlohmann::json{{"Code", credentials.error().code}, {"Message", credentials.error().message}}
                               .dump(),
                           "application/json");
      return;
    }
    response.set_content(ContainerCredentialsJson(*credentials), "application/json");
  });
  impl->port = impl->server.bind_to_any_port("127.0.0.1");
  if (impl->port <= 0) return MakeError("ListenError", "could not listen on 127.0.0.1 for the credential server");
  impl->thread = std::thread([state] { state->server.listen_after_bind(); });
  // stop() only stops a running server: wait for it to run, so that the
  // destructor can always end the thread.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!impl->server.is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::unique_ptr<CredentialServer> server(new CredentialServer(std::move(impl)));
  if (!server->impl_->server.is_running()) {
    return MakeError("ListenError", "the credential server on 127.0.0.1 did not start");
  }
  return server;
}

}  // namespace foyer::access
