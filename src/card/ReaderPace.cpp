#include "card/ReaderPace.h"

#include "card/Card.h"
#include "card/LittleEndian.h"

#include <cstdio>

namespace oa::readerpace {
namespace {

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card reader sent an invalid answer",
                     std::move(detail));
}

void putLittle16(Bytes& out, std::size_t value) {
    appendLittleEndian(out, static_cast<std::uint32_t>(value), 2);
}

// Reads length-prefixed fields front to back and refuses anything that runs past the end.
class Reader {
public:
    explicit Reader(ByteView bytes) : bytes_(bytes) {}
    bool take(std::size_t count, ByteView& out) {
        if (bytes_.size() - at_ < count) return false;
        out = bytes_.subspan(at_, count);
        at_ += count;
        return true;
    }
    bool u8(std::size_t& out) {
        ByteView b;
        if (!take(1, b)) return false;
        out = b[0];
        return true;
    }
    bool u16Little(std::size_t& out) {
        ByteView b;
        if (!take(2, b)) return false;
        out = readLittleEndian(b);
        return true;
    }
    bool field8(ByteView& out) {
        std::size_t length = 0;
        return u8(length) && take(length, out);
    }
    bool field16(ByteView& out) {
        std::size_t length = 0;
        return u16Little(length) && take(length, out);
    }
    bool atEnd() const { return at_ == bytes_.size(); }

private:
    ByteView bytes_;
    std::size_t at_ = 0;
};

Bytes copy(ByteView bytes) {
    return Bytes(bytes.begin(), bytes.end());
}

}  // namespace

Bytes encodeCommand(Function function, ByteView input) {
    Bytes command{static_cast<std::uint8_t>(function)};
    putLittle16(command, input.size());
    append(command, input);
    return command;
}

Result<ControlAnswer> parseAnswer(ByteView answer) {
    Reader reader(answer);
    ByteView result;
    ByteView data;
    if (!reader.take(4, result)) return malformed("EXECUTE_PACE answer shorter than dwResult");
    if (!reader.field16(data)) return malformed("EXECUTE_PACE output length runs past the answer");
    if (!reader.atEnd()) return malformed("EXECUTE_PACE answer has bytes after its output");
    ControlAnswer parsed;
    parsed.result = readLittleEndian(result);
    parsed.data = copy(data);
    return parsed;
}

SecureBytes encodeEstablishInput(const EstablishPaceChannelInput& input) {
    Bytes out{input.passwordId, static_cast<std::uint8_t>(input.chat.size())};
    append(out, input.chat);
    out.push_back(static_cast<std::uint8_t>(input.password.size()));
    append(out, input.password.bytes());
    putLittle16(out, input.certificateDescription.size());
    append(out, input.certificateDescription);
    SecureBytes secure{view(out)};
    wipe(out);
    return secure;
}

Result<EstablishPaceChannelInput> parseEstablishInput(ByteView bytes) {
    Reader reader(bytes);
    std::size_t passwordId = 0;
    ByteView chat, password, description;
    if (!reader.u8(passwordId) || !reader.field8(chat) || !reader.field8(password) ||
        !reader.field16(description) || !reader.atEnd())
        return malformed("EstablishPACEChannel input does not add up");
    if (passwordId < 1 || passwordId > 4)
        return malformed("EstablishPACEChannel password ID " + std::to_string(passwordId));
    EstablishPaceChannelInput input;
    input.passwordId = static_cast<std::uint8_t>(passwordId);
    input.chat = copy(chat);
    input.password = SecureBytes(password);
    input.certificateDescription = copy(description);
    return input;
}

Bytes encodeEstablishOutput(const EstablishPaceChannelOutput& output) {
    Bytes out{static_cast<std::uint8_t>(output.mseSetAtStatus >> 8),
              static_cast<std::uint8_t>(output.mseSetAtStatus)};
    putLittle16(out, output.efCardAccess.size());
    append(out, output.efCardAccess);
    const Bytes none;
    const Bytes& current = output.currentCar ? *output.currentCar : none;
    const Bytes& previous = output.previousCar ? *output.previousCar : none;
    out.push_back(static_cast<std::uint8_t>(current.size()));
    append(out, current);
    out.push_back(static_cast<std::uint8_t>(previous.size()));
    append(out, previous);
    putLittle16(out, output.idIcc.size());
    append(out, output.idIcc);
    return out;
}

Result<EstablishPaceChannelOutput> parseEstablishOutput(ByteView bytes) {
    Reader reader(bytes);
    ByteView status, cardAccess, current, previous, idIcc;
    if (!reader.take(2, status) || !reader.field16(cardAccess) || !reader.field8(current) ||
        !reader.field8(previous) || !reader.field16(idIcc) || !reader.atEnd())
        return malformed("EstablishPACEChannel output does not add up");
    if (cardAccess.empty()) return malformed("EstablishPACEChannel output without EF.CardAccess");
    if (idIcc.empty()) return malformed("EstablishPACEChannel output without IDicc");
    if (current.empty() && !previous.empty())
        return malformed("EstablishPACEChannel output has a previous CAR but no current one");
    EstablishPaceChannelOutput output;
    output.mseSetAtStatus = static_cast<std::uint16_t>(status[0] << 8 | status[1]);
    output.efCardAccess = copy(cardAccess);
    if (!current.empty()) output.currentCar = copy(current);
    if (!previous.empty()) output.previousCar = copy(previous);
    output.idIcc = copy(idIcc);
    return output;
}

Result<std::uint8_t> parseCapabilities(ByteView bytes) {
    Reader reader(bytes);
    ByteView bitmap;
    if (!reader.field8(bitmap) || !reader.atEnd() || bitmap.size() != 1)
        return malformed("GetReaderPACECapabilities output is not one bitmap byte");
    return bitmap[0];
}

Error resultError(std::uint32_t result) {
    char hex[11];
    std::snprintf(hex, sizeof hex, "0x%08X", static_cast<unsigned>(result));
    const std::string detail = std::string("EstablishPACEChannel dwResult ") + hex;
    switch (result) {
        case kResultCancelled:
            return makeError(ErrorCode::Cancelled, "The PIN entry was cancelled on the reader.",
                             detail);
        case kResultInputTimeout:
            return makeError(ErrorCode::Timeout, "No PIN was entered on the reader in time.",
                             detail);
        case kResultCommunicationAbort:
        case kResultNoCard:
            return makeError(ErrorCode::CardRemoved, "The card was removed.", detail);
        default:
            break;
    }
    if ((result & 0xFF000000) == kResultCardErrorBase) {
        const auto step = static_cast<std::uint8_t>(result >> 16);
        const auto sw = static_cast<std::uint16_t>(result);
        if (step == kStepMutualAuthentication && ((sw & 0xFFF0) == 0x63C0 || sw == 0x6300))
            return makeError(ErrorCode::AuthenticationFailed, "The PIN is wrong", detail);
        if ((sw == 0x6982 || sw == 0x6985) && step == kStepMutualAuthentication)
            return makeError(ErrorCode::AuthenticationFailed,
                             "The PIN is suspended. Enter the CAN first.", detail);
        if (sw == 0x6983 || (step == kStepMseSetAt && sw == 0x63C0))
            return makeError(ErrorCode::AuthenticationFailed, "The PIN is blocked", detail);
        if (step == kStepMseSetAt && sw == 0x6283)
            return makeError(ErrorCode::AuthenticationFailed,
                             "The online ID function of this card is switched off.", detail);
        return makeError(ErrorCode::CardError, "PACE failed", detail);
    }
    return makeError(ErrorCode::CardError, "The card reader could not establish PACE", detail);
}

Result<std::uint8_t> readerCapabilities(Card& card) {
    if (!card.hasReaderPace()) return card.controlReaderPace({}).error();
    auto raw = card.controlReaderPace(encodeCommand(Function::GetReaderPaceCapabilities, {}));
    if (!raw) return raw.error();
    auto answer = parseAnswer(*raw);
    if (!answer) return answer.error();
    if (answer->result != kResultOk) return resultError(answer->result);
    return parseCapabilities(answer->data);
}

Result<void> destroyChannel(Card& card) {
    if (!card.hasReaderPace()) return card.controlReaderPace({}).error();
    auto raw = card.controlReaderPace(encodeCommand(Function::DestroyPaceChannel, {}));
    if (!raw) return raw.error();
    auto answer = parseAnswer(*raw);
    if (!answer) return answer.error();
    if (answer->result != kResultOk) return resultError(answer->result);
    if (!answer->data.empty()) return malformed("DestroyPACEChannel answered with data");
    return {};
}

std::optional<std::uint16_t> cardStatus(std::uint32_t result, std::uint8_t step) {
    if ((result & 0xFF000000) != kResultCardErrorBase || ((result >> 16) & 0xFF) != step)
        return std::nullopt;
    return static_cast<std::uint16_t>(result);
}

Result<EstablishPaceChannelOutput> establishChannel(Card& card,
                                                    const EstablishPaceChannelInput& input,
                                                    std::uint32_t* readerResult) {
    const SecureBytes encoded = encodeEstablishInput(input);
    Bytes command = encodeCommand(Function::EstablishPaceChannel, encoded.bytes());
    auto raw = card.controlReaderPace(command);
    wipe(command);
    if (!raw) return raw.error();
    auto answer = parseAnswer(*raw);
    if (!answer) return answer.error();
    if (readerResult) *readerResult = answer->result;
    if (answer->result != kResultOk) return resultError(answer->result);
    return parseEstablishOutput(answer->data);
}

}  // namespace oa::readerpace
