#include "base/concurrently.h"

#include <mutex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

namespace foyer {
namespace {

TEST(ForEachConcurrentlyTest, CallsEveryIndexExactlyOnce) {
  std::vector<int> calls(100, 0);
  ForEachConcurrently(calls.size(), 4, [&](size_t i) { ++calls[i]; });
  for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i], 1) << i;
}

TEST(ForEachConcurrentlyTest, UsesNoMoreThreadsThanAskedNorThanItems) {
  std::mutex mutex;
  std::set<std::thread::id> threads;
  auto record = [&](size_t) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard lock(mutex);
    threads.insert(std::this_thread::get_id());
  };
  ForEachConcurrently(50, 3, record);
  EXPECT_LE(threads.size(), 3u);
  threads.clear();
  ForEachConcurrently(2, 8, record);
  EXPECT_LE(threads.size(), 2u);
}

TEST(ForEachConcurrentlyTest, NothingToDoAndNonPositiveConcurrency) {
  int calls = 0;
  ForEachConcurrently(0, 4, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  ForEachConcurrently(3, 0, [&](size_t) { ++calls; });  // one thread
  EXPECT_EQ(calls, 3);
}

}  // namespace
}  // namespace foyer
