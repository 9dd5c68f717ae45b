// Amazon Resource Names: arn:partition:service:region:account:resource
#ifndef FOYER_AWS_ARN_H_
#define FOYER_AWS_ARN_H_

#include <string>
#include <string_view>

#include "base/result.h"

namespace foyer::aws {

struct Arn {
  std::string partition;
  std::string service;
  std::string region;
  std::string account;
  std::string resource;  // everything after the fifth colon, colons included

  std::string ToString() const;
};

// REQUIRES: nothing; malformed text gives a ParseError naming it.
Result<Arn> ParseArn(std::string_view text);

// What an STS caller ARN says about the principal.
struct Principal {
  // "user", "assumed-role", "federated-user", "root", or the resource type.
  std::string type;
  // User or role name (without path); empty for root.
  std::string name;
  // Role session name for assumed roles, else empty.
  std::string session;
};

// arn:aws:iam::123:user/path/alice          -> {user, alice, ""}
// arn:aws:sts::123:assumed-role/Admin/alice -> {assumed-role, Admin, alice}
// arn:aws:iam::123:root                     -> {root, "", ""}
Principal DescribePrincipal(const Arn& arn);

}  // namespace foyer::aws

#endif  // FOYER_AWS_ARN_H_
