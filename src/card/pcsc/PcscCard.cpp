#include "card/pcsc/PcscCard.h"

#include "card/pcsc/PcscError.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsGetResponse = 0xC0;
// More 61xx rounds than this would exceed any extended-length answer: the card is looping.
constexpr int kMaxGetResponseRounds = 300;
// No answer is longer than an extended-length Le allows; a card that sends more is broken or
// hostile, and the rounds alone would let it pile up megabytes.
constexpr std::size_t kMaxResponseBytes = 65536;
// How long a reader may take to notice a removed card (vpcd polls every 0.4 s, CCID readers
// report within a few hundred milliseconds).
constexpr DWORD kRemovalSettleMilliseconds = 1500;

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
    // A card pulled meanwhile makes this fail; there is nothing left to reset then.
    SCardDisconnect(handle_, commandsSent_ ? SCARD_RESET_CARD : SCARD_LEAVE_CARD);
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

Result<Bytes> PcscCard::controlReaderPace(ByteView command) {
    if (!paceControlCode_) return Card::controlReaderPace(command);
    return control(*paceControlCode_, command, "SCardControl(EXECUTE_PACE)");
}

Result<Bytes> PcscCard::controlModifyPin(ByteView structure) {
    if (!modifyPinControlCode_) return Card::controlModifyPin(structure);
    return control(*modifyPinControlCode_, structure, "SCardControl(MODIFY_PIN_DIRECT)");
}

Result<Bytes> PcscCard::control(std::uint32_t code, ByteView input, const char* what) {
    commandsSent_ = true;
    Bytes answer(MAX_BUFFER_SIZE_EXTENDED);
    DWORD length = 0;
    // The reader waits for the PIN on its pinpad inside this call; pcsc-lite has no timeout here,
    // the reader's own PIN entry timeout ends it.
    const LONG rv =
        context_->note(SCardControl(handle_, code, input.data(), static_cast<DWORD>(input.size()),
                                    answer.data(), static_cast<DWORD>(answer.size()), &length));
    if (rv != SCARD_S_SUCCESS) return explainFailure(pcsc::toError(rv, what));
    answer.resize(std::min<std::size_t>(length, answer.size()));
    return answer;
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
        if (data.size() > kMaxResponseBytes) {
            return makeError(
                ErrorCode::CardError, "The card sent an invalid answer",
                "GET RESPONSE gave more than " + std::to_string(kMaxResponseBytes) + " bytes");
        }
        last = std::move(*next);
    }
    return ResponseApdu(std::move(data), last.sw());
}

Result<ResponseApdu> PcscCard::exchange(const CommandApdu& command) {
    commandsSent_ = true;
    const Bytes encoded = command.encode();
    Bytes received(MAX_BUFFER_SIZE_EXTENDED);
    DWORD receivedLength = static_cast<DWORD>(received.size());
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    const LONG rv = context_->note(SCardTransmit(handle_, pci, encoded.data(),
                                                 static_cast<DWORD>(encoded.size()), nullptr,
                                                 received.data(), &receivedLength));
    if (rv != SCARD_S_SUCCESS) return explainFailure(pcsc::toError(rv, "SCardTransmit"));
    received.resize(std::min<std::size_t>(receivedLength, received.size()));
    auto response = ResponseApdu::parse(received);
    if (!response) return explainFailure(response.error());
    return response;
}

Error PcscCard::explainFailure(Error error) {
    if (error.code == ErrorCode::CardRemoved || error.code == ErrorCode::NoService) return error;
    // Readers report a card pulled mid-command in different ways (an error code, an empty
    // answer) and notice the removal itself a little later; the reader state settles it.
    if (cardLeft()) {
        const std::string detail = error.detail;
        error = pcsc::toError(SCARD_W_REMOVED_CARD, "SCardTransmit");
        error.detail = detail + "; the card left the reader";
    }
    return error;
}

bool PcscCard::cardLeft() {
    auto context = context_->get();
    if (!context) return false;
    SCARD_READERSTATE state{};
    state.szReader = reader_.c_str();
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    if (context_->note(SCardGetStatusChange(*context, 0, &state, 1)) != SCARD_S_SUCCESS) {
        return false;
    }
    const auto isGone = [](const SCARD_READERSTATE& s) {
        return !(s.dwEventState & SCARD_STATE_PRESENT);
    };
    if (isGone(state)) return true;
    const DWORD before = state.dwEventState & ~SCARD_STATE_CHANGED;
    state.dwCurrentState = before;
    const LONG rv =
        context_->note(SCardGetStatusChange(*context, kRemovalSettleMilliseconds, &state, 1));
    // The upper 16 bits count insertions and removals: a different count is a different card.
    return rv == SCARD_S_SUCCESS && (isGone(state) || (state.dwEventState >> 16) != (before >> 16));
}

}  // namespace oa
