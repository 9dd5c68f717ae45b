// The checks that make a parsed Spec meaningful.
//
// ValidateSpec looks at the spec alone: formats (account ids, email
// template, region and IAM names), limits AWS sets (name lengths, session
// durations), duplicates, and that every name used refers to something
// declared (domains, environments, qualities, roles, groups). Checks that
// need the account list derived from the spec (account name lengths and
// collisions, selectors picking nothing) live in org/org_validation.h.
//
// Every problem becomes one Diagnostic at the offending value.
#ifndef FOYER_SPEC_SPEC_VALIDATION_H_
#define FOYER_SPEC_SPEC_VALIDATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "spec/diagnostic.h"
#include "spec/spec.h"

namespace foyer::spec {

// REQUIRES: `spec` parsed without diagnostics.
std::vector<Diagnostic> ValidateSpec(const Spec& spec);

// Name rules shared with the org layer.
//
// Domain, environment, quality and account names become parts of account
// names, root email addresses, tag values and targets such as
// `payments/production`: lowercase letters, digits and '-', starting with a
// letter, not ending with '-'.
bool IsValidAccountNamePart(std::string_view name);

// An AWS region name: "us-east-1", "us-gov-west-1", "ap-southeast-2".
bool IsRegionName(std::string_view name);

// The longest account name AWS Organizations accepts.
inline constexpr size_t kMaxAccountNameLength = 50;
// The longest account root email AWS Organizations accepts.
inline constexpr size_t kMaxAccountEmailLength = 64;

// "unknown environment 'prod' in [[domain]] 'web' — did you mean
// 'production'?", or "(known: a, b)" when nothing is close.
std::string UnknownNameMessage(std::string_view kind, std::string_view name,
                               std::string_view where, const std::vector<std::string>& known);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_SPEC_VALIDATION_H_
