#include "creds/aws_profiles.h"

#include <utility>
#include <vector>

#include "creds/shell_words.h"

namespace foyer::creds {
namespace {

Profile ProfileFrom(const IniSection& section, std::string name, const std::string& path) {
  Profile profile;
  profile.name = std::move(name);
  for (const auto& [key, value] : section.values) {
    if (value.is_nested) continue;
    profile.values[key] = value.text;
    profile.origins[key] = path + ":" + std::to_string(value.line);
  }
  return profile;
}

// "[profile dev]" -> "dev", as botocore reads section names: the name
// splits into exactly two shell words and the first starts with `prefix`
// (so "[profile "my dev"]" is "my dev"). Anything else is no match.
std::optional<std::string> NameAfterPrefix(const std::string& section, std::string_view prefix) {
  if (section.rfind(prefix, 0) != 0) return std::nullopt;
  Result<std::vector<std::string>> words = SplitShellWords(section);
  if (!words.ok() || words->size() != 2) return std::nullopt;
  return (*words)[1];
}

void AddConfigFile(const IniFile& file, AwsConfigFiles& files) {
  for (const IniSection& section : file.sections) {
    std::optional<std::string> name;
    if (section.name == "default") {
      name = "default";
    } else if (section.name.rfind("sso-session", 0) == 0) {
      if (auto session = NameAfterPrefix(section.name, "sso-session")) {
        files.sso_sessions[*session] = ProfileFrom(section, *session, file.path);
      }
      continue;
    } else {
      name = NameAfterPrefix(section.name, "profile");
    }
    // A later section for the same profile replaces an earlier one whole
    // ([default] then [profile default]), as in the CLI.
    if (name) files.config_profiles[*name] = ProfileFrom(section, *name, file.path);
  }
}

}  // namespace

const std::string* Profile::Find(std::string_view key) const {
  auto it = values.find(std::string(key));
  return it == values.end() ? nullptr : &it->second;
}

std::string Profile::Where(std::string_view key) const {
  auto it = origins.find(std::string(key));
  return it == origins.end() ? "profile " + name : it->second;
}

const Profile* AwsConfigFiles::FindProfile(std::string_view name) const {
  auto it = profiles.find(std::string(name));
  return it == profiles.end() ? nullptr : &it->second;
}

const Profile* AwsConfigFiles::FindSsoSession(std::string_view name) const {
  auto it = sso_sessions.find(std::string(name));
  return it == sso_sessions.end() ? nullptr : &it->second;
}

AwsConfigFiles BuildAwsConfigFiles(const std::optional<IniFile>& config,
                                   const std::optional<IniFile>& credentials) {
  AwsConfigFiles files;
  if (config) {
    files.config_path = config->path;
    AddConfigFile(*config, files);
  }
  files.profiles = files.config_profiles;
  if (credentials) {
    files.credentials_path = credentials->path;
    for (const IniSection& section : credentials->sections) {
      Profile profile = ProfileFrom(section, section.name, credentials->path);
      Profile& merged = files.profiles[section.name];
      merged.name = section.name;
      for (const auto& [key, value] : profile.values) {
        merged.values[key] = value;
        merged.origins[key] = profile.origins[key];
      }
      files.credentials_profiles[section.name] = std::move(profile);
    }
  }
  return files;
}

Result<AwsConfigFiles> LoadAwsConfigFiles(const Environment& env) {
  std::string config_path = env.ExpandUser(env.Get("AWS_CONFIG_FILE").value_or("~/.aws/config"));
  std::string credentials_path =
      env.ExpandUser(env.Get("AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"));
  Result<std::optional<IniFile>> config = ReadIniFile(config_path);
  if (!config.ok()) return config.error();
  Result<std::optional<IniFile>> credentials = ReadIniFile(credentials_path);
  if (!credentials.ok()) return credentials.error();
  AwsConfigFiles files = BuildAwsConfigFiles(*config, *credentials);
  files.config_path = config_path;
  files.credentials_path = credentials_path;
  return files;
}

std::string SelectedProfileName(const std::string& requested, const Environment& env) {
  if (!requested.empty()) return requested;
  for (const char* variable : {"AWS_DEFAULT_PROFILE", "AWS_PROFILE"}) {
    std::string name = env.GetOrEmpty(variable);
    if (!name.empty()) return name;
  }
  return "default";
}

std::string ResolveRegion(const Environment& env, const Profile* profile) {
  for (const char* variable : {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
    std::string region = env.GetOrEmpty(variable);
    if (!region.empty()) return region;
  }
  if (profile != nullptr) {
    if (const std::string* region = profile->Find("region")) return *region;
  }
  return "";
}

}  // namespace foyer::creds
