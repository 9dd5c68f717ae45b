#include "org/account_creation.h"

#include <chrono>
#include <optional>

#include "base/error.h"
#include "base/poll.h"
#include "org/account_matching.h"

namespace foyer::org {
namespace {

// 1 s doubling to 15 s. AWS documents account creation as taking minutes;
// an hour means stuck.
const PollSchedule kCreationSchedule{std::chrono::seconds(1), std::chrono::seconds(15), std::chrono::hours(1), {}};

// An account of the organization with `want`'s root email, made by an
// earlier attempt.
Result<std::optional<std::string>> ExistingAccount(aws::OrganizationsClient& organizations,
                                                   const DesiredAccount& want) {
  auto accounts = organizations.ListAccounts();
  if (!accounts.ok()) return accounts.error();
  for (const aws::Account& account : *accounts) {
    if (SameRootEmail(account.email, want.email)) return std::optional<std::string>(account.id);
  }
  return std::optional<std::string>();
}

// A creation request for `want` still in progress.
Result<std::optional<std::string>> PendingCreation(aws::OrganizationsClient& organizations,
                                                   const DesiredAccount& want) {
  auto pending = organizations.ListCreateAccountStatus({"IN_PROGRESS"});
  if (!pending.ok()) return pending.error();
  for (const aws::CreateAccountStatus& status : *pending) {
    if (status.account_name == want.name) return std::optional<std::string>(status.id);
  }
  return std::optional<std::string>();
}

Result<std::string> SendCreateAccount(aws::OrganizationsClient& organizations,
                                      const DesiredAccount& want, ApplyContext& context) {
  return context.Journaled("organizations:CreateAccount", "account " + want.name,
                           [&]() -> Result<std::string> {
                             aws::CreateAccountRequest request;
                             request.email = want.email;
                             request.account_name = want.name;
                             request.iam_user_access_to_billing = "DENY";
                             request.tags.assign(want.tags.begin(), want.tags.end());
                             auto status = organizations.CreateAccount(request);
                             if (!status.ok()) return status.error();
                             return status->id;
                           });
}

Result<std::string> AwaitCreation(aws::OrganizationsClient& organizations,
                                  const std::string& request_id, const DesiredAccount& want,
                                  ApplyContext& context) {
  using std::chrono::milliseconds;
  return PollWithBackoff<std::string>(
      kCreationSchedule,
      [&](milliseconds waited) -> Result<std::optional<std::string>> {
        auto status = organizations.DescribeCreateAccountStatus(request_id);
        if (!status.ok()) return status.error();
        if (status->state == "SUCCEEDED") return std::optional<std::string>(status->account_id);
        if (status->state == "FAILED") {
          return MakeError("AccountCreationFailed",
                           "creating account " + want.name + " failed (" + status->failure_reason +
                               "): " + CreationFailureAdvice(status->failure_reason, want));
        }
        auto seconds = std::chrono::duration_cast<std::chrono::seconds>(waited);
        context.Progress("creating, " + status->state + " for " + std::to_string(seconds.count()) + "s");
        return std::optional<std::string>();
      },
      [&](milliseconds) {
        return MakeError("AccountCreationStuck",
                         "account " + want.name + " is still being created after an hour (request " +
                             request_id + "); run `foyer apply` again later, it will wait for the " +
                             "same request rather than create another account");
      });
}

}  // namespace

std::string CreationFailureAdvice(const std::string& reason, const DesiredAccount& want) {
  if (reason == "EMAIL_ALREADY_EXISTS") {
    return "the root email " + want.email +
           " already belongs to another AWS account; if that account is yours, invite it into " +
           "the organization and run `foyer apply --adopt <its id>`, else change `email` in " +
           "[organization]";
  }
  if (reason == "ACCOUNT_LIMIT_EXCEEDED") {
    return "the organization has reached its account quota; ask AWS Support to raise it, then "
           "run `foyer apply` again";
  }
  if (reason == "CONCURRENT_ACCOUNT_MODIFICATION") {
    return "another change to the organization was under way; run `foyer apply` again";
  }
  if (reason == "INVALID_EMAIL") {
    return "AWS refuses the root email " + want.email + "; fix `email` in [organization]";
  }
  return "see the Organizations console for the request, then run `foyer apply` again";
}

Result<std::string> CreateOrLocateAccount(aws::OrganizationsClient& organizations,
                                          const DesiredAccount& want, ApplyContext& context) {
  auto existing = ExistingAccount(organizations, want);
  if (!existing.ok()) return existing.error();
  if (existing->has_value()) return **existing;
  auto pending = PendingCreation(organizations, want);
  if (!pending.ok()) return pending.error();
  std::string request_id;
  if (pending->has_value()) {
    request_id = **pending;
  } else {
    auto sent = SendCreateAccount(organizations, want, context);
    if (!sent.ok()) return sent.error();
    request_id = *sent;
  }
  return AwaitCreation(organizations, request_id, want, context);
}

}  // namespace foyer::org
