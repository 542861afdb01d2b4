#include "card/pcsc/PcscCard.h"

#include "card/pcsc/PcscError.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsGetResponse = 0xC0;
// More 61xx rounds than this would exceed any extended-length answer: the card is looping.
constexpr int kMaxGetResponseRounds = 300;

std::size_t shortLe(std::uint8_t sw2) {
    return sw2 == 0 ? 256 : sw2;
}

}  // namespace

PcscCard::PcscCard(std::shared_ptr<pcsc::PcscContext> context, SCARDHANDLE handle, DWORD protocol,
                   std::string reader, Bytes atr, bool extendedLength)
    : context_(std::move(context)),
      handle_(handle),
      protocol_(protocol),
      reader_(std::move(reader)),
      atr_(std::move(atr)),
      extendedLength_(extendedLength) {}

PcscCard::~PcscCard() {
    SCardDisconnect(handle_, SCARD_LEAVE_CARD);
}

Result<ResponseApdu> PcscCard::transmit(const CommandApdu& command) {
    auto response = exchange(command);
    if (!response) return response;
    if (response->isWrongLe()) {
        // ISO 7816-4 5.1.3: the card names the Le it wants; ask once more with exactly that.
        const CommandApdu retry(command.cla(), command.ins(), command.p1(), command.p2(),
                                command.data(), shortLe(response->sw2()));
        response = exchange(retry);
        if (!response) return response;
    }
    if (response->hasMoreData()) return collectRemainingData(command.cla(), std::move(*response));
    return response;
}

Result<ResponseApdu> PcscCard::collectRemainingData(std::uint8_t cla, ResponseApdu first) {
    Bytes data = first.data();
    ResponseApdu last = std::move(first);
    // GET RESPONSE travels on the command's logical channel (CLA bits b2b1), without SM or
    // chaining.
    const std::uint8_t getResponseCla = cla & 0x03;
    for (int round = 0; last.hasMoreData(); ++round) {
        if (round == kMaxGetResponseRounds) {
            return makeError(ErrorCode::CardError, "The card sent an invalid answer",
                             "GET RESPONSE did not end after " +
                                 std::to_string(kMaxGetResponseRounds) + " rounds");
        }
        auto next = exchange(
            CommandApdu(getResponseCla, kInsGetResponse, 0x00, 0x00, {}, shortLe(last.sw2())));
        if (!next) return next;
        append(data, next->data());
        last = std::move(*next);
    }
    return ResponseApdu(std::move(data), last.sw());
}

Result<ResponseApdu> PcscCard::exchange(const CommandApdu& command) {
    const Bytes encoded = command.encode();
    Bytes received(MAX_BUFFER_SIZE_EXTENDED);
    DWORD receivedLength = static_cast<DWORD>(received.size());
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const LONG rv = context_->note(SCardTransmit(handle_, pci, encoded.data(),
                                                 static_cast<DWORD>(encoded.size()), nullptr,
                                                 received.data(), &receivedLength));
    if (rv != SCARD_S_SUCCESS) return transmitError(rv);
    received.resize(std::min<std::size_t>(receivedLength, received.size()));
    return ResponseApdu::parse(received);
}

Error PcscCard::transmitError(LONG rv) {
    if (pcsc::isCardGone(rv) || pcsc::isContextLost(rv)) return pcsc::toError(rv, "SCardTransmit");
    // Readers report a card pulled mid-command in different ways; the card state settles it.
    DWORD state = 0;
    DWORD protocol = 0;
    DWORD atrLength = 0;
    DWORD nameLength = 0;
    const LONG status = context_->note(
        SCardStatus(handle_, nullptr, &nameLength, &state, &protocol, nullptr, &atrLength));
    if (pcsc::isCardGone(status) || (status == SCARD_S_SUCCESS && !(state & SCARD_PRESENT))) {
        Error error = pcsc::toError(SCARD_W_REMOVED_CARD, "SCardTransmit");
        error.detail = "SCardTransmit: " + pcsc::codeName(rv) +
                       ", then SCardStatus: " + pcsc::codeName(status);
        return error;
    }
    return pcsc::toError(rv, "SCardTransmit");
}

}  // namespace oa
