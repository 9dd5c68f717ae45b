#include "access/config_sync.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "login/client_config.h"
#include "org/naming.h"
#include "store/inventory_cache.h"
#include "store/state_dir.h"

namespace foyer::access {
namespace {

Error FileError(const std::string& what, const std::string& path) {
  return MakeError("ConfigFileError", what + " " + path + ": " + std::strerror(errno));
}

// The file's text, "" when it does not exist.
Result<std::string> ReadIfPresent(const std::string& path, mode_t& mode) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::string();
    return FileError("could not read", path);
  }
  struct stat info {};
  ::fstat(fd, &info);
  mode = info.st_mode & 07777;
  std::string text;
  char buffer[65536];
  ssize_t got;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) text.append(buffer, static_cast<size_t>(got));
  int read_errno = errno;
  ::close(fd);
  if (got < 0) {
    errno = read_errno;
    return FileError("could not read", path);
  }
  return text;
}

// Replaces `path` so that readers see the old file or the new one, never a
// mix: a temp file beside it, written, synced, given `mode`, renamed over.
Status WriteAtomically(const std::string& path, const std::string& text, mode_t mode) {
  std::string temp = path + ".foyer-tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return FileError("could not create", temp);
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) break;
    written += static_cast<size_t>(n);
  }
  bool ok = written == text.size() && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    Error error = FileError("could not write", path);
    ::unlink(temp.c_str());
    return error;
  }
  return OkStatus();
}

std::optional<store::Inventory> CachedInventory(const login::OrgAccess& org) {
  if (org.management_account_id.empty()) return std::nullopt;
  auto state = store::StateDir::OpenDefault();
  if (!state.ok()) return std::nullopt;
  auto inventories = store::InventoryCache::Open(*state);
  if (!inventories.ok()) return std::nullopt;
  auto loaded = inventories->Load(org.management_account_id);
  return loaded.ok() ? std::move(*loaded) : std::nullopt;
}

bool InInventory(const store::Inventory& inventory, const std::string& name) {
  for (const auto& account : inventory.accounts) {
    if (account.name == name) return true;
  }
  return false;
}

Error UsageError(std::string message) {
  Error error = MakeError("ConfigError", std::move(message));
  error.exit_code = ExitCode::kUsage;
  return error;
}

}  // namespace

std::string AwsConfigPath(const creds::Environment& env) {
  return env.ExpandUser(env.Get("AWS_CONFIG_FILE").value_or("~/.aws/config"));
}

Result<ConfigSyncReport> SyncAwsConfig(const ConfigSyncOptions& options, const creds::Environment& env) {
  auto config = login::LoadClientConfig(login::ClientConfigPath());
  if (!config.ok()) return config.error();
  auto selected = config->Select(options.org);
  if (!selected.ok()) return selected.error();
  const login::OrgAccess& org = **selected;
  std::string group = options.group.empty() ? org.default_group : options.group;
  if (org.grants.empty()) {
    return UsageError("organization '" + org.name + "' has no grants recorded: run `foyer configure --org " +
                      org.name + " --from foyer.toml` first");
  }
  auto granted = org.grants.find(group);
  if (granted == org.grants.end()) {
    return UsageError("group '" + group + "' is granted nothing in organization '" + org.name + "'");
  }

  ConfigSyncReport report;
  std::optional<store::Inventory> inventory = CachedInventory(org);
  report.without_inventory = !inventory;
  std::vector<ManagedProfile> wanted;
  for (const auto& [account, roles] : granted->second) {
    if (inventory && account != org::kManagementAccountName && !InInventory(*inventory, account)) {
      report.missing_accounts.push_back(account);
      continue;
    }
    for (const auto& role : roles) {
      wanted.push_back({account + "." + role, CredentialProcessCommand(options.foyer_path, account, role),
                        org.regions.front()});
    }
  }

  report.config_path = AwsConfigPath(env);
  mode_t mode = 0600;
  auto existing = ReadIfPresent(report.config_path, mode);
  if (!existing.ok()) return existing.error();
  auto synced = SyncManagedBlock(*existing, wanted, options.prune);
  if (!synced.ok()) {
    Error error = synced.error();
    error.message = report.config_path + ": " + error.message;
    return error;
  }
  for (const auto& profile : wanted) {
    if (std::find(synced->shadowed.begin(), synced->shadowed.end(), profile.name) == synced->shadowed.end()) {
      report.profiles.push_back(profile.name);
    }
  }
  for (const auto& stale : synced->stale) report.profiles.push_back(stale);
  report.changed = synced->text != *existing;
  if (report.changed) {
    std::filesystem::path folder = std::filesystem::path(report.config_path).parent_path();
    std::error_code ignored;
    if (!folder.empty() && !std::filesystem::exists(folder, ignored)) {
      std::filesystem::create_directories(folder, ignored);
      ::chmod(folder.c_str(), 0700);
    }
    if (!existing->empty()) {
      report.backup_path = report.config_path + ".foyer-backup";
      if (Status saved = WriteAtomically(report.backup_path, *existing, mode); !saved.ok()) return saved.error();
    }
    if (Status saved = WriteAtomically(report.config_path, synced->text, mode); !saved.ok()) return saved.error();
  }
  synced->text.clear();
  report.outcome = std::move(*synced);
  return report;
}

}  // namespace foyer::access
