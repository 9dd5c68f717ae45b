// AccountAccess against the real organization: how `plan` and `apply` act
// inside each account.
//
// The first apply runs with management-account credentials and reaches the
// members through OrganizationAccountAccessRole, which AWS creates in every
// account it makes. Every later run starts in the admin account like a
// person does (DESIGN.md section 1) and moves on through foyer's own roles:
// foyer/Administrator in members, foyer/OrganizationAdministrator in
// management. Assumed sessions are kept and renewed before they expire, so a
// long apply never runs on expired credentials.
#ifndef FOYER_ORG_LIVE_ACCOUNT_ACCESS_H_
#define FOYER_ORG_LIVE_ACCOUNT_ACCESS_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "aws/client_config.h"
#include "aws/sts.h"
#include "org/resource_family.h"

namespace foyer::org {

// The role `caller_account` assumes to administer `account_id`; empty when
// it is the caller's own account.
std::string AdministrativeRoleArn(const std::string& partition, const std::string& caller_account,
                                  const std::string& management_id, const std::string& account_id);

class LiveAccountAccess : public AccountAccess {
 public:
  // `caller`: how to reach AWS as the credentials apply runs with;
  // `identity`: who they are (sts:GetCallerIdentity).
  LiveAccountAccess(aws::ClientConfig caller, aws::CallerIdentity identity, std::string management_id,
                    std::string partition);

  Result<aws::ClientConfig> ConfigIn(const std::string& account_id, const std::string& region) override;

  const aws::CallerIdentity& caller() const { return identity_; }

 private:
  aws::ClientConfig caller_;
  aws::CallerIdentity identity_;
  std::string management_id_;
  std::string partition_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<aws::CredentialsProvider>> sessions_;
};

}  // namespace foyer::org

#endif  // FOYER_ORG_LIVE_ACCOUNT_ACCESS_H_
