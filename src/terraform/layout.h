// Which root modules an organization gets, and where.
//
//   root-modules/<domain>/<environment>/<quality>/{global,<region>}/
//       one per service account
//   root-modules/special/<audit|deploy name>/{global,<region>}/
//       the audit and deploy accounts
//   modules/<domain>/{global,regional}/, modules/special/<name>/{global,regional}/
//       the shared modules those root modules call
//
// The admin account gets none: it holds only what people need to get in
// and move on (rule S3), all of it managed by `foyer apply`. The management
// account gets none either (rule S2).
#ifndef FOYER_TERRAFORM_LAYOUT_H_
#define FOYER_TERRAFORM_LAYOUT_H_

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "org/naming.h"
#include "spec/spec.h"
#include "store/inventory_cache.h"
#include "terraform/root_module.h"

namespace foyer::terraform {

// The folder below root-modules/ and modules/ holding the special accounts.
inline constexpr const char* kSpecialFolder = "special";

struct Layout {
  std::vector<RootModule> modules;
  // The shared module folders the root modules call, each once, in order.
  std::vector<std::string> shared_modules;
  // Accounts the spec asks for that do not exist yet (`foyer apply` has not
  // created them): they get no root module until they do.
  std::vector<std::string> missing_accounts;
};

// Desired account name -> live id, matched by the foyer:* tags (never by
// name): kind, and domain, environment and quality for service accounts.
std::map<std::string, std::string> LiveAccountIds(const std::vector<org::DesiredAccount>& desired,
                                                  const std::vector<store::InventoryAccount>& live);

// The root modules of `spec`. Fails when the spec has no deploy account
// (the state has nowhere to live), when the deploy account does not exist
// yet, or when a domain is named like the special folder.
Result<Layout> PlanLayout(const spec::Spec& spec, const std::vector<org::DesiredAccount>& desired,
                          const std::map<std::string, std::string>& live_ids);

}  // namespace foyer::terraform

#endif  // FOYER_TERRAFORM_LAYOUT_H_
