#pragma once

#include <optional>
#include <utility>

#include "card/ResponseApdu.h"

namespace oa::sim {

// A value the card computed, or the status word with which it refuses the command.
template <typename T>
class [[nodiscard]] Refusable {
public:
    Refusable(T value) : value_(std::move(value)) {}
    Refusable(StatusWord refusal) : refusal_(refusal) {}

    explicit operator bool() const { return value_.has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    StatusWord refusal() const { return refusal_; }

private:
    std::optional<T> value_;
    StatusWord refusal_ = StatusWord::Success;
};

}  // namespace oa::sim
