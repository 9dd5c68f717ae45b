// Waiting for work a service finishes in the background (an account being
// created, an Identity Center assignment being made): ask for its state, and
// between answers that say "not yet" wait longer and longer, up to a cap,
// until a deadline.
#ifndef FOYER_BASE_POLL_H_
#define FOYER_BASE_POLL_H_

#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <thread>

#include "base/result.h"

namespace foyer {

struct PollSchedule {
  std::chrono::milliseconds first_wait{1000};
  // The wait doubles after each "not yet" until it reaches this.
  std::chrono::milliseconds longest_wait{15000};
  // Once the waits add up to this, polling gives up.
  std::chrono::milliseconds deadline{std::chrono::hours(1)};
  // Waits; tests record the waits instead. Null: std::this_thread::sleep_for.
  std::function<void(std::chrono::milliseconds)> sleep;
};

// Calls `poll` (given the time waited so far) until it returns a value or
// an error, which is returned; nullopt means "not yet". Once the waits add
// up to schedule.deadline, returns timed_out(time waited) instead of
// waiting again.
template <typename T>
Result<T> PollWithBackoff(const PollSchedule& schedule,
                          const std::function<Result<std::optional<T>>(std::chrono::milliseconds waited)>& poll,
                          const std::function<Error(std::chrono::milliseconds waited)>& timed_out) {
  std::chrono::milliseconds waited{0};
  std::chrono::milliseconds wait = schedule.first_wait;
  while (true) {
    Result<std::optional<T>> answer = poll(waited);
    if (!answer.ok()) return answer.error();
    if (answer->has_value()) return std::move(**answer);
    if (waited >= schedule.deadline) return timed_out(waited);
    if (schedule.sleep) {
      schedule.sleep(wait);
    } else {
      std::this_thread::sleep_for(wait);
    }
    waited += wait;
    wait = std::min(wait * 2, schedule.longest_wait);
  }
}

}  // namespace foyer

#endif  // FOYER_BASE_POLL_H_
