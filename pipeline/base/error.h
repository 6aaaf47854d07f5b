// Errors as values: every failure carries the place it concerns and a Chinese
// message a clerk can act on, in the style "<file>:<sheet>!<cell>: message".
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace qd {

// Where a value or a problem sits in the input: file, sheet and cell.
// A problem about a whole file has an empty sheet and cell.
struct Place {
  std::string file;
  std::string sheet;
  std::string cell;

  // Renders the place as "<file>:<sheet>!<cell>", "<file>:<sheet>" or "<file>".
  std::string str() const;
  bool operator==(const Place&) const = default;
  auto operator<=>(const Place&) const = default;
};

// A failure: where it happened and what the reader should do about it.
struct Error {
  Place place;
  std::string message;

  // Renders "place: message" for logs and the terminal.
  std::string str() const;
};

// Either a value or an Error. A small stand-in for C++23 std::expected.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation that returns nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

// Makes an Error at `place` with `message`.
inline Error make_error(Place place, std::string message) {
  return Error{std::move(place), std::move(message)};
}

}  // namespace qd

// Returns the error of `expr` (a Result or Status) from the enclosing function.
#define QD_TRY(expr)                                   \
  do {                                                 \
    auto qd_try_ = (expr);                             \
    if (!qd_try_.ok()) return qd_try_.error();         \
  } while (0)
