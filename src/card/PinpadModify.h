#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/ResponseApdu.h"

namespace oa {

class Card;

// A PIN changed on the reader's pinpad (PC/SC part 10 FEATURE_MODIFY_PIN_DIRECT): the host sends
// a PIN_MODIFY structure with an APDU template, the reader asks the user for the new PIN (twice
// when confirmation is asked), puts it into the template and sends the command to the card. On a
// comfort reader with its own PACE channel the command travels under the reader's secure
// messaging, so the new PIN never reaches the host.
//
// The structure is 24 bytes of settings (multi-byte fields little-endian) followed by the APDU:
// bTimerOut, bTimerOut2, bmFormatString, bmPINBlockString, bmPINLengthFormat,
// bInsertionOffsetOld, bInsertionOffsetNew, wPINMaxExtraDigit (min << 8 | max), bConfirmPIN,
// bEntryValidationCondition, bNumberMessage, wLangId, bMsgIndex1..3, bTeoPrologue[3],
// ulDataLength, abData.
namespace pinpad {

struct ModifyPinRequest {
    std::uint8_t timeoutSeconds = 0;  // 0: the reader's default
    std::uint8_t minDigits = 6;
    std::uint8_t maxDigits = 6;
    bool confirmNewPin = true;      // the reader asks for the new PIN twice
    std::uint8_t newPinOffset = 0;  // where the new PIN goes, counted from the APDU's data field
    std::uint8_t pinBlockSize = 6;  // bytes the reader fills with the ASCII digits
    std::uint16_t languageId = 0x0407;
    // The command APDU with its data field reserved for the PIN block.
    Bytes apdu;
};

inline constexpr std::size_t kStructureHeaderSize = 24;
inline constexpr std::uint8_t kFormatAsciiBytes = 0x82;  // system units bytes, ASCII digits
inline constexpr std::uint8_t kConfirmNewPin = 0x01;
inline constexpr std::uint8_t kEnterCurrentPin = 0x02;
inline constexpr std::uint8_t kValidationKey = 0x02;

// Status words the reader answers itself (CCID pinpad conventions) instead of the card's.
inline constexpr std::uint16_t kPinpadTimeout = 0x6400;
inline constexpr std::uint16_t kPinpadCancelled = 0x6401;
inline constexpr std::uint16_t kPinpadMismatch = 0x6402;
inline constexpr std::uint16_t kPinpadWrongLength = 0x6403;

// RESET RETRY COUNTER with a new PIN (card-protocols §6.2) as a pinpad template.
ModifyPinRequest changePinRequest();

Bytes encodeModifyStructure(const ModifyPinRequest& request);
// Strict: every length adds up, the PIN block lies inside the APDU's data field, the APDU parses.
Result<ModifyPinRequest> parseModifyStructure(ByteView structure);
// The reader's answer is the card's response APDU; the pinpad's own status words become errors
// (Cancelled, Timeout, InvalidInput for two different new PINs).
Result<ResponseApdu> parseModifyAnswer(ByteView answer);

// Sends the request to the card's reader; Unsupported without FEATURE_MODIFY_PIN_DIRECT.
Result<ResponseApdu> modifyPin(Card& card, const ModifyPinRequest& request);

}  // namespace pinpad
}  // namespace oa
