// Which roles a person may take where, known without asking AWS.
//
// `foyer configure --from foyer.toml` records, in the client configuration,
// the roles each group is granted in each account (by account name), as the
// planner places them (org/role_placement.h). `--role` defaults from it and
// `foyer config sync` writes one profile per account and granted role.
#ifndef FOYER_ACCESS_GRANTED_ROLES_H_
#define FOYER_ACCESS_GRANTED_ROLES_H_

#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "login/client_config.h"
#include "org/naming.h"
#include "spec/spec.h"

namespace foyer::access {

// group -> account name -> roles, the shape of OrgAccess::grants.
using GrantMap = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

// Every role each group is granted in each account of `accounts` and in
// management, in placement order.
// REQUIRES: `spec` passed validation and `accounts` are its DesiredAccounts.
GrantMap GrantsFromSpec(const spec::Spec& spec, const std::vector<org::DesiredAccount>& accounts);

// The role `group` should assume in the account named `account_name`.
// `requested` is --role ("" when not given). Without recorded grants (an org
// configured by hand) the requested role is used as is, Administrator by
// default. With grants: no role requested picks the only one granted there,
// else fails listing the choices; a requested role that is not granted
// fails with the roles that are and a "did you mean". `account_name` empty
// means the name is unknown: a role must then be requested. Errors exit 2.
Result<std::string> ChooseRole(const login::OrgAccess& org, const std::string& group,
                               const std::string& account_name, const std::string& requested);

}  // namespace foyer::access

#endif  // FOYER_ACCESS_GRANTED_ROLES_H_
