// Feeds arbitrary bytes to the policy parser and to the `foyer simulate`
// input reader, and evaluates whatever they accept: none of it may crash,
// hang or read out of bounds, whatever the document.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "iam/evaluator.h"
#include "iam/policy_parser.h"
#include "iam/simulation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  foyer::Result<foyer::iam::Policy> policy = foyer::iam::ParsePolicy(text, "fuzz");
  if (policy.ok()) {
    foyer::iam::Request request;
    request.principal = "arn:aws:iam::111122223333:user/alice";
    request.action = "s3:GetObject";
    request.resource = "arn:aws:s3:::bucket/key";
    request.resource_account = "111122223333";
    request.context.Set("aws:username", "alice");
    foyer::iam::PolicySet policies;
    policies.identity.push_back(*policy);
    policies.resource = *policy;
    (void)foyer::iam::Evaluate(request, policies);
  }
  auto simulation = foyer::iam::ReadSimulationText(text);
  if (simulation.ok()) {
    foyer::iam::Decision decision = foyer::iam::Evaluate((*simulation)->request, (*simulation)->policies);
    (void)foyer::iam::DecisionJson(decision).dump();
    (void)foyer::iam::ExplainDecision(decision);
  }
  return 0;
}
