#include <catch2/catch.hpp>

#include "card/pcsc/PcscError.h"

using namespace oa;

TEST_CASE("PC/SC return codes become typed errors in user words", "[errors]") {
    struct Expectation {
        LONG rv;
        ErrorCode code;
        const char* message;
    };
    const Expectation expectations[] = {
        {SCARD_W_REMOVED_CARD, ErrorCode::CardRemoved, "The card was removed."},
        {SCARD_E_NO_SMARTCARD, ErrorCode::CardRemoved, "The card was removed."},
        {SCARD_W_UNPOWERED_CARD, ErrorCode::CardRemoved, "The card was removed."},
        {SCARD_W_RESET_CARD, ErrorCode::CardRemoved, "The card was reset by another program."},
        {SCARD_E_READER_UNAVAILABLE, ErrorCode::NoReader,
         "The card reader is no longer available."},
        {SCARD_E_UNKNOWN_READER, ErrorCode::NoReader, "The card reader is no longer available."},
        {SCARD_E_NO_SERVICE, ErrorCode::NoService, "The card service (pcscd) is not running."},
        {SCARD_E_SERVICE_STOPPED, ErrorCode::NoService, "The card service (pcscd) is not running."},
        {SCARD_E_TIMEOUT, ErrorCode::Timeout, "The card reader did not answer in time."},
        {SCARD_E_CANCELLED, ErrorCode::Cancelled, "The operation was cancelled."},
        {SCARD_E_SHARING_VIOLATION, ErrorCode::CardError, "The card is in use by another program."},
        {SCARD_E_NOT_TRANSACTED, ErrorCode::CardError, "Communication with the card failed."},
        {SCARD_F_INTERNAL_ERROR, ErrorCode::Unknown, "The card reader reported an error."},
    };
    for (const auto& expected : expectations) {
        const Error error = pcsc::toError(expected.rv, "SCardTransmit");
        INFO(pcsc::codeName(expected.rv));
        CHECK(error.code == expected.code);
        CHECK(error.message == expected.message);
        CHECK(error.detail == "SCardTransmit: " + pcsc::codeName(expected.rv));
    }
}

TEST_CASE("PC/SC code names carry the macro name and the value", "[errors]") {
    CHECK(pcsc::codeName(SCARD_E_NO_SERVICE) == "SCARD_E_NO_SERVICE (0x8010001D)");
    CHECK(pcsc::codeName(SCARD_W_REMOVED_CARD) == "SCARD_W_REMOVED_CARD (0x80100069)");
    CHECK(pcsc::codeName(0x12345) == "unknown PC/SC code (0x00012345)");
}

TEST_CASE("Only a stopped or restarted pcscd invalidates a context", "[errors]") {
    CHECK(pcsc::isContextLost(SCARD_E_NO_SERVICE));
    CHECK(pcsc::isContextLost(SCARD_E_SERVICE_STOPPED));
    CHECK(pcsc::isContextLost(SCARD_E_INVALID_HANDLE));
    CHECK_FALSE(pcsc::isContextLost(SCARD_W_REMOVED_CARD));
    CHECK_FALSE(pcsc::isContextLost(SCARD_E_TIMEOUT));
}
