#include "login/encrypted_file_secret_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/scratch_dir_for_tests.h"
#include "store/state_dir.h"

namespace foyer::login {
namespace {

PassphraseSource Fixed(const std::string& passphrase) {
  return [passphrase](bool) -> Result<std::string> { return passphrase; };
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void WriteAll(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

class EncryptedFileSecretStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto state = store::StateDir::Open(scratch_.path() / "foyer");
    ASSERT_TRUE(state.ok());
    folder_ = state->path();
    path_ = state->File("secrets.enc");
  }

  store::ScratchDir scratch_;
  std::filesystem::path folder_;
  std::filesystem::path path_;
};

TEST(AesGcmTest, RoundTripsAndRefusesAnotherAad) {
  std::string key(32, 'k');
  std::string nonce(12, 'n');
  auto sealed = SealAesGcm(key, nonce, "name-a", "the secret");
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), std::string("the secret").size() + 16);
  auto opened = OpenAesGcm(key, nonce, "name-a", *sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "the secret");
  auto other_name = OpenAesGcm(key, nonce, "name-b", *sealed);
  ASSERT_FALSE(other_name.ok());
  EXPECT_EQ(other_name.error().code, kWrongPassphraseError);
  auto other_key = OpenAesGcm(std::string(32, 'K'), nonce, "name-a", *sealed);
  EXPECT_FALSE(other_key.ok());
}

TEST(DeriveKeyTest, DependsOnPassphraseAndSalt) {
  auto a = DeriveKey("correct horse", std::string(16, 's'), kScryptN);
  auto b = DeriveKey("correct horse", std::string(16, 's'), kScryptN);
  auto c = DeriveKey("correct horsf", std::string(16, 's'), kScryptN);
  auto d = DeriveKey("correct horse", std::string(16, 't'), kScryptN);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok() && d.ok());
  EXPECT_EQ(a->size(), 32u);
  EXPECT_EQ(*a, *b);
  EXPECT_NE(*a, *c);
  EXPECT_NE(*a, *d);
}

TEST_F(EncryptedFileSecretStoreTest, RoundTripsWithoutPlaintextOnDisk) {
  EncryptedFileSecretStore writer(path_, Fixed("pass phrase"));
  ASSERT_TRUE(writer.Put("iam-user/acme/alice", "SECRETVALUE-1234").ok());
  ASSERT_TRUE(writer.Put("oidc/acme", "REFRESHTOKEN-5678").ok());

  EncryptedFileSecretStore reader(path_, Fixed("pass phrase"));
  auto alice = reader.Get("iam-user/acme/alice");
  ASSERT_TRUE(alice.ok());
  EXPECT_EQ(alice->value_or(""), "SECRETVALUE-1234");
  auto refresh = reader.Get("oidc/acme");
  ASSERT_TRUE(refresh.ok());
  EXPECT_EQ(refresh->value_or(""), "REFRESHTOKEN-5678");
  auto missing = reader.Get("nobody");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());

  std::string on_disk = ReadAll(path_);
  EXPECT_EQ(on_disk.find("SECRETVALUE"), std::string::npos);
  EXPECT_EQ(on_disk.find("REFRESHTOKEN"), std::string::npos);
  EXPECT_EQ(on_disk.find("pass phrase"), std::string::npos);
}

TEST_F(EncryptedFileSecretStoreTest, FileIs0600InFolder0700) {
  EncryptedFileSecretStore secrets(path_, Fixed("pw"));
  ASSERT_TRUE(secrets.Put("a", "b").ok());
  struct stat info {};
  ASSERT_EQ(::stat(path_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(folder_.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);
}

TEST_F(EncryptedFileSecretStoreTest, RefusesAFileOthersCanRead) {
  EncryptedFileSecretStore secrets(path_, Fixed("pw"));
  ASSERT_TRUE(secrets.Put("a", "b").ok());
  ASSERT_EQ(::chmod(path_.c_str(), 0644), 0);
  auto read = EncryptedFileSecretStore(path_, Fixed("pw")).Get("a");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, store::kStatePermissionsError);
}

TEST_F(EncryptedFileSecretStoreTest, WrongPassphraseIsRefusedAndChangesNothing) {
  ASSERT_TRUE(EncryptedFileSecretStore(path_, Fixed("right")).Put("a", "secret-a").ok());
  std::string before = ReadAll(path_);

  EncryptedFileSecretStore wrong(path_, Fixed("wrong"));
  auto read = wrong.Get("a");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, kWrongPassphraseError);
  EXPECT_EQ(read.error().exit_code, ExitCode::kLoginNeeded);
  EXPECT_NE(read.error().message.find("wrong passphrase"), std::string::npos);
  auto put = wrong.Put("b", "secret-b");
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.error().code, kWrongPassphraseError);
  EXPECT_EQ(ReadAll(path_), before);
}

TEST_F(EncryptedFileSecretStoreTest, EveryWriteUsesAFreshNonce) {
  EncryptedFileSecretStore secrets(path_, Fixed("pw"));
  ASSERT_TRUE(secrets.Put("a", "same").ok());
  auto first = nlohmann::json::parse(ReadAll(path_))["secrets"]["a"];
  ASSERT_TRUE(secrets.Put("a", "same").ok());
  auto second = nlohmann::json::parse(ReadAll(path_))["secrets"]["a"];
  EXPECT_NE(first["nonce"], second["nonce"]);
  EXPECT_NE(first["sealed"], second["sealed"]);
}

TEST_F(EncryptedFileSecretStoreTest, TamperedSecretIsRefused) {
  ASSERT_TRUE(EncryptedFileSecretStore(path_, Fixed("pw")).Put("a", "secret-a").ok());
  auto json = nlohmann::json::parse(ReadAll(path_));
  std::string sealed = json["secrets"]["a"]["sealed"];
  sealed[2] = sealed[2] == 'A' ? 'B' : 'A';
  json["secrets"]["a"]["sealed"] = sealed;
  WriteAll(path_, json.dump());
  auto read = EncryptedFileSecretStore(path_, Fixed("pw")).Get("a");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, kSecretStoreError);
  EXPECT_NE(read.error().message.find("altered"), std::string::npos);
}

TEST_F(EncryptedFileSecretStoreTest, SecretMovedUnderAnotherNameDoesNotOpen) {
  EncryptedFileSecretStore secrets(path_, Fixed("pw"));
  ASSERT_TRUE(secrets.Put("a", "secret-a").ok());
  ASSERT_TRUE(secrets.Put("b", "secret-b").ok());
  auto json = nlohmann::json::parse(ReadAll(path_));
  json["secrets"]["b"] = json["secrets"]["a"];
  WriteAll(path_, json.dump());
  auto read = EncryptedFileSecretStore(path_, Fixed("pw")).Get("b");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, kSecretStoreError);
}

TEST_F(EncryptedFileSecretStoreTest, WeakenedKdfIsRefused) {
  ASSERT_TRUE(EncryptedFileSecretStore(path_, Fixed("pw")).Put("a", "secret-a").ok());
  auto json = nlohmann::json::parse(ReadAll(path_));
  json["kdf"]["n"] = 1024;
  WriteAll(path_, json.dump());
  auto read = EncryptedFileSecretStore(path_, Fixed("pw")).Get("a");
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("scrypt cost"), std::string::npos);
}

TEST_F(EncryptedFileSecretStoreTest, DeleteRemovesOnlyThatSecretWithoutThePassphrase) {
  ASSERT_TRUE(EncryptedFileSecretStore(path_, Fixed("pw")).Put("a", "secret-a").ok());
  ASSERT_TRUE(EncryptedFileSecretStore(path_, Fixed("pw")).Put("b", "secret-b").ok());
  PassphraseSource refuse = [](bool) -> Result<std::string> { return MakeError("Nope", "not asked"); };
  ASSERT_TRUE(EncryptedFileSecretStore(path_, refuse).Delete("a").ok());
  ASSERT_TRUE(EncryptedFileSecretStore(path_, refuse).Delete("never-there").ok());
  EncryptedFileSecretStore reader(path_, Fixed("pw"));
  EXPECT_FALSE(reader.Get("a")->has_value());
  EXPECT_EQ(reader.Get("b")->value_or(""), "secret-b");
}

TEST_F(EncryptedFileSecretStoreTest, MissingPassphraseStopsBeforeWriting) {
  PassphraseSource none = [](bool) -> Result<std::string> {
    Error error = MakeError(kPassphraseNeededError, "set FOYER_PASSPHRASE");
    error.exit_code = ExitCode::kLoginNeeded;
    return error;
  };
  auto put = EncryptedFileSecretStore(path_, none).Put("a", "b");
  ASSERT_FALSE(put.ok());
  EXPECT_EQ(put.error().code, kPassphraseNeededError);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

}  // namespace
}  // namespace foyer::login
