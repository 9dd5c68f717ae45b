#include "creds/process_provider.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <utility>

#include "base/time_format.h"
#include "creds/refreshing_provider.h"
#include "creds/run_process.h"
#include "creds/shell_words.h"

namespace foyer::creds {
namespace {

constexpr size_t kMaxStderrShown = 2000;

Error ProcessError(const std::string& what) {
  return MakeError("CredentialProcessError", "credential_process " + what);
}

Result<std::string> RequiredString(const nlohmann::json& output, const char* key) {
  auto it = output.find(key);
  if (it == output.end() || !it->is_string() || it->get<std::string>().empty()) {
    return ProcessError(std::string("printed JSON without a non-empty string \"") + key +
                        "\"; the program must print the Version 1 format");
  }
  return it->get<std::string>();
}

Result<aws::Credentials> RunAndParse(const std::string& command, const ChainContext& context) {
  Result<std::vector<std::string>> argv = SplitShellWords(command);
  if (!argv.ok()) return ProcessError("cannot be split into words: " + argv.error().message);
  if (argv->empty()) return ProcessError("is empty; set it to the command that prints credentials");
  Result<ProcessOutput> run = RunProcess(*argv);
  if (!run.ok()) return ProcessError("could not start: " + run.error().message);
  if (run->exit_status != 0) {
    std::string err = run->err.substr(0, kMaxStderrShown);
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    return ProcessError("exited with status " + std::to_string(run->exit_status) +
                        (err.empty() ? std::string() : ": " + err));
  }
  return ParseCredentialProcessOutput(run->out, context.now());
}

}  // namespace

Result<aws::Credentials> ParseCredentialProcessOutput(std::string_view out, aws::Clock::time_point now) {
  nlohmann::json output = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (output.is_discarded() || !output.is_object()) {
    return ProcessError("printed something that is not a JSON object; it must print the Version 1 "
                        "credentials JSON on stdout and nothing else");
  }
  auto version = output.find("Version");
  if (version == output.end() || !version->is_number_integer() || version->get<int64_t>() != 1) {
    return ProcessError("printed an unsupported \"Version\"; the only supported version is 1");
  }
  aws::Credentials credentials;
  credentials.source = "credential_process";
  Result<std::string> access_key = RequiredString(output, "AccessKeyId");
  if (!access_key.ok()) return access_key.error();
  Result<std::string> secret_key = RequiredString(output, "SecretAccessKey");
  if (!secret_key.ok()) return secret_key.error();
  credentials.access_key_id = *access_key;
  credentials.secret_access_key = *secret_key;
  if (auto token = output.find("SessionToken"); token != output.end() && token->is_string()) {
    credentials.session_token = token->get<std::string>();
  }
  auto expiration = output.find("Expiration");
  if (expiration != output.end() && !expiration->is_null()) {
    std::optional<SystemTime> when;
    if (expiration->is_string()) {
      Result<SystemTime> parsed = ParseIso8601(expiration->get<std::string>());
      if (parsed.ok()) when = *parsed;
    }
    if (!when) {
      return ProcessError("printed an \"Expiration\" that is not an RFC 3339 time such as "
                          "2026-11-27T23:49:27Z");
    }
    if (*when <= now) {
      return ProcessError("printed credentials that expired at " + FormatRfc3339(*when) +
                          "; the program must print fresh ones");
    }
    credentials.expiration = *when;
  }
  return credentials;
}

std::shared_ptr<aws::CredentialsProvider> MakeProcessProvider(std::string command,
                                                              const ChainContext& context) {
  auto fetch = [command = std::move(command), context] { return RunAndParse(command, context); };
  return std::make_shared<RefreshingProvider>(std::move(fetch), context.now);
}

}  // namespace foyer::creds
