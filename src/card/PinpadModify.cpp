#include "card/PinpadModify.h"

#include "card/Card.h"
#include "card/CommandApdu.h"
#include "card/LittleEndian.h"

namespace oa::pinpad {
namespace {

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card reader sent an invalid answer",
                     std::move(detail));
}

Error badStructure(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The PIN change request for the reader is invalid",
                     std::move(detail));
}

}  // namespace

ModifyPinRequest changePinRequest() {
    ModifyPinRequest request;
    // 00 2C 02 03 Lc=06 and six bytes the reader overwrites with the new PIN.
    request.apdu = hexBytes("002C020306FFFFFFFFFFFF");
    return request;
}

Bytes encodeModifyStructure(const ModifyPinRequest& request) {
    Bytes out{request.timeoutSeconds,
              request.timeoutSeconds,
              kFormatAsciiBytes,
              request.pinBlockSize,
              0x00,  // the PIN's length is not written into the APDU
              0x00,
              request.newPinOffset};
    appendLittleEndian(out, std::uint32_t{request.minDigits} << 8 | request.maxDigits, 2);
    out.push_back(request.confirmNewPin ? kConfirmNewPin : 0x00);
    out.push_back(kValidationKey);
    out.push_back(request.confirmNewPin ? 2 : 1);  // messages: new PIN (and again)
    appendLittleEndian(out, request.languageId, 2);
    out.insert(out.end(), {0x00, 0x01, 0x02, 0x00, 0x00, 0x00});
    appendLittleEndian(out, static_cast<std::uint32_t>(request.apdu.size()), 4);
    append(out, request.apdu);
    return out;
}

Result<ModifyPinRequest> parseModifyStructure(ByteView structure) {
    if (structure.size() < kStructureHeaderSize)
        return badStructure("PIN_MODIFY shorter than its 24-byte header");
    const ByteView apdu = structure.subspan(kStructureHeaderSize);
    if (readLittleEndian(structure.subspan(20, 4)) != apdu.size())
        return badStructure("PIN_MODIFY ulDataLength does not match abData");
    if (structure[2] != kFormatAsciiBytes)
        return badStructure("PIN_MODIFY format is not ASCII in bytes");
    if ((structure[9] & kEnterCurrentPin) != 0)
        return badStructure("PIN_MODIFY asks for the current PIN, which PACE has checked");
    ModifyPinRequest request;
    request.timeoutSeconds = structure[0];
    request.pinBlockSize = structure[3] & 0x0F;
    request.newPinOffset = structure[6];
    request.maxDigits = structure[7];
    request.minDigits = structure[8];
    request.confirmNewPin = (structure[9] & kConfirmNewPin) != 0;
    request.languageId = static_cast<std::uint16_t>(readLittleEndian(structure.subspan(12, 2)));
    request.apdu.assign(apdu.begin(), apdu.end());
    if (request.minDigits == 0 || request.minDigits > request.maxDigits ||
        request.maxDigits > request.pinBlockSize)
        return badStructure("PIN_MODIFY PIN sizes do not fit the PIN block");
    auto command = CommandApdu::parse(apdu);
    if (!command) return badStructure("PIN_MODIFY abData is no APDU: " + command.error().detail);
    if (std::size_t{request.newPinOffset} + request.pinBlockSize > command->data().size())
        return badStructure("PIN_MODIFY PIN block runs past the APDU's data");
    return request;
}

Result<ResponseApdu> parseModifyAnswer(ByteView answer) {
    auto response = ResponseApdu::parse(answer);
    if (!response) return malformed("MODIFY_PIN_DIRECT answer: " + response.error().detail);
    const std::string detail = "MODIFY_PIN_DIRECT answered " + describe(response->sw());
    if (response->sw1() == 0x64 && !response->data().empty())
        return malformed("MODIFY_PIN_DIRECT pinpad status with data");
    switch (response->sw()) {
        case kPinpadTimeout:
            return makeError(ErrorCode::Timeout, "No new PIN was entered on the reader in time.",
                             detail);
        case kPinpadCancelled:
            return makeError(ErrorCode::Cancelled, "The PIN entry was cancelled on the reader.",
                             detail);
        case kPinpadMismatch:
            return makeError(ErrorCode::InvalidInput,
                             "The two new PINs typed on the reader were different.", detail);
        case kPinpadWrongLength:
            return makeError(ErrorCode::InvalidInput,
                             "The new PIN typed on the reader has the wrong length.", detail);
        default:
            return response;
    }
}

Result<ResponseApdu> modifyPin(Card& card, const ModifyPinRequest& request) {
    auto raw = card.controlModifyPin(encodeModifyStructure(request));
    if (!raw) return raw.error();
    return parseModifyAnswer(*raw);
}

}  // namespace oa::pinpad
