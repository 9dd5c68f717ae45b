#include "aws/curl_transport.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

namespace foyer::aws {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A cpp-httplib server on a free loopback port, serving from its own thread.
class LoopbackServer {
 public:
  explicit LoopbackServer(const std::function<void(httplib::Server&)>& routes) {
    routes(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~LoopbackServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

// A plain TCP listener on a free loopback port; `on_connection` gets each
// accepted socket (and closes it by returning), for misbehaving servers.
class RawServer {
 public:
  explicit RawServer(std::function<void(int)> on_connection) : on_connection_(std::move(on_connection)) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    bind(listener_, reinterpret_cast<sockaddr*>(&address), length);
    listen(listener_, 8);
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { AcceptLoop(); });
  }
  ~RawServer() {
    shutdown(listener_, SHUT_RDWR);
    thread_.join();
    close(listener_);
  }
  int port() const { return port_; }
  int connections() const { return connections_; }

 private:
  void AcceptLoop() {
    while (true) {
      int connection = accept(listener_, nullptr, nullptr);
      if (connection < 0) return;
      ++connections_;
      on_connection_(connection);
      close(connection);
    }
  }

  std::function<void(int)> on_connection_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> connections_ = 0;
  std::thread thread_;
};

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(CurlTransportTest, SendsMethodHeadersAndBodyAndReadsTheAnswer) {
  std::string seen_method, seen_body, seen_header;
  bool seen_expect = true, seen_content_type = true, seen_accept_encoding = true;
  LoopbackServer server([&](httplib::Server& s) {
    s.Post("/echo", [&](const httplib::Request& request, httplib::Response& response) {
      seen_method = request.method;
      seen_body = request.body;
      seen_header = request.get_header_value("X-Foyer-Test");
      seen_expect = request.has_header("Expect");
      seen_content_type = request.has_header("Content-Type");
      seen_accept_encoding = request.has_header("Accept-Encoding");
      response.status = 201;
      response.set_header("X-Amzn-RequestId", "req-1");
      response.set_content("created", "text/plain");
    });
  });
  CurlTransport transport;
  HttpRequest request;
  request.method = "POST";
  request.url = server.Url("/echo");
  request.headers = {{"X-Foyer-Test", "yes"}};
  request.body = std::string(2 << 20, 'b');  // large enough that curl would ask for 100-continue
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_TRUE(response.ok()) << response.error().Describe();
  EXPECT_EQ(response->status, 201);
  EXPECT_EQ(response->body, "created");
  EXPECT_EQ(response->Header("x-amzn-requestid"), "req-1");
  EXPECT_EQ(response->Header("Content-Type"), "text/plain");
  EXPECT_EQ(seen_method, "POST");
  EXPECT_EQ(seen_body, std::string(2 << 20, 'b'));
  EXPECT_EQ(seen_header, "yes");
  EXPECT_FALSE(seen_expect);
  EXPECT_FALSE(seen_content_type);
  EXPECT_FALSE(seen_accept_encoding);
}

TEST(CurlTransportTest, OtherMethods) {
  std::vector<std::string> seen;
  LoopbackServer server([&](httplib::Server& s) {
    auto record = [&](const httplib::Request& request, httplib::Response& response) {
      seen.push_back(request.method + " " + request.path + " [" + request.body + "] " +
                     request.get_header_value("Content-Length"));
      response.set_content("", "text/plain");
    };
    s.Put("/p", record);
    s.Delete("/d", record);
    s.Post("/e", record);
    s.Get("/g", record);
  });
  CurlTransport transport;
  for (auto [method, path, body] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"PUT", "/p", "data"}, {"DELETE", "/d", ""}, {"POST", "/e", ""}, {"GET", "/g", ""}}) {
    HttpRequest request;
    request.method = method;
    request.url = server.Url(path);
    request.body = body;
    Result<HttpResponse> response = transport.Send(request, HttpOptions{});
    ASSERT_TRUE(response.ok()) << method << ": " << response.error().Describe();
    EXPECT_EQ(response->status, 200);
  }
  EXPECT_THAT(seen, ::testing::ElementsAre("PUT /p [data] 4", "DELETE /d [] ", "POST /e [] 0", "GET /g [] "));
}

TEST(CurlTransportTest, ReusesTheConnection) {
  std::vector<int> client_ports;
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/", [&](const httplib::Request& request, httplib::Response& response) {
      client_ports.push_back(request.remote_port);
      response.set_content("ok", "text/plain");
    });
  });
  CurlTransport transport;
  HttpRequest request;
  request.url = server.Url("/");
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(transport.Send(request, HttpOptions{}).ok());
  ASSERT_EQ(client_ports.size(), 3u);
  EXPECT_EQ(client_ports[1], client_ports[0]);
  EXPECT_EQ(client_ports[2], client_ports[0]);
}

TEST(CurlTransportTest, TimesOut) {
  std::atomic<bool> released = false;
  LoopbackServer server([&](httplib::Server& s) {
    s.Get("/slow", [&](const httplib::Request&, httplib::Response& response) {
      while (!released) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      response.set_content("late", "text/plain");
    });
  });
  CurlTransport transport;
  HttpRequest request;
  request.url = server.Url("/slow");
  HttpOptions options;
  options.total_timeout = std::chrono::milliseconds(200);
  Result<HttpResponse> response = transport.Send(request, options);
  released = true;
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "Timeout");
  EXPECT_THAT(response.error().message, HasSubstr("http://127.0.0.1:" + std::to_string(server.port())));
  EXPECT_THAT(response.error().message, HasSubstr("total 200 ms"));
}

TEST(CurlTransportTest, RefusesPlainHttpToHostsThatAreNotLoopback) {
  CurlTransport transport;
  for (const char* url : {"http://sts.amazonaws.com/", "http://127.0.0.1.example.com:4566/",
                          "http://192.0.2.2/?X-Amz-Signature=abc", "HTTP://example.com#@127.0.0.1/"}) {
    HttpRequest request;
    request.url = url;
    Result<HttpResponse> response = transport.Send(request, HttpOptions{});
    ASSERT_FALSE(response.ok()) << url;
    EXPECT_EQ(response.error().code, "InsecureEndpoint") << url;
    EXPECT_THAT(response.error().message, HasSubstr("Use an https:// endpoint"));
    EXPECT_THAT(response.error().message, Not(HasSubstr("abc")));
  }
}

TEST(CurlTransportTest, RefusesWhatIsNotAnHttpUrl) {
  CurlTransport transport;
  for (const char* url : {"ftp://127.0.0.1/", "file:///etc/passwd", "sts.amazonaws.com", ""}) {
    HttpRequest request;
    request.url = url;
    Result<HttpResponse> response = transport.Send(request, HttpOptions{});
    ASSERT_FALSE(response.ok()) << url;
    EXPECT_EQ(response.error().code, "InvalidEndpoint") << url;
  }
}

TEST(CurlTransportTest, ConnectionRefused) {
  int port;
  {
    RawServer closed_soon([](int) {});
    port = closed_soon.port();
  }
  CurlTransport transport;
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "ConnectionError");
  EXPECT_THAT(response.error().message, HasSubstr("Could not talk to http://127.0.0.1:" + std::to_string(port)));
}

TEST(CurlTransportTest, ServerHangsUpWithoutAnswering) {
  RawServer hangs_up([](int connection) {
    char buffer[4096];
    (void)!read(connection, buffer, sizeof(buffer));
  });
  CurlTransport transport;
  HttpRequest request;
  request.url = "http://127.0.0.1:" + std::to_string(hangs_up.port()) + "/";
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "ConnectionError");
}

TEST(CurlTransportTest, TlsHandshakeFailureIsATlsError) {
  LoopbackServer plain([](httplib::Server& s) {
    s.Get("/", [](const httplib::Request&, httplib::Response& response) { response.set_content("x", "text/plain"); });
  });
  CurlTransport transport;
  HttpRequest request;
  request.url = "https://127.0.0.1:" + std::to_string(plain.port()) + "/";
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "TlsError");
  EXPECT_THAT(response.error().message, HasSubstr("AWS_CA_BUNDLE"));
}

// A proxy that refuses every CONNECT, remembering the request lines.
class RefusingProxy {
 public:
  RefusingProxy()
      : server_([this](int connection) {
          char buffer[4096];
          ssize_t n = read(connection, buffer, sizeof(buffer));
          std::string text(buffer, n > 0 ? n : 0);
          {
            std::lock_guard lock(mutex_);
            lines_.push_back(text.substr(0, text.find("\r\n")));
          }
          const char answer[] = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n";
          (void)!write(connection, answer, sizeof(answer) - 1);
        }) {}
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(server_.port()); }
  std::vector<std::string> lines() {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
  RawServer server_;
};

TEST(CurlTransportTest, HttpsGoesThroughTheProxyFromTheEnvironment) {
  RefusingProxy proxy;
  ScopedEnv https_proxy("https_proxy", proxy.Url().c_str());
  ScopedEnv no_proxy("NO_PROXY", "");
  CurlTransport transport;
  HttpRequest request;
  request.url = "https://foyer-proxy-test.invalid/";
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "ConnectionError");
  EXPECT_THAT(proxy.lines(), ::testing::ElementsAre("CONNECT foyer-proxy-test.invalid:443 HTTP/1.1"));
}

TEST(CurlTransportTest, NoProxyIsHonoured) {
  RefusingProxy proxy;
  ScopedEnv https_proxy("https_proxy", proxy.Url().c_str());
  ScopedEnv no_proxy("NO_PROXY", "example.invalid");
  CurlTransport transport;
  HttpRequest request;
  request.url = "https://foyer-proxy-test.example.invalid/";
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "ConnectionError");  // the name does not resolve
  EXPECT_THAT(proxy.lines(), ::testing::IsEmpty());
}

TEST(CurlTransportTest, LoopbackNeverGoesThroughAProxy) {
  RefusingProxy proxy;
  ScopedEnv http_proxy("http_proxy", proxy.Url().c_str());
  ScopedEnv no_proxy("NO_PROXY", "");
  LoopbackServer server([](httplib::Server& s) {
    s.Get("/", [](const httplib::Request&, httplib::Response& response) { response.set_content("direct", "text/plain"); });
  });
  CurlTransport transport;
  HttpRequest request;
  request.url = server.Url("/");
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  ASSERT_TRUE(response.ok()) << response.error().Describe();
  EXPECT_EQ(response->body, "direct");
  EXPECT_THAT(proxy.lines(), ::testing::IsEmpty());
}

TEST(CurlTransportTest, DebugLogIsRedacted) {
  LoopbackServer server([](httplib::Server& s) {
    s.Post("/", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("<Credentials><SecretAccessKey>server-secret</SecretAccessKey></Credentials>",
                           "text/xml");
    });
  });
  ScopedEnv debug("FOYER_DEBUG", "1");
  CurlTransport transport;
  HttpRequest request;
  request.method = "POST";
  request.url = server.Url("/");
  request.headers = {{"Authorization", "AWS4-HMAC-SHA256 Credential=AKID/x, SignedHeaders=host, Signature=sig-value"},
                     {"X-Amz-Security-Token", "token-value"}};
  request.body = "Action=AssumeRoleWithWebIdentity&WebIdentityToken=jwt-value";
  testing::internal::CaptureStderr();
  Result<HttpResponse> response = transport.Send(request, HttpOptions{});
  std::string log = testing::internal::GetCapturedStderr();
  ASSERT_TRUE(response.ok());
  EXPECT_THAT(log, HasSubstr("foyer debug: request\nPOST " + server.Url("/") + "\n"));
  EXPECT_THAT(log, HasSubstr("Signature=<redacted>"));
  EXPECT_THAT(log, HasSubstr("WebIdentityToken=<redacted>"));
  EXPECT_THAT(log, HasSubstr("foyer debug: response\nHTTP 200\n"));
  EXPECT_THAT(log, HasSubstr("<SecretAccessKey><redacted></SecretAccessKey>"));
  for (const char* secret : {"sig-value", "token-value", "jwt-value", "server-secret"}) {
    EXPECT_THAT(log, Not(HasSubstr(secret)));
  }
}

TEST(CurlTransportTest, IsLoopbackUrl) {
  for (const char* url : {"http://127.0.0.1:5000/", "http://localhost/", "http://LOCALHOST:1",
                          "http://[::1]:80/", "https://127.255.255.254/x?y", "http://user@127.0.0.1/",
                          "http://127.1/", "http://0x7f000001/"}) {
    EXPECT_TRUE(IsLoopbackUrl(url)) << url;
  }
  for (const char* url : {"http://127.0.0.1.example.com/", "http://example.com/?h=127.0.0.1",
                          "http://example.com#@127.0.0.1/", "http://128.0.0.1/", "http://[::2]/",
                          "http://localhost.example.com/", "http://192.0.2.2/", "not a url", ""}) {
    EXPECT_FALSE(IsLoopbackUrl(url)) << url;
  }
}

}  // namespace
}  // namespace foyer::aws
