// Running the same work over many items with a bounded number of threads:
// reading every account of an organization, running Terraform in every
// root module.
#ifndef FOYER_BASE_CONCURRENTLY_H_
#define FOYER_BASE_CONCURRENTLY_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace foyer {

// Calls `work(i)` once for every i in [0, count), on at most `concurrency`
// threads (at least one, never more than `count`), taking the indexes in
// order; returns when every call has returned. `work` must be safe to call
// from several threads at once; collecting results into a slot per index
// needs no lock.
template <typename Work>
void ForEachConcurrently(size_t count, int concurrency, Work&& work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) work(i);
  };
  const size_t threads = std::min(count, static_cast<size_t>(std::max(concurrency, 1)));
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (size_t i = 0; i < threads; ++i) pool.emplace_back(worker);
  for (std::thread& thread : pool) thread.join();
}

}  // namespace foyer

#endif  // FOYER_BASE_CONCURRENTLY_H_
