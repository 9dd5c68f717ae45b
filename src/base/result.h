// Result<T>: a value or an Error, never both, never neither.
//
//   Result<Credentials> creds = provider.Retrieve();
//   if (!creds.ok()) return creds.error();
//   Use(*creds);
//
// Status is Result<void>: success carries nothing.
#ifndef FOYER_BASE_RESULT_H_
#define FOYER_BASE_RESULT_H_

#include <cassert>
#include <utility>
#include <variant>

#include "base/error.h"

namespace foyer {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T& value() & { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

  // REQUIRES: !ok()
  const Error& error() const { assert(!ok()); return std::get<1>(state_); }
  Error& error() { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  // REQUIRES: !ok()
  const Error& error() const { assert(!ok_); return error_; }
  Error& error() { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status OkStatus() { return Status(); }

}  // namespace foyer

// Returns the error of `expr` (a Result or Status) from the enclosing
// function when it is not ok.
#define FOYER_RETURN_IF_ERROR(expr)              \
  do {                                           \
    auto foyer_status_ = (expr);                 \
    if (!foyer_status_.ok()) return foyer_status_.error(); \
  } while (0)

#endif  // FOYER_BASE_RESULT_H_
