// Turning an AWS error response into a foyer::Error.
//
// Error bodies come in several shapes, and not always the one the service's
// protocol promises (moto answers some JSON-service errors in XML, and
// operations it lacks with an HTML page), so the parser looks at the body
// rather than trusting the protocol:
//   query XML:  <ErrorResponse><Error><Code/><Message/></Error><RequestId/></ErrorResponse>
//   REST-XML:   <Error><Code/><Message/><RequestId/></Error>  (S3)
//   JSON:       {"__type": "ns#Code:http://...", "message": "..."}
//               or "code"/"Code", "Message"; x-amzn-ErrorType header
//   HTML:       a 5xx page from a server that does not know the operation
//   empty or unreadable bodies: the code comes from the HTTP status ("HTTP503").
// The request id comes from x-amzn-RequestId, x-amz-request-id or the body.
// Error::message names the service and operation: "IAM GetRole failed: The
// role with name x cannot be found."
#ifndef FOYER_AWS_AWS_ERROR_PARSE_H_
#define FOYER_AWS_AWS_ERROR_PARSE_H_

#include <string_view>

#include "aws/http.h"
#include "base/error.h"

namespace foyer::aws {

// True when `response` is an error (status outside 200-299).
bool IsErrorResponse(const HttpResponse& response);

// The error carried by `response`. `service` and `operation` go into the
// message ("Organizations", "CreateAccount"). Never fails: garbage in gives
// a "HTTP<status>" error that says what arrived.
Error ParseAwsError(const HttpResponse& response, std::string_view service,
                    std::string_view operation);

// The error code from a JSON __type or x-amzn-ErrorType value:
// "com.amazon.coral#AccessDeniedException:http://internal..." -> "AccessDeniedException".
std::string NormalizeErrorType(std::string_view type);

}  // namespace foyer::aws

#endif  // FOYER_AWS_AWS_ERROR_PARSE_H_
