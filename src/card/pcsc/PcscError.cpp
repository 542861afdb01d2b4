#include "card/pcsc/PcscError.h"

#include <cstdio>

namespace oa::pcsc {
namespace {

const char* macroName(LONG rv) {
    switch (rv) {
        case SCARD_S_SUCCESS:
            return "SCARD_S_SUCCESS";
        case SCARD_F_INTERNAL_ERROR:
            return "SCARD_F_INTERNAL_ERROR";
        case SCARD_E_CANCELLED:
            return "SCARD_E_CANCELLED";
        case SCARD_E_INVALID_HANDLE:
            return "SCARD_E_INVALID_HANDLE";
        case SCARD_E_INVALID_PARAMETER:
            return "SCARD_E_INVALID_PARAMETER";
        case SCARD_E_NO_MEMORY:
            return "SCARD_E_NO_MEMORY";
        case SCARD_E_INSUFFICIENT_BUFFER:
            return "SCARD_E_INSUFFICIENT_BUFFER";
        case SCARD_E_UNKNOWN_READER:
            return "SCARD_E_UNKNOWN_READER";
        case SCARD_E_TIMEOUT:
            return "SCARD_E_TIMEOUT";
        case SCARD_E_SHARING_VIOLATION:
            return "SCARD_E_SHARING_VIOLATION";
        case SCARD_E_NO_SMARTCARD:
            return "SCARD_E_NO_SMARTCARD";
        case SCARD_E_PROTO_MISMATCH:
            return "SCARD_E_PROTO_MISMATCH";
        case SCARD_E_NOT_READY:
            return "SCARD_E_NOT_READY";
        case SCARD_E_INVALID_VALUE:
            return "SCARD_E_INVALID_VALUE";
        case SCARD_F_COMM_ERROR:
            return "SCARD_F_COMM_ERROR";
        case SCARD_F_UNKNOWN_ERROR:
            return "SCARD_F_UNKNOWN_ERROR";
        case SCARD_E_NOT_TRANSACTED:
            return "SCARD_E_NOT_TRANSACTED";
        case SCARD_E_READER_UNAVAILABLE:
            return "SCARD_E_READER_UNAVAILABLE";
        case SCARD_E_PCI_TOO_SMALL:
            return "SCARD_E_PCI_TOO_SMALL";
        case SCARD_E_CARD_UNSUPPORTED:
            return "SCARD_E_CARD_UNSUPPORTED";
        case SCARD_E_NO_SERVICE:
            return "SCARD_E_NO_SERVICE";
        case SCARD_E_SERVICE_STOPPED:
            return "SCARD_E_SERVICE_STOPPED";
        case SCARD_E_UNSUPPORTED_FEATURE:
            return "SCARD_E_UNSUPPORTED_FEATURE";
        case SCARD_E_NO_READERS_AVAILABLE:
            return "SCARD_E_NO_READERS_AVAILABLE";
        case SCARD_E_COMM_DATA_LOST:
            return "SCARD_E_COMM_DATA_LOST";
        case SCARD_E_SERVER_TOO_BUSY:
            return "SCARD_E_SERVER_TOO_BUSY";
        case SCARD_W_UNSUPPORTED_CARD:
            return "SCARD_W_UNSUPPORTED_CARD";
        case SCARD_W_UNRESPONSIVE_CARD:
            return "SCARD_W_UNRESPONSIVE_CARD";
        case SCARD_W_UNPOWERED_CARD:
            return "SCARD_W_UNPOWERED_CARD";
        case SCARD_W_RESET_CARD:
            return "SCARD_W_RESET_CARD";
        case SCARD_W_REMOVED_CARD:
            return "SCARD_W_REMOVED_CARD";
        default:
            return "unknown PC/SC code";
    }
}

}  // namespace

std::string codeName(LONG rv) {
    char text[80];
    std::snprintf(text, sizeof text, "%s (0x%08lX)", macroName(rv),
                  static_cast<unsigned long>(rv) & 0xFFFFFFFFUL);
    return text;
}

bool isContextLost(LONG rv) {
    return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED ||
           rv == SCARD_E_INVALID_HANDLE;
}

bool isCardGone(LONG rv) {
    return rv == SCARD_W_REMOVED_CARD || rv == SCARD_E_NO_SMARTCARD || rv == SCARD_W_UNPOWERED_CARD;
}

Error toError(LONG rv, std::string_view call) {
    const std::string detail = std::string(call) + ": " + codeName(rv);
    if (isCardGone(rv)) return makeError(ErrorCode::CardRemoved, "The card was removed.", detail);
    if (rv == SCARD_W_RESET_CARD) {
        return makeError(ErrorCode::CardRemoved, "The card was reset by another program.", detail);
    }
    if (rv == SCARD_E_READER_UNAVAILABLE || rv == SCARD_E_UNKNOWN_READER) {
        return makeError(ErrorCode::NoReader, "The card reader is no longer available.", detail);
    }
    if (isContextLost(rv)) {
        return makeError(ErrorCode::NoService, "The card service (pcscd) is not running.", detail);
    }
    switch (rv) {
        case SCARD_E_TIMEOUT:
            return makeError(ErrorCode::Timeout, "The card reader did not answer in time.", detail);
        case SCARD_E_CANCELLED:
            return makeError(ErrorCode::Cancelled, "The operation was cancelled.", detail);
        case SCARD_E_SHARING_VIOLATION:
            return makeError(ErrorCode::CardError, "The card is in use by another program.",
                             detail);
        case SCARD_W_UNRESPONSIVE_CARD:
        case SCARD_W_UNSUPPORTED_CARD:
        case SCARD_E_CARD_UNSUPPORTED:
        case SCARD_E_PROTO_MISMATCH:
            return makeError(ErrorCode::CardError, "The card does not respond.", detail);
        case SCARD_E_NOT_TRANSACTED:
        case SCARD_F_COMM_ERROR:
        case SCARD_E_COMM_DATA_LOST:
            return makeError(ErrorCode::CardError, "Communication with the card failed.", detail);
        default:
            return makeError(ErrorCode::Unknown, "The card reader reported an error.", detail);
    }
}

}  // namespace oa::pcsc
