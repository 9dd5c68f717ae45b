#include "creds/default_chain.h"

#include <algorithm>
#include <charconv>
#include <utility>
#include <vector>

#include "creds/assume_role_provider.h"
#include "creds/container_provider.h"
#include "creds/environment_provider.h"
#include "creds/process_provider.h"
#include "creds/sso_provider.h"
#include "creds/static_profile_provider.h"
#include "creds/web_identity_provider.h"

namespace foyer::creds {
namespace {

using ProviderPtr = std::shared_ptr<aws::CredentialsProvider>;

Error ConfigError(const std::string& message) { return MakeError("ConfigError", message); }

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string ValueOr(const Profile& profile, std::string_view key) {
  const std::string* value = profile.Find(key);
  return value ? *value : std::string();
}

Result<std::optional<int>> PositiveInteger(const Profile& profile, std::string_view key) {
  const std::string* text = profile.Find(key);
  if (text == nullptr) return std::optional<int>();
  int value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < 1) {
    return ConfigError(profile.Where(key) + ": " + std::string(key) + " is '" + *text +
                       "'; it must be a whole number of at least 1");
  }
  return std::optional<int>(value);
}

// Prefixes the errors of `inner`'s Retrieve with a step name.
class StepProvider : public aws::CredentialsProvider {
 public:
  StepProvider(std::string step, ProviderPtr inner) : step_(std::move(step)), inner_(std::move(inner)) {}
  Result<aws::Credentials> Retrieve() override {
    Result<aws::Credentials> credentials = inner_->Retrieve();
    if (!credentials.ok()) return InStep(step_, credentials.error());
    return credentials;
  }

 private:
  std::string step_;
  ProviderPtr inner_;
};

// Builds the providers of one resolution; `visited` follows source_profile
// links to find loops.
class ChainBuilder {
 public:
  ChainBuilder(const AwsConfigFiles& files, const ChainContext& context)
      : files_(files), context_(context) {}

  Result<ProviderPtr> ForProfile(const std::string& name, bool environment_first) {
    const Profile* profile = files_.FindProfile(name);
    if (profile == nullptr && name != "default") {
      return ConfigError("the profile '" + name + "' is not in " + files_.config_path + " nor in " +
                         files_.credentials_path + "; check its name, or add it to one of them");
    }
    if (environment_first && EnvironmentHasCredentials(context_.env)) {
      return ProviderPtr(std::make_shared<EnvironmentProvider>(context_.env));
    }
    Profile empty{name, {}, {}};
    const Profile& settings = profile ? *profile : empty;
    Result<ProviderPtr> provider = HasAssumeRoleSettings(settings)
                                       ? AssumeRole(settings, {name})
                                       : FromProfileKeys(settings, environment_first);
    if (!provider.ok()) return InStep("profile " + name, provider.error());
    if (*provider == nullptr && EnvironmentHasContainerEndpoint(context_.env)) {
      return MakeContainerProvider(context_);
    }
    if (*provider == nullptr) {
      Error error = MakeError("NoCredentials",
                              "profile " + name + ": no credentials: the profile has no keys, "
                              "role_arn, sso_* settings or credential_process; run `foyer login`, "
                              "or `aws configure --profile " + name + "`");
      error.exit_code = ExitCode::kLoginNeeded;
      return error;
    }
    return ProviderPtr(std::make_shared<StepProvider>("profile " + name, *provider));
  }

 private:
  static bool HasAssumeRoleSettings(const Profile& profile) {
    return profile.Has("role_arn") && !profile.Has("web_identity_token_file");
  }

  // Steps 3-7 of the chain; nullptr when none applies.
  Result<ProviderPtr> FromProfileKeys(const Profile& profile, bool use_environment) {
    Result<ProviderPtr> web_identity = WebIdentity(profile, use_environment);
    if (!web_identity.ok() || *web_identity != nullptr) return web_identity;
    if (profile.Has("sso_account_id") || profile.Has("sso_role_name")) return Sso(profile);
    auto in_credentials_file = files_.credentials_profiles.find(profile.name);
    if (in_credentials_file != files_.credentials_profiles.end() &&
        ProfileHasStaticKeys(in_credentials_file->second)) {
      return StaticProfileProvider(in_credentials_file->second);
    }
    if (const std::string* command = profile.Find("credential_process")) {
      return MakeProcessProvider(*command, context_);
    }
    auto in_config_file = files_.config_profiles.find(profile.name);
    if (in_config_file != files_.config_profiles.end() && ProfileHasStaticKeys(in_config_file->second)) {
      return StaticProfileProvider(in_config_file->second);
    }
    return ProviderPtr();
  }

  Result<ProviderPtr> WebIdentity(const Profile& profile, bool use_environment) {
    auto setting = [&](const char* key, const char* variable) -> std::string {
      if (use_environment) {
        if (auto value = context_.env.Get(variable)) return *value;
      }
      return ValueOr(profile, key);
    };
    WebIdentitySettings settings;
    settings.token_file = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE");
    if (settings.token_file.empty()) return ProviderPtr();
    settings.token_file = context_.env.ExpandUser(settings.token_file);
    settings.role_arn = setting("role_arn", "AWS_ROLE_ARN");
    settings.role_session_name = setting("role_session_name", "AWS_ROLE_SESSION_NAME");
    if (settings.role_arn.empty()) {
      return ConfigError("web identity is configured (web_identity_token_file) but no role is: set "
                         "role_arn in the profile, or AWS_ROLE_ARN");
    }
    return MakeWebIdentityProvider(std::move(settings), context_);
  }

  Result<ProviderPtr> Sso(const Profile& profile) {
    std::map<std::string, std::string> values = profile.values;
    std::vector<std::string> required = {"sso_start_url", "sso_region", "sso_account_id", "sso_role_name"};
    SsoSettings settings;
    if (const std::string* session_name = profile.Find("sso_session")) {
      const Profile* session = files_.FindSsoSession(*session_name);
      if (session == nullptr) {
        return ConfigError(profile.Where("sso_session") + ": there is no [sso-session " +
                           *session_name + "] in " + files_.config_path + "; add it");
      }
      for (const auto& [key, value] : session->values) {
        auto [it, added] = values.emplace(key, value);
        if (!added && it->second != value) {
          return ConfigError("profile " + profile.name + " sets " + key + " to '" + it->second +
                             "' but [sso-session " + *session_name + "] sets it to '" + value +
                             "'; remove one of them");
        }
      }
      settings.session_name = *session_name;
    }
    std::string missing;
    for (const std::string& key : required) {
      if (values.count(key) == 0) missing += (missing.empty() ? "" : ", ") + key;
    }
    if (!missing.empty()) {
      return ConfigError("the profile is set up for IAM Identity Center but lacks " + missing +
                         "; run `aws configure sso` or `foyer configure`");
    }
    settings.start_url = values["sso_start_url"];
    settings.sso_region = values["sso_region"];
    settings.account_id = values["sso_account_id"];
    settings.role_name = values["sso_role_name"];
    return MakeSsoProvider(std::move(settings), context_);
  }

  Result<ProviderPtr> AssumeRole(const Profile& profile, std::vector<std::string> visited) {
    const std::string* source_profile = profile.Find("source_profile");
    const std::string* credential_source = profile.Find("credential_source");
    if (source_profile != nullptr && credential_source != nullptr) {
      return ConfigError(profile.Where("credential_source") +
                         ": set either source_profile or credential_source, not both");
    }
    if (source_profile == nullptr && credential_source == nullptr) {
      return ConfigError(profile.Where("role_arn") +
                         ": role_arn needs source_profile or credential_source to say whose "
                         "credentials assume the role");
    }
    Result<ProviderPtr> source = source_profile ? SourceProfile(profile, *source_profile, visited)
                                                : CredentialSource(profile, *credential_source);
    if (!source.ok()) return source.error();
    AssumeRoleSettings settings;
    settings.role_arn = ValueOr(profile, "role_arn");
    settings.role_session_name = ValueOr(profile, "role_session_name");
    settings.external_id = ValueOr(profile, "external_id");
    settings.mfa_serial = ValueOr(profile, "mfa_serial");
    settings.source_identity = ValueOr(profile, "source_identity");
    Result<std::optional<int>> duration = PositiveInteger(profile, "duration_seconds");
    if (!duration.ok()) return duration.error();
    settings.duration_seconds = *duration;
    settings.source_step = source_profile ? "source_profile " + *source_profile
                                          : "credential_source " + *credential_source;
    return MakeAssumeRoleProvider(std::move(*source), std::move(settings), context_);
  }

  Result<ProviderPtr> CredentialSource(const Profile& profile, const std::string& source) {
    if (Lower(source) == "ecscontainer") {
      if (!EnvironmentHasContainerEndpoint(context_.env)) {
        return ConfigError("credential_source EcsContainer: AWS_CONTAINER_CREDENTIALS_FULL_URI is not set");
      }
      return MakeContainerProvider(context_);
    }
    if (Lower(source) != "environment") {
      return ConfigError(profile.Where("credential_source") + ": credential_source '" + source +
                         "' is not supported; use Environment, EcsContainer or a source_profile");
    }
    if (!EnvironmentHasCredentials(context_.env)) {
      return ConfigError("credential_source Environment: AWS_ACCESS_KEY_ID is not set");
    }
    return ProviderPtr(std::make_shared<EnvironmentProvider>(context_.env));
  }

  Result<ProviderPtr> SourceProfile(const Profile& parent, const std::string& name,
                                    std::vector<std::string>& visited) {
    const Profile* source = files_.FindProfile(name);
    if (source == nullptr) {
      return ConfigError(parent.Where("source_profile") + ": the source_profile '" + name +
                         "' does not exist; add a [profile " + name + "] or fix the name");
    }
    bool has_keys = source->Has("aws_access_key_id") || source->Has("aws_secret_access_key");
    bool seen = std::find(visited.begin(), visited.end(), name) != visited.end();
    // A profile may name itself as its source to use its own keys.
    if (seen && !(name == parent.name && has_keys)) {
      std::string loop;
      for (const std::string& step : visited) loop += step + " -> ";
      return ConfigError("source_profile loop: " + loop + name +
                         "; one of these profiles must have keys or a credential_source");
    }
    visited.push_back(name);
    Result<ProviderPtr> provider = has_keys || !HasAssumeRoleSettings(*source)
                                       ? FromProfileKeys(*source, /*use_environment=*/false)
                                       : AssumeRole(*source, visited);
    if (provider.ok() && *provider == nullptr) {
      provider = ConfigError("profile " + name + " has no credentials to be a source_profile: "
                             "give it keys, a role_arn, sso_* settings or a credential_process");
    }
    if (!provider.ok()) return InStep("source_profile " + name, provider.error());
    return provider;
  }

  const AwsConfigFiles& files_;
  const ChainContext& context_;
};

Result<aws::RetryConfig> RetryConfigFor(const Environment& env, const Profile* profile) {
  aws::RetryConfig retry;
  std::string attempts = env.GetOrEmpty("AWS_MAX_ATTEMPTS");
  Profile from_environment{"environment", {{"max_attempts", attempts}}, {{"max_attempts", "AWS_MAX_ATTEMPTS"}}};
  const Profile* source = !attempts.empty() ? &from_environment : profile;
  if (source == nullptr) return retry;
  Result<std::optional<int>> max_attempts = PositiveInteger(*source, "max_attempts");
  if (!max_attempts.ok()) return max_attempts.error();
  if (*max_attempts) retry.max_attempts = **max_attempts;
  return retry;
}

}  // namespace

Result<std::shared_ptr<aws::CredentialsProvider>> ProfileCredentialsProvider(
    const AwsConfigFiles& files, const std::string& profile_name, bool environment_first,
    const ChainContext& context) {
  return ChainBuilder(files, context).ForProfile(profile_name, environment_first);
}

Result<Session> ResolveSessionIn(const std::string& profile, ChainContext context,
                                 const std::function<ServiceCalls(const Session&)>& calls_for) {
  Result<AwsConfigFiles> files = LoadAwsConfigFiles(context.env);
  if (!files.ok()) return files.error();
  Session session;
  session.profile = SelectedProfileName(profile, context.env);
  const Profile* settings = files->FindProfile(session.profile);
  session.region = ResolveRegion(context.env, settings);
  if (session.region.empty()) session.region = "us-east-1";
  if (settings != nullptr) session.endpoint_url = ValueOr(*settings, "endpoint_url");
  Result<aws::RetryConfig> retry = RetryConfigFor(context.env, settings);
  if (!retry.ok()) return retry.error();
  session.retry = *retry;
  context.calls = calls_for(session);
  bool environment_first = profile.empty();
  Result<ProviderPtr> provider =
      ProfileCredentialsProvider(*files, session.profile, environment_first, context);
  if (!provider.ok()) return provider.error();
  if (environment_first && EnvironmentHasCredentials(context.env)) session.profile.clear();
  session.credentials = std::move(*provider);
  return session;
}

}  // namespace foyer::creds
