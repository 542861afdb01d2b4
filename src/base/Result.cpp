#include "base/Result.h"

namespace oa {

const char* toString(ErrorCode code) {
    switch (code) {
        case ErrorCode::Unknown:
            return "Unknown";
        case ErrorCode::InvalidInput:
            return "InvalidInput";
        case ErrorCode::Unsupported:
            return "Unsupported";
        case ErrorCode::NoService:
            return "NoService";
        case ErrorCode::NoReader:
            return "NoReader";
        case ErrorCode::NoCard:
            return "NoCard";
        case ErrorCode::CardRemoved:
            return "CardRemoved";
        case ErrorCode::CardError:
            return "CardError";
        case ErrorCode::Timeout:
            return "Timeout";
        case ErrorCode::Cancelled:
            return "Cancelled";
        case ErrorCode::AuthenticationFailed:
            return "AuthenticationFailed";
        case ErrorCode::SecureMessaging:
            return "SecureMessaging";
        case ErrorCode::Network:
            return "Network";
    }
    return "Unknown";
}

}  // namespace oa
