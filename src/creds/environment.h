// The environment variables the credential chain reads, behind a lookup
// function so that tests give each case its own environment instead of
// changing the process's.
#ifndef FOYER_CREDS_ENVIRONMENT_H_
#define FOYER_CREDS_ENVIRONMENT_H_

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace foyer::creds {

class Environment {
 public:
  using Lookup = std::function<std::optional<std::string>(const std::string& name)>;

  explicit Environment(Lookup lookup) : lookup_(std::move(lookup)) {}

  // The variables of this process.
  static Environment Process();
  // Exactly these variables and no others.
  static Environment FromMap(std::map<std::string, std::string> variables);

  std::optional<std::string> Get(const std::string& name) const { return lookup_(name); }
  // The value, or "" when unset: the AWS tools treat both alike.
  std::string GetOrEmpty(const std::string& name) const { return Get(name).value_or(""); }

  // `path` with a leading "~" or "~/" replaced by the home directory (HOME,
  // else the password database), as the CLI expands file settings.
  std::string ExpandUser(const std::string& path) const;

 private:
  Lookup lookup_;
};

}  // namespace foyer::creds

#endif  // FOYER_CREDS_ENVIRONMENT_H_
