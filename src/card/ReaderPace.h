#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "base/Result.h"
#include "base/SecureBytes.h"

namespace oa {

class Card;

// Reader-side PACE of comfort readers (PC/SC part 10 amendment 1, FEATURE_EXECUTE_PACE): the
// reader runs PACE itself, the PIN is typed on its pinpad and never reaches the host, and the
// reader keeps the secure messaging channel for the APDUs that follow.
//
// The control command is bFunction(1) wLengthInputData(2, LE) abData; the answer is
// dwResult(4, LE) wLengthOutputData(2, LE) abData.
namespace readerpace {

enum class Function : std::uint8_t {
    GetReaderPaceCapabilities = 0x01,
    EstablishPaceChannel = 0x02,
    DestroyPaceChannel = 0x03,
};

// Bits of the capabilities bitmap.
inline constexpr std::uint8_t kCapabilityEsign = 0x10;
inline constexpr std::uint8_t kCapabilityEid = 0x20;
inline constexpr std::uint8_t kCapabilityGenericPace = 0x40;
inline constexpr std::uint8_t kCapabilityDestroyChannel = 0x80;

struct EstablishPaceChannelInput {
    std::uint8_t passwordId = 3;   // 1 MRZ, 2 CAN, 3 PIN, 4 PUK
    Bytes chat;                    // complete 7F4C object, or empty
    SecureBytes password;          // empty: the reader asks on its pinpad
    Bytes certificateDescription;  // DER, or empty
};

struct EstablishPaceChannelOutput {
    std::uint16_t mseSetAtStatus = 0;  // the card's SW to MSE:Set AT (PIN retry counter)
    Bytes efCardAccess;
    std::optional<Bytes> currentCar;
    std::optional<Bytes> previousCar;
    Bytes idIcc;
};

struct ControlAnswer {
    std::uint32_t result = 0;
    Bytes data;
};

Bytes encodeCommand(Function function, ByteView input);
Result<ControlAnswer> parseAnswer(ByteView answer);

SecureBytes encodeEstablishInput(const EstablishPaceChannelInput& input);
Result<EstablishPaceChannelInput> parseEstablishInput(ByteView input);
Bytes encodeEstablishOutput(const EstablishPaceChannelOutput& output);
Result<EstablishPaceChannelOutput> parseEstablishOutput(ByteView output);
// bLengthBitMap(1) bitmap.
Result<std::uint8_t> parseCapabilities(ByteView output);

// The user-level error for a reader's dwResult (0 is success), with the MSE:Set AT status word
// for wrong PINs when the reader returned one.
Error resultError(std::uint32_t result);

// Reader result codes used here (PC/SC part 10 amendment 1, 2.6.15 ff).
inline constexpr std::uint32_t kResultOk = 0;
inline constexpr std::uint32_t kResultInconsistentInput = 0xD0000001;
inline constexpr std::uint32_t kResultCardErrorBase = 0xF0000000;  // | step << 16 | SW
inline constexpr std::uint32_t kResultCommunicationAbort = 0xF0100001;
inline constexpr std::uint32_t kResultNoCard = 0xF0100002;
inline constexpr std::uint32_t kResultCancelled = 0xF0200001;
inline constexpr std::uint32_t kResultInputTimeout = 0xF0200002;
// Steps the reader reports card errors for (upper half of the low word).
inline constexpr std::uint8_t kStepMseSetAt = 0x02;
inline constexpr std::uint8_t kStepMutualAuthentication = 0x06;

// Asks the reader what it can do; Unsupported when the card's reader has no EXECUTE_PACE.
Result<std::uint8_t> readerCapabilities(Card& card);
// Runs EstablishPACEChannel on the reader. `readerResult` receives the reader's dwResult.
Result<EstablishPaceChannelOutput> establishChannel(Card& card,
                                                    const EstablishPaceChannelInput& input,
                                                    std::uint32_t* readerResult = nullptr);
// DestroyPACEChannel: the reader ends its secure messaging with the card.
Result<void> destroyChannel(Card& card);
// The card's status word to the step's command when `result` reports a card error in `step`.
std::optional<std::uint16_t> cardStatus(std::uint32_t result, std::uint8_t step);

}  // namespace readerpace
}  // namespace oa
