#include "org/live_account_access.h"

#include <chrono>
#include <optional>
#include <utility>

#include "base/error.h"

namespace foyer::org {
namespace {

constexpr char kSessionName[] = "foyer-apply";
// Renew an assumed session this long before it expires.
constexpr std::chrono::minutes kRenewBefore{5};

// A role session in one account, assumed on first use and again when it
// nears expiry. Shared by every client acting in that account, from any
// thread.
class AdministrativeSession : public aws::CredentialsProvider {
 public:
  AdministrativeSession(aws::ClientConfig caller, std::string role_arn, std::string caller_arn)
      : caller_(std::move(caller)), role_arn_(std::move(role_arn)), caller_arn_(std::move(caller_arn)) {}

  Result<aws::Credentials> Retrieve() override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (credentials_ && !credentials_->ExpiresWithin(kRenewBefore)) return *credentials_;
    aws::StsClient sts(caller_);
    aws::AssumeRoleRequest request;
    request.role_arn = role_arn_;
    request.role_session_name = kSessionName;
    auto assumed = sts.AssumeRole(request);
    if (!assumed.ok()) {
      Error error = assumed.error();
      error.message = "could not assume " + role_arn_ + " as " + caller_arn_ + ": " + error.message +
                      "; the first apply runs with management-account credentials, later ones from "
                      "an admin landing session of a group granted Administrator and "
                      "OrganizationAdministrator";
      return error;
    }
    assumed->credentials.source = "assume-role " + role_arn_;
    credentials_ = assumed->credentials;
    return *credentials_;
  }

 private:
  aws::ClientConfig caller_;
  std::string role_arn_;
  std::string caller_arn_;
  std::mutex mutex_;
  std::optional<aws::Credentials> credentials_;
};

}  // namespace

std::string AdministrativeRoleArn(const std::string& partition, const std::string& caller_account,
                                  const std::string& management_id, const std::string& account_id) {
  if (account_id == caller_account) return "";
  std::string prefix = "arn:" + partition + ":iam::" + account_id + ":role/";
  if (account_id == management_id) return prefix + "foyer/OrganizationAdministrator";
  if (caller_account == management_id) return prefix + "OrganizationAccountAccessRole";
  return prefix + "foyer/Administrator";
}

LiveAccountAccess::LiveAccountAccess(aws::ClientConfig caller, aws::CallerIdentity identity,
                                     std::string management_id, std::string partition)
    : caller_(std::move(caller)),
      identity_(std::move(identity)),
      management_id_(std::move(management_id)),
      partition_(std::move(partition)) {}

Result<aws::ClientConfig> LiveAccountAccess::ConfigIn(const std::string& account_id,
                                                      const std::string& region) {
  aws::ClientConfig config = caller_;
  config.region = region;
  std::string role = AdministrativeRoleArn(partition_, identity_.account, management_id_, account_id);
  if (role.empty()) return config;
  std::lock_guard<std::mutex> lock(mutex_);
  auto& session = sessions_[account_id];
  if (!session) session = std::make_shared<AdministrativeSession>(caller_, role, identity_.arn);
  config.credentials = session;
  return config;
}

}  // namespace foyer::org
