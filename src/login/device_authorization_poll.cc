#include "login/device_authorization_poll.h"

#include <thread>

namespace foyer::login {

Status PollUntilApproved(const DevicePollTiming& timing, const std::function<Result<DevicePollAnswer>()>& poll) {
  // RFC 8628 3.5: "the client MUST use a reasonable default polling interval".
  std::chrono::seconds interval = timing.interval > std::chrono::seconds(0) ? timing.interval : std::chrono::seconds(5);
  std::chrono::seconds waited{0};
  while (waited + interval <= timing.expires_in) {
    if (timing.sleep) {
      timing.sleep(interval);
    } else {
      std::this_thread::sleep_for(interval);
    }
    waited += interval;
    auto answer = poll();
    if (!answer.ok()) return answer.error();
    if (*answer == DevicePollAnswer::kApproved) return OkStatus();
    // RFC 8628 3.5: "the interval MUST be increased by 5 seconds for this
    // and all subsequent requests".
    if (*answer == DevicePollAnswer::kSlowDown) interval += std::chrono::seconds(5);
  }
  Error error = MakeError("ExpiredToken", "the sign-in was not approved before its code expired (after " +
                                              std::to_string(timing.expires_in.count()) +
                                              " seconds); run `foyer login` again");
  error.exit_code = ExitCode::kLoginNeeded;
  return error;
}

}  // namespace foyer::login
