#include "creds/assume_role_provider.h"

#include <utility>

#include "creds/refreshing_provider.h"

namespace foyer::creds {
namespace {

Result<aws::Credentials> AssumeOnce(aws::CredentialsProvider& source,
                                    const AssumeRoleSettings& settings,
                                    const ChainContext& context) {
  Result<aws::Credentials> source_credentials = source.Retrieve();
  if (!source_credentials.ok()) return InStep(settings.source_step, source_credentials.error());

  aws::AssumeRoleRequest request;
  request.role_arn = settings.role_arn;
  request.role_session_name = settings.role_session_name.empty()
                                  ? DefaultRoleSessionName(context.now())
                                  : settings.role_session_name;
  request.duration_seconds = settings.duration_seconds;
  request.external_id = settings.external_id;
  request.source_identity = settings.source_identity;
  if (!settings.mfa_serial.empty()) {
    Result<std::string> code = context.read_mfa_code(settings.mfa_serial);
    if (!code.ok()) return InStep("assume role " + settings.role_arn, code.error());
    request.serial_number = settings.mfa_serial;
    request.token_code = *code;
  }
  Result<aws::AssumedRole> assumed = context.calls.assume_role(*source_credentials, request);
  if (!assumed.ok()) return InStep("assume role " + settings.role_arn, assumed.error());
  aws::Credentials credentials = assumed->credentials;
  credentials.source = "assume-role " + assumed->assumed_role_arn;
  return credentials;
}

}  // namespace

std::string DefaultRoleSessionName(aws::Clock::time_point now) {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  return "botocore-session-" + std::to_string(seconds.count());
}

std::shared_ptr<aws::CredentialsProvider> MakeAssumeRoleProvider(
    std::shared_ptr<aws::CredentialsProvider> source, AssumeRoleSettings settings,
    const ChainContext& context) {
  auto fetch = [source = std::move(source), settings = std::move(settings), context] {
    return AssumeOnce(*source, settings, context);
  };
  return std::make_shared<RefreshingProvider>(std::move(fetch), context.now);
}

}  // namespace foyer::creds
