#include "login/pkce.h"

#include <set>

#include <gtest/gtest.h>

namespace foyer::login {
namespace {

TEST(PkceTest, ChallengeMatchesRfc7636AppendixB) {
  EXPECT_EQ(S256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(PkceTest, VerifiersAreLongRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    Pkce pkce = MakePkce();
    EXPECT_EQ(pkce.verifier.size(), 43u);
    EXPECT_EQ(pkce.verifier.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    EXPECT_EQ(pkce.challenge, S256Challenge(pkce.verifier));
    seen.insert(pkce.verifier);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace foyer::login
