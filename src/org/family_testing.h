// Test doubles for resource families (resource_family.h): an AccountAccess
// whose every account answers through one fake transport, and an
// ApplyContext that records the journaled operations. Shared by the family
// tests of every layer.
#ifndef FOYER_ORG_FAMILY_TESTING_H_
#define FOYER_ORG_FAMILY_TESTING_H_

#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "aws/fake_transport.h"
#include "org/resource_family.h"

namespace foyer::org::testing {

class FakeAccountAccess : public AccountAccess {
 public:
  explicit FakeAccountAccess(std::shared_ptr<aws::FakeTransport> transport) : transport_(std::move(transport)) {}

  Result<aws::ClientConfig> ConfigIn(const std::string& account_id, const std::string& region) override {
    accounts.push_back(account_id);
    places.push_back(account_id + " " + region);
    aws::ClientConfig config = aws::FakeConfig(transport_);
    config.region = region;
    return config;
  }

  std::vector<std::string> accounts;  // every account asked for, in order
  std::vector<std::string> places;    // the same as "<account id> <region>"

 private:
  std::shared_ptr<aws::FakeTransport> transport_;
};

class RecordingApplyContext : public ApplyContext {
 public:
  // AccountId answers `account_id` for every name, or the name itself when
  // it is empty. access() aborts when `access` is null.
  explicit RecordingApplyContext(AccountAccess* access = nullptr, std::string account_id = "")
      : access_(access), account_id_(std::move(account_id)) {}

  Result<std::string> AccountId(const std::string& name) override {
    return account_id_.empty() ? name : account_id_;
  }
  void RecordAccountId(const std::string&, const std::string&) override {}
  Result<std::string> OrganizationId() override { return std::string("o-abc"); }
  AccountAccess& access() override {
    if (access_ == nullptr) std::abort();
    return *access_;
  }
  Result<std::string> Journaled(const std::string& operation, const std::string& target,
                                const std::function<Result<std::string>()>& call) override {
    operations.push_back(operation + " " + target);
    return call();
  }
  void Progress(const std::string&) override {}

  std::vector<std::string> operations;  // "<operation> <target>", in order

 private:
  AccountAccess* access_;
  std::string account_id_;
};

}  // namespace foyer::org::testing

#endif  // FOYER_ORG_FAMILY_TESTING_H_
