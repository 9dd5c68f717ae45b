// Suggestions for misspelled names ("did you mean 'environments'?").
#ifndef FOYER_SPEC_SUGGEST_H_
#define FOYER_SPEC_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace foyer::spec {

// The candidate closest to `word` by edit distance (ignoring case), if it is
// close enough to be a likely typo: at most 2 edits, or a third of the
// word's length for long words. Empty when nothing is close.
std::string ClosestName(std::string_view word, const std::vector<std::string>& candidates);

// " — did you mean 'x'?" for the closest candidate, or "" when none is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace foyer::spec

#endif  // FOYER_SPEC_SUGGEST_H_
