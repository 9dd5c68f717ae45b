#include "creds/environment.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <utility>

namespace foyer::creds {

Environment Environment::Process() {
  return Environment([](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  });
}

Environment Environment::FromMap(std::map<std::string, std::string> variables) {
  return Environment([variables = std::move(variables)](const std::string& name)
                         -> std::optional<std::string> {
    auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  });
}

std::string Environment::ExpandUser(const std::string& path) const {
  if (path.empty() || path[0] != '~' || (path.size() > 1 && path[1] != '/')) return path;
  std::string home = GetOrEmpty("HOME");
  if (home.empty()) {
    const passwd* entry = getpwuid(getuid());
    if (entry == nullptr || entry->pw_dir == nullptr) return path;
    home = entry->pw_dir;
  }
  return home + path.substr(1);
}

}  // namespace foyer::creds
