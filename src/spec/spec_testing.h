// Test helpers shared by the spec and org tests: a small valid spec whose
// line numbers the tests rely on, and text surgery to break it.
#ifndef FOYER_SPEC_SPEC_TESTING_H_
#define FOYER_SPEC_SPEC_TESTING_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "spec/diagnostic.h"

namespace foyer::spec::testing {

// Line numbers matter: tests name positions in this text.
inline constexpr std::string_view kSmallSpec =
    R"([organization]
management_account_id = "123456789012"
email = "aws+{account}@example.com"
regions = ["us-east-1", "us-west-2"]
environments = ["development", "production"]

[accounts]
admin = "admin"
audit = "audit"
deploy = "deploy"

[[domain]]
name = "payments"

[[domain]]
name = "web"
environments = ["production"]

[[role]]
name = "Deployer"
in = { domains = ["payments"], environments = ["production"] }
managed_policies = ["arn:aws:iam::aws:policy/PowerUserAccess"]

[[group]]
name = "sre"
grants = [{ role = "Administrator" }, { role = "OrganizationAdministrator" }]

[[group]]
name = "engineers"
grants = [{ role = "Auditor" }, { role = "Deployer" },
          { role = "Administrator", in = { environments = ["development"] } }]

[identity.iam_users]
alice = { groups = ["sre"] }
)";

// `text` with its only occurrence of `from` replaced by `to`; aborts the
// test run when `from` is missing or repeated, since the test is then wrong.
inline std::string ReplaceOnce(std::string_view text, std::string_view from,
                               std::string_view to) {
  const size_t at = text.find(from);
  if (at == std::string_view::npos || text.find(from, at + 1) != std::string_view::npos) {
    std::fprintf(stderr, "ReplaceOnce: '%.*s' is not in the text exactly once\n",
                 static_cast<int>(from.size()), from.data());
    std::abort();
  }
  std::string result(text);
  result.replace(at, from.size(), to);
  return result;
}

// Each diagnostic as "file:line:col: error: message".
inline std::vector<std::string> Lines(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics) lines.push_back(diagnostic.ToString());
  return lines;
}

}  // namespace foyer::spec::testing

#endif  // FOYER_SPEC_SPEC_TESTING_H_
