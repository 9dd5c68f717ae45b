// Resource families: each kind of thing foyer manages plans its own
// changes, from the spec and from what it reads of the live organization.
//
// The planner (planner.h) runs the families in a fixed order, each one
// appending to the same plan; a later family may make its changes depend on
// changes an earlier one added (roles depend on the accounts they live in;
// the SCP neutering OrganizationAccountAccessRole depends on every role).
#ifndef FOYER_ORG_RESOURCE_FAMILY_H_
#define FOYER_ORG_RESOURCE_FAMILY_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aws/client_config.h"
#include "base/result.h"
#include "org/live_organization.h"
#include "org/naming.h"
#include "org/plan.h"
#include "spec/spec.h"

namespace foyer::org {

// Administrative access inside the accounts of the organization.
class AccountAccess {
 public:
  virtual ~AccountAccess() = default;
  // A client configuration acting with administrative rights inside
  // `account_id`, in `region`: the caller's own credentials when it is that
  // account, else an assumed role there (OrganizationAccountAccessRole
  // during bootstrap from management, foyer/Administrator or
  // foyer/OrganizationAdministrator afterwards). Sessions are reused.
  virtual Result<aws::ClientConfig> ConfigIn(const std::string& account_id,
                                             const std::string& region) = 0;
};

// What a family plans from.
struct PlanContext {
  const spec::Spec& spec;
  // The accounts the spec asks for (management excluded).
  const std::vector<DesiredAccount>& accounts;
  const LiveOrganization& live;
  // Desired account name -> live account id, for the accounts that exist
  // (matched by tags, or adopted). "management" maps to the management id.
  std::map<std::string, std::string> account_ids;
  std::string partition = "aws";
  // Reads inside live accounts, in parallel up to this many at once.
  int concurrency = 8;
  AccountAccess& access;
  // --allow-delete: without it, families never plan a deletion; they add a
  // plan note saying what would be deleted and how to allow it.
  bool allow_delete = false;

  // The live id of the desired account `name`, or nullopt when it does not
  // exist yet (its contents are then planned as creations, unread).
  std::optional<std::string> LiveAccountId(std::string_view name) const;
  const std::string& ManagementAccountId() const {
    return spec.organization.management_account_id.value;
  }
  const std::string& DefaultRegion() const;
};

// What a change can use while it is applied.
class ApplyContext {
 public:
  virtual ~ApplyContext() = default;
  // The id of account `name`: known from discovery, or recorded by the
  // change that created it during this apply.
  virtual Result<std::string> AccountId(const std::string& name) = 0;
  virtual void RecordAccountId(const std::string& name, const std::string& id) = 0;
  // The organization's id (o-...), once it exists; for aws:ResourceOrgID.
  virtual Result<std::string> OrganizationId() = 0;
  virtual AccountAccess& access() = 0;
  // Runs one mutating AWS call, recorded in the apply journal before it is
  // sent and after it returns. `operation` is "service:Action", `target`
  // what it acts on ("role payments-production/foyer/Administrator").
  // `call` returns an id of what it made ("" when nothing), kept in the
  // journal.
  virtual Result<std::string> Journaled(const std::string& operation, const std::string& target,
                                        const std::function<Result<std::string>()>& call) = 0;
  // Shown next to the change in the progress display ("polling creation").
  virtual void Progress(const std::string& message) = 0;
};

class ResourceFamily {
 public:
  virtual ~ResourceFamily() = default;
  // A short name for errors and progress: "organization", "roles".
  virtual std::string_view Name() const = 0;
  // Reads the live state of this family's resources and appends the
  // changes that converge them to `plan`. Reading only: never mutates AWS.
  virtual Status AddChanges(const PlanContext& context, Plan& plan) = 0;
};

}  // namespace foyer::org

#endif  // FOYER_ORG_RESOURCE_FAMILY_H_
