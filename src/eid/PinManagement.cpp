#include "eid/PinManagement.h"

#include <algorithm>
#include <memory>

#include "card/PinpadModify.h"
#include "eac/CardAccessReader.h"
#include "eid/EidApplication.h"

namespace oa::eid {
namespace {

using eac::PasswordType;

constexpr std::uint8_t kInsResetRetryCounter = 0x2C;
constexpr std::uint8_t kChangeReference = 0x02;  // P1: new reference data follows
constexpr std::uint8_t kResetOnly = 0x03;        // P1: only reset the retry counter
constexpr std::uint8_t kPinReference = 0x03;     // P2

Error invalidSecret(const char* what) {
    return makeError(ErrorCode::InvalidInput, what, "rejected before talking to the card");
}

Error statusError(PinStatus status, std::string detail) {
    const PinStatusMessage message = pinStatusMessage(status);
    return makeError(ErrorCode::AuthenticationFailed, message.message + " " + message.nextStepText,
                     std::move(detail));
}

}  // namespace

bool isDigits(const SecureBytes& secret, std::size_t minLength, std::size_t maxLength) {
    const ByteView bytes = secret.bytes();
    return bytes.size() >= minLength && bytes.size() <= maxLength &&
           std::all_of(bytes.begin(), bytes.end(),
                       [](std::uint8_t c) { return c >= '0' && c <= '9'; });
}

Result<eac::PaceInfo> PinManagement::paceInfo() {
    if (paceInfo_) return *paceInfo_;
    if (auto selected = selectMasterFile(card_); !selected) return selected.error();
    auto infos = eac::readCardAccess(card_);
    if (!infos) return infos.error();
    auto chosen = infos->choosePace();
    if (!chosen) return chosen.error();
    paceInfo_ = *chosen;
    return *chosen;
}

Result<PinStatusMessage> PinManagement::status() {
    auto info = paceInfo();
    if (!info) return info.error();
    eac::PaceChannel pace(card_, *info);
    auto state = pace.queryPinState();
    if (!state) return state.error();
    lastStatus_ = pinStatusFrom(*state);
    return pinStatusMessage(*lastStatus_);
}

bool PinManagement::onPinpad(const SecureBytes& secret) const {
    return secret.empty() && card_.hasReaderPace();
}

Result<eac::PaceResult> PinManagement::establish(PasswordType type, const SecureBytes& password,
                                                 std::optional<Bytes> chat,
                                                 const Bytes& certificateDescription) {
    auto info = paceInfo();
    if (!info) return info.error();
    eac::PaceChannel pace(card_, *info);
    eac::PaceRequest request;
    request.passwordType = type;
    request.password = password;
    request.chat = std::move(chat);
    request.certificateDescription = certificateDescription;
    auto result = pace.establish(request);
    if (type == PasswordType::Pin && pace.pinState()) lastStatus_ = pinStatusFrom(*pace.pinState());
    if (!result && onPinpad(password) && type == PasswordType::Pin &&
        result.error().code == ErrorCode::AuthenticationFailed && lastStatus_) {
        // The user did not see what the card said on the reader: tell the tries left.
        Error error = result.error();
        error.message += ". " + pinStatusMessage(*lastStatus_).message;
        return error;
    }
    return result;
}

Result<eac::PaceResult> PinManagement::authenticateWithPin(const SecureBytes& pin,
                                                           const std::optional<SecureBytes>& can,
                                                           std::optional<Bytes> chat,
                                                           const Bytes& certificateDescription) {
    if (!onPinpad(pin) && !isDigits(pin, 5, 6))
        return invalidSecret("The PIN has 6 digits (the transport PIN 5).");
    if (can && !onPinpad(*can) && !isDigits(*can, 6, 6))
        return invalidSecret("The CAN has 6 digits.");
    if (can) {
        // A successful PACE with the CAN allows one more PIN try in this session; its secure
        // channel ends when the PIN's PACE starts in plain.
        auto withCan = establish(PasswordType::Can, *can, std::nullopt);
        if (!withCan) return withCan.error();
    }
    auto result = establish(PasswordType::Pin, pin, std::move(chat), certificateDescription);
    if (result && pin.size() == 5) lastStatus_ = PinStatus::TransportPin;
    return result;
}

Result<void> PinManagement::changePin(const SecureBytes& currentPin, const SecureBytes& newPin,
                                      const std::optional<SecureBytes>& can) {
    const bool newOnPinpad = newPin.empty() && card_.hasPinpadModify();
    if (!newOnPinpad && !isDigits(newPin, 6, 6))
        return invalidSecret("The new PIN must have exactly 6 digits.");
    // The reader puts the new PIN into a command only under its own secure messaging.
    if (newOnPinpad && !onPinpad(currentPin))
        return invalidSecret("Type the current PIN on the reader as well.");
    auto paced = authenticateWithPin(currentPin, can);
    if (!paced) return paced.error();
    auto secure = eac::SecureMessagingCard::afterPace(card_, *paced);
    auto response = sendNewPin(*secure, newPin);
    if (!response) return response.error();
    if (!response->isSuccess()) {
        return makeError(ErrorCode::CardError, "The card did not accept the new PIN.",
                         "RESET RETRY COUNTER (change PIN) answered " + describe(response->sw()));
    }
    lastStatus_ = PinStatus::Operational;
    return {};
}

Result<ResponseApdu> PinManagement::sendNewPin(eac::SecureMessagingCard& secure,
                                               const SecureBytes& newPin) {
    if (newPin.empty()) {
        // The pinpad asks for the new PIN twice; the reader sends RESET RETRY COUNTER under its
        // channel.
        auto response = pinpad::modifyPin(card_, pinpad::changePinRequest());
        if (!response) secure.close();
        return response;
    }
    CommandApdu command(0x00, kInsResetRetryCounter, kChangeReference, kPinReference,
                        Bytes(newPin.bytes().begin(), newPin.bytes().end()));
    auto response = secure.transmit(command);
    // The command held the new PIN in the clear; CommandApdu has no wiping storage of its own.
    wipe(const_cast<Bytes&>(command.data()));
    return response;
}

Result<void> PinManagement::unblockPin(const SecureBytes& puk) {
    if (!onPinpad(puk) && !isDigits(puk, 10, 10)) return invalidSecret("The PUK has 10 digits.");
    auto paced = establish(PasswordType::Puk, puk, std::nullopt);
    if (!paced) return paced.error();
    auto secure = eac::SecureMessagingCard::afterPace(card_, *paced);
    auto response =
        secure->transmit(CommandApdu(0x00, kInsResetRetryCounter, kResetOnly, kPinReference));
    if (!response) return response.error();
    if (response->is(StatusWord::SecurityStatusNotSatisfied)) {
        lastStatus_ = PinStatus::PukInoperative;
        return statusError(PinStatus::PukInoperative,
                           "RESET RETRY COUNTER (unblock) answered " + describe(response->sw()));
    }
    if (!response->isSuccess()) {
        return makeError(ErrorCode::CardError, "The card did not unblock the PIN.",
                         "RESET RETRY COUNTER (unblock) answered " + describe(response->sw()));
    }
    lastStatus_ = PinStatus::Operational;
    return {};
}

}  // namespace oa::eid
