// Times in foyer's SQLite files: whole seconds since the Unix epoch (UTC),
// which sort and compare as integers.
#ifndef FOYER_STORE_EPOCH_SECONDS_H_
#define FOYER_STORE_EPOCH_SECONDS_H_

#include <chrono>
#include <cstdint>

#include "base/time_format.h"

namespace foyer::store {

inline std::int64_t ToEpochSeconds(SystemTime time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

inline SystemTime FromEpochSeconds(std::int64_t seconds) {
  return SystemTime(std::chrono::seconds(seconds));
}

}  // namespace foyer::store

#endif  // FOYER_STORE_EPOCH_SECONDS_H_
