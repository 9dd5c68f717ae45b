// Glob matching as IAM does it: `*` matches any run of characters (even
// empty, even across `/` and `:`), `?` matches exactly one. No regular
// expressions and no allocation: the matcher runs in the evaluator's hot loop.
#ifndef FOYER_IAM_WILDCARD_H_
#define FOYER_IAM_WILDCARD_H_

#include <string_view>

namespace foyer::iam {

struct WildcardOptions {
  // ASCII case-insensitive comparison (action names, StringLike is not).
  bool ignore_case = false;
  // `\x` in the pattern stands for a literal x. Patterns built by policy
  // variable substitution use it so that substituted text (and `${*}`) is
  // never a wildcard.
  bool escapes = false;
};

bool WildcardMatch(std::string_view pattern, std::string_view text, WildcardOptions options = {});

// Matches an ARN against an ARN pattern the way Resource elements and the
// Arn* condition operators do: the six colon-separated fields (arn,
// partition, service, region, account, resource) are matched one by one, so
// wildcards in the first five never reach past a colon; the resource field
// takes everything after the fifth colon. A pattern that is not an ARN
// matches nothing, except "*" which matches everything.
bool ArnMatch(std::string_view pattern, std::string_view arn, WildcardOptions options = {});

// Splits an ARN into its six fields; false when it has fewer than six.
bool SplitArn(std::string_view arn, std::string_view (&fields)[6]);

// ArnMatch against an ARN already split by SplitArn, for callers that match
// one ARN against many patterns.
bool ArnMatchFields(std::string_view pattern, const std::string_view (&arn)[6], WildcardOptions options = {});

}  // namespace foyer::iam

#endif  // FOYER_IAM_WILDCARD_H_
