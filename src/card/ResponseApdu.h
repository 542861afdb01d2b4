#pragma once

#include <cstdint>
#include <string>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa {

// Status words the eID card uses (TR-03110, ISO 7816-4); see docs and the card-protocol digest.
enum class StatusWord : std::uint16_t {
    Success = 0x9000,
    PinRetry2 = 0x63C2,
    PinSuspended = 0x63C1,
    PinBlocked = 0x63C0,
    AuthenticationFailed = 0x6300,
    EndOfFileReached = 0x6282,
    Deactivated = 0x6283,
    WrongLength = 0x6700,
    SecurityStatusNotSatisfied = 0x6982,
    AuthenticationMethodBlocked = 0x6983,
    ReferenceDataNotUsable = 0x6984,
    ConditionsOfUseNotSatisfied = 0x6985,
    SmDataObjectsMissing = 0x6987,
    SmDataObjectsIncorrect = 0x6988,
    WrongData = 0x6A80,
    FileNotFound = 0x6A82,
    WrongParameters = 0x6A86,
    ReferencedDataNotFound = 0x6A88,
    WrongP1P2 = 0x6B00,
    InsNotSupported = 0x6D00,
    ClaNotSupported = 0x6E00,
    NoPreciseDiagnosis = 0x6F00,
};

class ResponseApdu {
public:
    ResponseApdu() = default;
    ResponseApdu(Bytes data, std::uint16_t sw) : data_(std::move(data)), sw_(sw) {}
    ResponseApdu(Bytes data, StatusWord sw)
        : ResponseApdu(std::move(data), static_cast<std::uint16_t>(sw)) {}

    // Data followed by SW1 SW2; fewer than two bytes is not a response.
    static Result<ResponseApdu> parse(ByteView encoded);

    const Bytes& data() const { return data_; }
    std::uint16_t sw() const { return sw_; }
    std::uint8_t sw1() const { return static_cast<std::uint8_t>(sw_ >> 8); }
    std::uint8_t sw2() const { return static_cast<std::uint8_t>(sw_); }
    bool is(StatusWord sw) const { return sw_ == static_cast<std::uint16_t>(sw); }
    bool isSuccess() const { return is(StatusWord::Success); }
    // 61xx: more data waiting (GET RESPONSE); 6Cxx: wrong Le, retry with xx.
    bool hasMoreData() const { return sw1() == 0x61; }
    bool isWrongLe() const { return sw1() == 0x6C; }
    // 63Cx on VERIFY / MSE:Set AT: x tries left.
    bool isRetryCounter() const { return (sw_ & 0xFFF0) == 0x63C0; }
    int retryCounter() const { return isRetryCounter() ? (sw_ & 0x0F) : -1; }
    std::string swHex() const;

    Bytes encode() const;

private:
    Bytes data_;
    std::uint16_t sw_ = 0x6F00;
};

// A short technical description of a status word for logs ("6982 security status not satisfied").
std::string describe(std::uint16_t sw);

}  // namespace oa
