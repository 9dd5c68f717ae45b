#include "login/secret_store.h"

#include <gtest/gtest.h>

#include "store/scratch_dir_for_tests.h"

namespace foyer::login {
namespace {

TEST(DefaultPassphraseSourceTest, TakesFoyerPassphrase) {
  auto source = DefaultPassphraseSource(creds::Environment::FromMap({{"FOYER_PASSPHRASE", "from env"}}));
  auto passphrase = source(true);
  ASSERT_TRUE(passphrase.ok());
  EXPECT_EQ(*passphrase, "from env");
}

TEST(OpenSecretStoreTest, FileWhenForcedOrWithoutSessionBus) {
  store::ScratchDir scratch;
  auto state = store::StateDir::Open(scratch.path() / "foyer");
  ASSERT_TRUE(state.ok());
  auto forced = OpenSecretStore(*state, creds::Environment::FromMap({{"FOYER_SECRET_STORE", "file"}}));
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ((*forced)->Kind(), "file");
  auto no_bus = OpenSecretStore(*state, creds::Environment::FromMap({}));
  ASSERT_TRUE(no_bus.ok());
  EXPECT_EQ((*no_bus)->Kind(), "file");
  auto keyring = OpenSecretStore(*state, creds::Environment::FromMap({{"FOYER_SECRET_STORE", "keyring"}}));
  ASSERT_TRUE(keyring.ok());
  EXPECT_EQ((*keyring)->Kind(), "keyring");
}

TEST(OpenSecretStoreTest, RefusesAnUnknownStore) {
  store::ScratchDir scratch;
  auto state = store::StateDir::Open(scratch.path() / "foyer");
  ASSERT_TRUE(state.ok());
  auto opened = OpenSecretStore(*state, creds::Environment::FromMap({{"FOYER_SECRET_STORE", "plain"}}));
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().exit_code, ExitCode::kUsage);
}

}  // namespace
}  // namespace foyer::login
