#include "login/loopback_listener.h"

#include <gtest/gtest.h>
#include <httplib.h>

namespace foyer::login {
namespace {

TEST(LoopbackListenerTest, ReturnsTheFirstRedirectsQuery) {
  auto listener = LoopbackListener::Start();
  ASSERT_TRUE(listener.ok()) << listener.error().message;
  std::string uri = (*listener)->redirect_uri();
  ASSERT_EQ(uri.rfind("http://127.0.0.1:", 0), 0u);
  int port = std::stoi(uri.substr(17));

  httplib::Client client("127.0.0.1", port);
  auto missing = client.Get("/favicon.ico");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto first = client.Get("/callback?code=abc&state=xyz");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_NE(first->body.find("You can close this tab"), std::string::npos);
  auto second = client.Get("/callback?code=evil&state=xyz");
  ASSERT_TRUE(second);
  EXPECT_NE(second->body.find("already finished"), std::string::npos);

  auto query = (*listener)->WaitForRedirect(std::chrono::seconds(5));
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(*query, "code=abc&state=xyz");
}

TEST(LoopbackListenerTest, TimesOutWithLoginNeeded) {
  auto listener = LoopbackListener::Start();
  ASSERT_TRUE(listener.ok());
  auto query = (*listener)->WaitForRedirect(std::chrono::seconds(0));
  ASSERT_FALSE(query.ok());
  EXPECT_EQ(query.error().code, "LoginTimeout");
  EXPECT_EQ(query.error().exit_code, ExitCode::kLoginNeeded);
}

}  // namespace
}  // namespace foyer::login
