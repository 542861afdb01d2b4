#pragma once

#include <string>
#include <utility>
#include <variant>

namespace oa {

// What went wrong, in the user's terms (message) with the technical cause beneath (detail) for the
// log. The code lets callers react without parsing text; each layer adds the codes it needs.
enum class ErrorCode {
    Unknown,
    InvalidInput,  // malformed data from outside (card, network, browser, file)
    Unsupported,   // well-formed but not something we implement
    NoService,     // PC/SC service (pcscd) not running
    NoReader,      // reader unknown or gone
    NoCard,        // no card in the reader
    CardRemoved,   // card left during a transaction
    CardError,     // card answered something unexpected
    Timeout,
    Cancelled,
    AuthenticationFailed,
    SecureMessaging,  // SM broken: session is gone
    Network,
};

struct Error {
    ErrorCode code = ErrorCode::Unknown;
    std::string message;
    std::string detail;
};

const char* toString(ErrorCode code);

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    Error error_;
    bool ok_ = true;
};

inline Error makeError(ErrorCode code, std::string message, std::string detail = {}) {
    return Error{code, std::move(message), std::move(detail)};
}

}  // namespace oa
