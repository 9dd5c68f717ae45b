#include "login/saml_acs_listener.h"

#include <gtest/gtest.h>
#include <httplib.h>

namespace foyer::login {
namespace {

int PortOf(const std::string& url) { return std::stoi(url.substr(std::string("http://127.0.0.1:").size())); }

TEST(SamlAcsListenerTest, ReturnsTheFirstPostedSamlResponse) {
  auto listener = SamlAcsListener::Start(0);
  ASSERT_TRUE(listener.ok()) << listener.error().message;
  std::string url = (*listener)->acs_url();
  ASSERT_EQ(url.rfind("http://127.0.0.1:", 0), 0u);
  ASSERT_EQ(url.substr(url.size() - 5), "/saml");

  httplib::Client client("127.0.0.1", PortOf(url));
  auto get = client.Get("/saml?SAMLResponse=abc");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 404);
  auto empty = client.Post("/saml", "RelayState=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
  auto first = client.Post("/saml", "SAMLResponse=PHNhbWw%2BeA%3D%3D&RelayState=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_NE(first->body.find("You can close this tab"), std::string::npos);
  auto second = client.Post("/saml", "SAMLResponse=evil", "application/x-www-form-urlencoded");
  ASSERT_TRUE(second);
  EXPECT_NE(second->body.find("already finished"), std::string::npos);

  auto response = (*listener)->WaitForResponse(std::chrono::seconds(5));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(*response, "PHNhbWw+eA==");
}

TEST(SamlAcsListenerTest, TakenPortIsAClearError) {
  auto first = SamlAcsListener::Start(0);
  ASSERT_TRUE(first.ok());
  auto second = SamlAcsListener::Start(PortOf((*first)->acs_url()));
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, "ListenError");
  EXPECT_NE(second.error().message.find("--saml-acs-port"), std::string::npos);
}

TEST(SamlAcsListenerTest, TimesOutWithLoginNeeded) {
  auto listener = SamlAcsListener::Start(0);
  ASSERT_TRUE(listener.ok());
  auto response = (*listener)->WaitForResponse(std::chrono::seconds(0));
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code, "LoginTimeout");
  EXPECT_EQ(response.error().exit_code, ExitCode::kLoginNeeded);
}

}  // namespace
}  // namespace foyer::login
