// The profiles of the AWS config and credentials files, merged the way the
// AWS CLI merges them.
//
//   config file (AWS_CONFIG_FILE, default ~/.aws/config):
//     [default], [profile NAME], [sso-session NAME]; other sections ignored
//   credentials file (AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/credentials):
//     [NAME] (no "profile " prefix; "[profile x]" there is a profile named
//     "profile x")
//
// A profile named in both files has the keys of both; for a key set in
// both, the credentials file wins.
#ifndef FOYER_CREDS_AWS_PROFILES_H_
#define FOYER_CREDS_AWS_PROFILES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "creds/environment.h"
#include "creds/ini_file.h"

namespace foyer::creds {

struct Profile {
  std::string name;
  // Flat settings; nested sub-sections (such as "s3 =") are not credentials
  // settings and are left out.
  std::map<std::string, std::string> values;
  // "PATH:LINE" where each key was written, for messages.
  std::map<std::string, std::string> origins;

  const std::string* Find(std::string_view key) const;
  bool Has(std::string_view key) const { return Find(key) != nullptr; }
  // "PATH:LINE" of `key`, or "profile NAME" when it is not set.
  std::string Where(std::string_view key) const;
};

struct AwsConfigFiles {
  std::string config_path;
  std::string credentials_path;
  // Every profile, the two files merged.
  std::map<std::string, Profile> profiles;
  // Each file on its own: static keys are looked up in the credentials file
  // before the config file, whatever else the merged profile holds.
  std::map<std::string, Profile> config_profiles;
  std::map<std::string, Profile> credentials_profiles;
  std::map<std::string, Profile> sso_sessions;

  const Profile* FindProfile(std::string_view name) const;
  const Profile* FindSsoSession(std::string_view name) const;
};

// The files' contents put together; either file may be absent.
AwsConfigFiles BuildAwsConfigFiles(const std::optional<IniFile>& config,
                                   const std::optional<IniFile>& credentials);

// Reads both files from where the environment says (AWS_CONFIG_FILE,
// AWS_SHARED_CREDENTIALS_FILE, else under ~/.aws). Missing files are empty;
// malformed ones are errors naming file and line.
Result<AwsConfigFiles> LoadAwsConfigFiles(const Environment& env);

// The profile to use: `requested` when not empty, else AWS_DEFAULT_PROFILE,
// else AWS_PROFILE (the CLI reads them in that order), else "default".
std::string SelectedProfileName(const std::string& requested, const Environment& env);

// AWS_REGION, else AWS_DEFAULT_REGION, else the profile's region, else "".
std::string ResolveRegion(const Environment& env, const Profile* profile);

}  // namespace foyer::creds

#endif  // FOYER_CREDS_AWS_PROFILES_H_
