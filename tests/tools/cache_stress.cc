// foyer_cache_stress: one process asking the credential cache for a key, as
// `foyer credential-process` does, with a fake fetch that leaves a trace.
//
// The fetch appends "<key> <pid>" to the counter file and sleeps, so that
// processes started together overlap it; it returns credentials whose
// access key id names this process. The process prints the access key id it
// got. Many of these started at once must print the same id and leave one
// line per refresh in the counter file.
//
// The state folder is the default one (XDG_STATE_HOME). With --wait-for, the
// process first waits for that file to exist, so that a test can release
// fifty processes at the same moment.
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "store/credential_cache.h"
#include "store/state_dir.h"

namespace {

struct Flags {
  std::string key;
  std::string counter_file;
  std::string wait_for;
  int sleep_ms = 200;
  int lifetime_s = 3600;
  int window_s = 300;
  int lock_timeout_ms = 60000;
};

foyer::Status AppendLine(const std::string& path, const std::string& line) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return foyer::MakeError("StressError", "cannot open " + path);
  // O_APPEND writes of one short line land whole, whatever other processes do.
  bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) return foyer::MakeError("StressError", "cannot write " + path);
  return foyer::OkStatus();
}

foyer::Result<foyer::store::CachedCredentials> FakeFetch(const Flags& flags) {
  FOYER_RETURN_IF_ERROR(AppendLine(flags.counter_file, fmt::format("{} {}\n", flags.key, ::getpid())));
  std::this_thread::sleep_for(std::chrono::milliseconds(flags.sleep_ms));
  foyer::store::CachedCredentials fetched;
  fetched.credentials.access_key_id =
      fmt::format("ASIASTRESS{}X{:08X}", ::getpid(), std::random_device()());
  fetched.credentials.secret_access_key = "stress-secret-" + fetched.credentials.access_key_id;
  fetched.credentials.session_token = "stress-token";
  fetched.credentials.expiration =
      std::chrono::system_clock::now() + std::chrono::seconds(flags.lifetime_s);
  fetched.credentials.source = "cache stress";
  fetched.source_identity = "stress";
  return fetched;
}

int Run(const Flags& flags) {
  while (!flags.wait_for.empty() && !std::filesystem::exists(flags.wait_for)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  auto state = foyer::store::StateDir::OpenDefault();
  if (!state.ok()) {
    std::fprintf(stderr, "foyer_cache_stress: %s\n", state.error().Describe().c_str());
    return 1;
  }
  auto cache = foyer::store::CredentialCache::Open(*state);
  if (!cache.ok()) {
    std::fprintf(stderr, "foyer_cache_stress: %s\n", cache.error().Describe().c_str());
    return 1;
  }
  foyer::store::FetchOptions options;
  options.lock_timeout = std::chrono::milliseconds(flags.lock_timeout_ms);
  auto got = cache->GetOrFetch(flags.key, std::chrono::seconds(flags.window_s),
                               [&flags] { return FakeFetch(flags); }, options);
  if (!got.ok()) {
    std::fprintf(stderr, "foyer_cache_stress: %s\n", got.error().Describe().c_str());
    return 1;
  }
  std::printf("%s\n", got->credentials.access_key_id.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  CLI::App app("Asks the credential cache for one key with a counting fake fetch.");
  app.add_option("--key", flags.key, "cache key")->required();
  app.add_option("--counter", flags.counter_file, "file the fetch appends a line to")->required();
  app.add_option("--wait-for", flags.wait_for, "start once this file exists");
  app.add_option("--sleep-ms", flags.sleep_ms, "how long the fetch takes");
  app.add_option("--lifetime-s", flags.lifetime_s, "lifetime of fetched credentials (may be negative)");
  app.add_option("--window-s", flags.window_s, "refresh window");
  app.add_option("--lock-timeout-ms", flags.lock_timeout_ms, "how long to wait for the lock");
  CLI11_PARSE(app, argc, argv);
  return Run(flags);
}
