#include "card/nfc/NfcCard.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr int kMaxGetResponseRounds = 64;

std::size_t shortLe(std::uint8_t sw2) {
    return sw2 == 0 ? CommandApdu::kShortMaxLe : sw2;
}

}  // namespace

NfcCard::NfcCard(std::shared_ptr<nfc::NfcDevice> device, std::uint64_t insertion, Bytes atr)
    : device_(std::move(device)), insertion_(insertion), atr_(std::move(atr)) {}

Result<ResponseApdu> NfcCard::transmit(const CommandApdu& command) {
    if (command.isExtended() && !device_->extendedLength()) {
        return makeError(ErrorCode::Unsupported, "The NFC reader cannot send this command",
                         "extended-length APDU; the reader carries short APDUs only");
    }
    auto response = exchange(command);
    if (!response) return response;
    if (response->isWrongLe()) {
        response = exchange(CommandApdu(command.cla(), command.ins(), command.p1(), command.p2(),
                                        command.data(), shortLe(response->sw2())));
        if (!response) return response;
    }
    Bytes data = response->data();
    // GET RESPONSE travels on the command's logical channel, without SM or chaining.
    for (int round = 0; response->hasMoreData(); ++round) {
        if (round == kMaxGetResponseRounds) {
            return makeError(ErrorCode::CardError, "The card sent an invalid answer",
                             "GET RESPONSE did not end");
        }
        response = exchange(CommandApdu(command.cla() & 0x03, kInsGetResponse, 0x00, 0x00, {},
                                        shortLe(response->sw2())));
        if (!response) return response;
        append(data, response->data());
    }
    return ResponseApdu(std::move(data), response->sw());
}

Result<ResponseApdu> NfcCard::exchange(const CommandApdu& command) {
    auto raw = device_->exchange(insertion_, command.encode());
    if (!raw) return raw.error();
    auto response = ResponseApdu::parse(*raw);
    if (!response) {
        return makeError(ErrorCode::CardError, "The ID card sent an invalid answer",
                         response.error().detail);
    }
    return response;
}

}  // namespace oa
