// HTTP dates (RFC 7231 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), as
// servers send them in the Date header. Clock-skew correction reads the
// server's time from there.
#ifndef FOYER_AWS_HTTP_DATE_H_
#define FOYER_AWS_HTTP_DATE_H_

#include <optional>
#include <string>
#include <string_view>

#include "aws/credentials.h"

namespace foyer::aws {

// Parses "Sun, 06 Nov 1994 08:49:37 GMT" (the weekday is optional and not
// checked; "UTC" is accepted for "GMT"). nullopt for anything else.
std::optional<Clock::time_point> ParseHttpDate(std::string_view text);

// "Sun, 06 Nov 1994 08:49:37 GMT", whole seconds.
std::string FormatHttpDate(Clock::time_point time);

}  // namespace foyer::aws

#endif  // FOYER_AWS_HTTP_DATE_H_
