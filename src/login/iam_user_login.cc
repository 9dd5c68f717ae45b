#include "login/iam_user_login.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>
#include <unistd.h>

#include "aws/iam.h"
#include "aws/sts.h"
#include "creds/environment.h"
#include "creds/run_process.h"
#include "creds/shell_words.h"
#include "login/regional_sts.h"
#include "store/state_dir.h"

namespace foyer::login {
namespace {

// MFA sessions only serve to assume the landing role or rotate the key.
constexpr int kMfaSessionSeconds = 900;

Error LoginNeeded(const std::string& code, const std::string& message) {
  Error error = MakeError(code, message);
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

std::string Trimmed(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

bool IsMfaCode(const std::string& code) {
  return code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos;
}

aws::ClientConfig SignedWith(const aws::ClientConfig& base, const aws::Credentials& credentials,
                             const std::string& region) {
  aws::ClientConfig config = base;
  config.region = region;
  config.credentials = std::make_shared<aws::StaticCredentialsProvider>(credentials);
  return config;
}

aws::Credentials LongTerm(const IamUserKey& key) {
  aws::Credentials credentials;
  credentials.access_key_id = key.access_key_id;
  credentials.secret_access_key = key.secret_access_key;
  credentials.source = "stored IAM user key";
  return credentials;
}

Result<std::string> RunMfaProcess(const std::string& command) {
  auto argv = creds::SplitShellWords(command);
  if (!argv.ok()) return argv.error();
  if (argv->empty()) return MakeError("ConfigError", "mfa_process is empty");
  auto output = creds::RunProcess(*argv);
  if (!output.ok()) return output.error();
  if (output->exit_status != 0) {
    return LoginNeeded("MfaProcessFailed", "mfa_process '" + (*argv)[0] + "' exited with status " +
                                               std::to_string(output->exit_status) + "; pass --mfa-code instead");
  }
  return Trimmed(std::string_view(output->out).substr(0, output->out.find('\n')));
}

Result<aws::AssumedRole> AssumeLandingRole(const OrgAccess& org, const LoginOptions& options,
                                           const aws::Credentials& mfa_session) {
  aws::AssumeRoleRequest request;
  request.role_arn = org.LandingRoleArn(options.group);
  request.role_session_name = RoleSessionNameFor(org.iam_user->user_name);
  request.source_identity = org.iam_user->user_name;
  aws::ClientConfig base = options.aws;
  base.credentials = std::make_shared<aws::StaticCredentialsProvider>(mfa_session);
  auto assumed = AssumeWithHourFallback(base, org.regions, options.duration_seconds,
                                        [&request](aws::StsClient& sts, int duration_seconds) {
                                          request.duration_seconds = duration_seconds;
                                          return sts.AssumeRole(request);
                                        });
  if (!assumed.ok()) {
    assumed.error().message = "could not assume the landing role " + request.role_arn + " of group '" +
                              options.group + "' as IAM user " + org.iam_user->user_name + ": " +
                              assumed.error().message;
  }
  return assumed;
}

// A new key may take a few seconds to be accepted everywhere in IAM.
Status ProveKeyWorks(const OrgAccess& org, const IamUserKey& key, const aws::ClientConfig& aws) {
  Result<aws::CallerIdentity> identity = MakeError("InternalError", "not tried");
  for (int attempt = 0; attempt < 10; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::seconds(2));
    aws::StsClient sts(SignedWith(aws, LongTerm(key), org.regions.front()));
    identity = sts.GetCallerIdentity();
    if (identity.ok() || identity.error().code != "InvalidClientTokenId") break;
  }
  if (!identity.ok()) return identity.error();
  if (identity->arn.size() < org.iam_user->user_name.size() + 1 ||
      identity->arn.substr(identity->arn.size() - org.iam_user->user_name.size() - 1) !=
          "/" + org.iam_user->user_name) {
    return MakeError("KeyRotationError", "the new key signs as " + identity->arn + ", not as IAM user " +
                                             org.iam_user->user_name);
  }
  return OkStatus();
}

}  // namespace

std::string IamUserSecretName(const OrgAccess& org) { return "iam-user/" + org.name + "/" + org.iam_user->user_name; }

Result<IamUserKey> ParseIamUserKey(std::string_view text) {
  IamUserKey key;
  std::string trimmed = Trimmed(text);
  if (!trimmed.empty() && trimmed.front() == '{') {
    auto json = nlohmann::json::parse(trimmed, nullptr, false);
    // `aws iam create-access-key` wraps the key in {"AccessKey": {...}}.
    if (json.is_object() && json.contains("AccessKey")) json = json["AccessKey"];
    if (json.is_object() && json.contains("AccessKeyId") && json["AccessKeyId"].is_string() &&
        json.contains("SecretAccessKey") && json["SecretAccessKey"].is_string()) {
      key = {json["AccessKeyId"].get<std::string>(), json["SecretAccessKey"].get<std::string>()};
    }
  } else {
    size_t newline = trimmed.find('\n');
    if (newline != std::string::npos) {
      key = {Trimmed(std::string_view(trimmed).substr(0, newline)),
             Trimmed(std::string_view(trimmed).substr(newline + 1))};
    }
  }
  bool plausible = key.access_key_id.size() >= 16 && key.access_key_id.size() <= 128 &&
                   key.access_key_id.find_first_of(" \t\n") == std::string::npos && !key.secret_access_key.empty() &&
                   key.secret_access_key.find_first_of(" \t\n") == std::string::npos;
  if (!plausible) {
    Error error = MakeError("ParseError",
                            "expected an access key as JSON {\"AccessKeyId\": ..., \"SecretAccessKey\": ...} or as two "
                            "lines, the access key id then the secret access key");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  return key;
}

Result<IamUserKey> LoadIamUserKey(SecretStore& secrets, const OrgAccess& org) {
  auto stored = secrets.Get(IamUserSecretName(org));
  if (!stored.ok()) return stored.error();
  if (!stored->has_value()) {
    return LoginNeeded("NoStoredKey", "no access key is stored for IAM user " + org.iam_user->user_name + " of " +
                                          org.name + "; run `foyer login --method iam-user --secret-stdin` with "
                                          "the key on stdin (or on a terminal, to be asked for it)");
  }
  auto key = ParseIamUserKey(**stored);
  if (!key.ok()) return MakeError(kSecretStoreError, "the stored key of " + org.iam_user->user_name + " is damaged");
  return key;
}

Status StoreIamUserKey(SecretStore& secrets, const OrgAccess& org, const IamUserKey& key) {
  nlohmann::json json = {{"AccessKeyId", key.access_key_id}, {"SecretAccessKey", key.secret_access_key}};
  return secrets.Put(IamUserSecretName(org), json.dump());
}

Result<IamUserKey> ReadIamUserKeyFromTerminal() {
  const std::string what_to_pass = "pass the key on stdin with --secret-stdin";
  if (::isatty(STDIN_FILENO) != 1) return LoginNeeded("KeyNeeded", "no terminal to ask on: " + what_to_pass);
  std::fprintf(stderr, "Access key id: ");
  std::fflush(stderr);
  std::string id;
  std::getline(std::cin, id);
  auto secret = ReadHiddenFromTerminal("Secret access key: ", what_to_pass);
  if (!secret.ok()) return secret.error();
  return ParseIamUserKey(Trimmed(id) + "\n" + *secret);
}

Result<std::string> FindMfaSerial(const OrgAccess& org, const IamUserKey& key, const aws::ClientConfig& aws) {
  if (!org.iam_user->mfa_serial.empty()) return org.iam_user->mfa_serial;
  aws::IamClient iam(SignedWith(aws, LongTerm(key), org.regions.front()));
  auto devices = iam.ListMfaDevices(org.iam_user->user_name);
  if (!devices.ok()) {
    devices.error().message = "could not list the MFA devices of " + org.iam_user->user_name +
                              " (set mfa_serial with `foyer configure --mfa-serial ARN`): " + devices.error().message;
    return devices.error();
  }
  if (devices->size() != 1) {
    return LoginNeeded("NoMfaDevice", "IAM user " + org.iam_user->user_name + " has " +
                                          std::to_string(devices->size()) +
                                          " MFA devices; run `foyer mfa enroll`, or choose one with `foyer "
                                          "configure --mfa-serial ARN`");
  }
  return devices->front().serial_number;
}

Result<std::string> ObtainMfaCode(const OrgAccess& org, const std::string& given, const std::string& serial) {
  Result<std::string> code = given;
  if (given.empty() && !org.iam_user->mfa_process.empty()) {
    code = RunMfaProcess(org.iam_user->mfa_process);
  } else if (given.empty()) {
    if (::isatty(STDIN_FILENO) != 1) {
      return LoginNeeded("MfaCodeNeeded", "no terminal to ask for the MFA code of " + serial +
                                              " on: pass --mfa-code CODE, or configure mfa_process");
    }
    std::fprintf(stderr, "MFA code for %s: ", serial.c_str());
    std::fflush(stderr);
    std::string line;
    std::getline(std::cin, line);
    code = Trimmed(line);
  }
  if (!code.ok()) return code;
  if (!IsMfaCode(*code)) {
    Error error = MakeError("ParseError", "an MFA code is six digits");
    error.exit_code = ExitCode::kUsage;
    return error;
  }
  return code;
}

Result<aws::Credentials> GetMfaSession(const OrgAccess& org, const IamUserKey& key, const std::string& serial,
                                       const std::string& code, const aws::ClientConfig& aws) {
  aws::ClientConfig base = aws;
  base.credentials = std::make_shared<aws::StaticCredentialsProvider>(LongTerm(key));
  std::function<Result<aws::Credentials>(aws::StsClient&)> call = [&serial, &code](aws::StsClient& sts) {
    return sts.GetSessionToken(kMfaSessionSeconds, serial, code);
  };
  auto session = WithRegionalFailover(base, org.regions, call);
  if (!session.ok()) {
    session.error().message = "sts:GetSessionToken with the MFA code of " + serial + " failed: " +
                              session.error().message;
    if (session.error().code == "AccessDenied") session.error().exit_code = ExitCode::kLoginNeeded;
  }
  return session;
}

Result<std::unique_ptr<SecretStore>> OpenDefaultSecretStore() {
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return state.error();
  return OpenSecretStore(*state, creds::Environment::Process());
}

Result<store::CachedCredentials> LogInWithIamUser(const OrgAccess& org, const LoginOptions& options) {
  std::unique_ptr<SecretStore> opened;
  if (!options.secrets) {
    auto secrets = OpenDefaultSecretStore();
    if (!secrets.ok()) return secrets.error();
    opened = std::move(*secrets);
  }
  auto key = LoadIamUserKey(options.secrets ? *options.secrets : *opened, org);
  if (!key.ok()) return key.error();
  auto serial = FindMfaSerial(org, *key, options.aws);
  if (!serial.ok()) return serial.error();
  auto code = ObtainMfaCode(org, options.mfa_code, *serial);
  if (!code.ok()) return code.error();
  auto mfa_session = GetMfaSession(org, *key, *serial, *code, options.aws);
  if (!mfa_session.ok()) return mfa_session.error();
  auto assumed = AssumeLandingRole(org, options, *mfa_session);
  if (!assumed.ok()) return assumed.error();
  store::CachedCredentials session;
  session.credentials = assumed->credentials;
  session.credentials.source = "login iam-user " + org.name + "/" + options.group;
  session.role_arn = org.LandingRoleArn(options.group);
  session.source_identity = assumed->source_identity.empty() ? org.iam_user->user_name : assumed->source_identity;
  return session;
}

Result<std::string> RotateIamUserKey(const OrgAccess& org, const LoginOptions& options, SecretStore& secrets) {
  auto old_key = LoadIamUserKey(secrets, org);
  if (!old_key.ok()) return old_key.error();
  auto serial = FindMfaSerial(org, *old_key, options.aws);
  if (!serial.ok()) return serial.error();
  auto code = ObtainMfaCode(org, options.mfa_code, *serial);
  if (!code.ok()) return code.error();
  auto mfa_session = GetMfaSession(org, *old_key, *serial, *code, options.aws);
  if (!mfa_session.ok()) return mfa_session.error();

  const std::string& user = org.iam_user->user_name;
  aws::IamClient iam(SignedWith(options.aws, *mfa_session, org.regions.front()));
  auto created = iam.CreateAccessKey(user);
  if (!created.ok()) {
    created.error().message = "could not create a new access key for " + user +
                              " (IAM allows two per user; delete an unused one): " + created.error().message;
    return created.error();
  }
  IamUserKey new_key{created->access_key_id, created->secret_access_key};
  Status proven = ProveKeyWorks(org, new_key, options.aws);
  if (proven.ok()) proven = StoreIamUserKey(secrets, org, new_key);
  if (!proven.ok()) {
    // The old key stays stored and active; the unusable new one goes.
    (void)iam.DeleteAccessKey(user, new_key.access_key_id);
    proven.error().message = "the old key is kept: " + proven.error().message;
    return proven.error();
  }
  Status deleted = iam.DeleteAccessKey(user, old_key->access_key_id);
  if (!deleted.ok()) {
    deleted.error().message = "the new key " + new_key.access_key_id + " is stored, but the old key " +
                              old_key->access_key_id + " could not be deleted; delete it yourself: " +
                              deleted.error().message;
    return deleted.error();
  }
  return new_key.access_key_id;
}

}  // namespace foyer::login
