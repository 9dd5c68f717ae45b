// A small organization for the access graph tests:
//   111111111111 management, 222222222222 admin (OIDC provider, landing role
//   foyer/ops, user alice), 333333333333 and 444444444444 workloads under
//   ou-work, each with foyer/Administrator trusting the landing role.
#ifndef FOYER_ACCESS_GRAPH_TEST_SNAPSHOT_H_
#define FOYER_ACCESS_GRAPH_TEST_SNAPSHOT_H_

#include <nlohmann/json.hpp>

namespace foyer::access_graph {

inline nlohmann::json AllowAssume(const char* resource) {
  return {{"Version", "2012-10-17"},
          {"Statement", {{{"Effect", "Allow"}, {"Action", "sts:AssumeRole"}, {"Resource", resource}}}}};
}

inline nlohmann::json Trust(nlohmann::json principal) {
  return {{"Version", "2012-10-17"},
          {"Statement", {{{"Effect", "Allow"}, {"Principal", principal}, {"Action", "sts:AssumeRole"}}}}};
}

inline nlohmann::json TestSnapshot() {
  const char* landing = "arn:aws:iam::222222222222:role/foyer/ops";
  nlohmann::json full = {{"Version", "2012-10-17"},
                         {"Statement", {{{"Effect", "Allow"}, {"Action", "*"}, {"Resource", "*"}}}}};
  nlohmann::json landing_trust = nlohmann::json::parse(R"({"Version": "2012-10-17", "Statement": [
      {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::222222222222:oidc-provider/idp.example.com"},
       "Action": "sts:AssumeRoleWithWebIdentity",
       "Condition": {"StringEquals": {"idp.example.com:aud": "foyer-cli"}}},
      {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222222222222:user/alice"},
       "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]})");
  nlohmann::json administrator = {{"arn", ""}, {"trust_policy", Trust({{"AWS", landing}})}};
  nlohmann::json a_admin = administrator, b_admin = administrator;
  a_admin["arn"] = "arn:aws:iam::333333333333:role/foyer/Administrator";
  b_admin["arn"] = "arn:aws:iam::444444444444:role/foyer/Administrator";
  return {
      {"organization",
       {{"id", "o-test"},
        {"management_account", "111111111111"},
        {"accounts",
         {{{"id", "111111111111"}, {"name", "management"}, {"ou_path", {"r-root"}}},
          {{"id", "222222222222"}, {"name", "admin"}, {"ou_path", {"r-root"}}},
          {{"id", "333333333333"}, {"name", "alpha"}, {"ou_path", {"r-root", "ou-work"}}},
          {{"id", "444444444444"}, {"name", "beta"}, {"ou_path", {"r-root", "ou-work"}}}}},
        {"scps", {{"r-root", {full}}, {"ou-work", {full}}, {"222222222222", {full}},
                  {"333333333333", {full}}, {"444444444444", {full}}}}}},
      {"accounts",
       {{"222222222222",
         {{"oidc_providers", {"arn:aws:iam::222222222222:oidc-provider/idp.example.com"}},
          {"roles", {{{"arn", landing}, {"trust_policy", landing_trust},
                      {"policies", {AllowAssume("arn:aws:iam::*:role/foyer/*")}}}}},
          {"users", {{{"arn", "arn:aws:iam::222222222222:user/alice"}, {"mfa", true},
                      {"policies", {AllowAssume(landing)}}}}}}},
        {"333333333333", {{"roles", {a_admin}}}},
        {"444444444444", {{"roles", {b_admin}}}}}}};
}

}  // namespace foyer::access_graph

#endif  // FOYER_ACCESS_GRAPH_TEST_SNAPSHOT_H_
