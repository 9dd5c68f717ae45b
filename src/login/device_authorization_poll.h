// Polling a token endpoint until the person approves a device authorization
// (RFC 8628 section 3.4-3.5), shared by the OIDC device flow and IAM
// Identity Center.
//
// The poller owns only the timing rules: wait `interval` between polls,
// five seconds more after every slow_down, and give up when the device code
// has expired. What a poll sends and how its answer reads is the caller's.
#ifndef FOYER_LOGIN_DEVICE_AUTHORIZATION_POLL_H_
#define FOYER_LOGIN_DEVICE_AUTHORIZATION_POLL_H_

#include <chrono>
#include <functional>
#include <string>

#include "base/result.h"

namespace foyer::login {

// What one poll of the token endpoint answered, when it was no failure.
enum class DevicePollAnswer {
  kApproved,  // the token arrived (the poll callback kept it)
  kPending,   // authorization_pending: ask again after the interval
  kSlowDown,  // slow_down: ask again, five seconds more between polls
};

struct DevicePollTiming {
  // RFC 8628 3.5: five seconds when the server names no interval.
  std::chrono::seconds interval{5};
  // The device code's lifetime; polling stops once this much time was spent
  // waiting.
  std::chrono::seconds expires_in{600};
  // Waits; tests record the delays instead. Null: std::this_thread::sleep_for.
  std::function<void(std::chrono::seconds)> sleep;
};

// What the person is shown to approve a device authorization: where to go,
// and the code to check (or type) there.
struct DeviceSignIn {
  std::string verification_uri;
  std::string verification_uri_complete;  // the address with the code in it; may be empty
  std::string user_code;
};

// Calls `poll` after each interval until it answers kApproved (returns OK)
// or fails (returns its error). Fails with code "ExpiredToken" and exit
// status 3 once the waits add up to timing.expires_in.
Status PollUntilApproved(const DevicePollTiming& timing, const std::function<Result<DevicePollAnswer>()>& poll);

}  // namespace foyer::login

#endif  // FOYER_LOGIN_DEVICE_AUTHORIZATION_POLL_H_
