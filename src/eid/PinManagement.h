#pragma once

#include <optional>

#include "base/Result.h"
#include "base/SecureBytes.h"
#include "card/Card.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eid/PinStatus.h"

namespace oa::eid {

// The PIN operations of the eID card (card-protocols §6.2, §6.3) over a card without secure
// messaging: read the PIN status, PACE with the PIN (resuming a suspended PIN with the CAN),
// change the PIN or transport PIN, unblock with the PUK. After each operation lastStatus() says
// what the card reported, so a face can show pinStatusMessage() of it.
//
// On a comfort reader (Card::hasReaderPace()) an empty secret means "typed on the reader's
// pinpad": the reader runs PACE itself and the host never sees the PIN, CAN or PUK; an empty new
// PIN is typed on the pinpad too (twice, FEATURE_MODIFY_PIN_DIRECT).
class PinManagement {
public:
    explicit PinManagement(Card& card) : card_(card) {}
    // For a caller that has read EF.CardAccess already: PACE then costs no second read.
    PinManagement(Card& card, eac::PaceInfo pace) : card_(card), paceInfo_(std::move(pace)) {}

    // MSE:Set AT for the PIN without a PACE run: costs no try.
    Result<PinStatusMessage> status();

    // PACE with the PIN (5-digit transport PIN or 6-digit PIN). With a CAN, PACE with the CAN runs
    // first, which lets a suspended PIN be tried once more. `chat`: complete 7F4C element.
    // `certificateDescription`: for a comfort reader's PACE (it may show it on its display).
    Result<eac::PaceResult> authenticateWithPin(const SecureBytes& pin,
                                                const std::optional<SecureBytes>& can = {},
                                                std::optional<Bytes> chat = {},
                                                const Bytes& certificateDescription = {});

    // PACE with the current PIN, then RESET RETRY COUNTER with the new 6-digit PIN under secure
    // messaging. A 5-digit current PIN is the transport PIN.
    Result<void> changePin(const SecureBytes& currentPin, const SecureBytes& newPin,
                           const std::optional<SecureBytes>& can = {});

    // PACE with the PUK, then RESET RETRY COUNTER without data: the PIN has 3 tries again.
    Result<void> unblockPin(const SecureBytes& puk);

    std::optional<PinStatus> lastStatus() const { return lastStatus_; }

private:
    Result<eac::PaceInfo> paceInfo();
    Result<eac::PaceResult> establish(eac::PasswordType type, const SecureBytes& password,
                                      std::optional<Bytes> chat,
                                      const Bytes& certificateDescription = {});
    // Whether `secret` is left to the reader's pinpad rather than checked here.
    bool onPinpad(const SecureBytes& secret) const;
    Result<ResponseApdu> sendNewPin(eac::SecureMessagingCard& secure, const SecureBytes& newPin);

    Card& card_;
    std::optional<eac::PaceInfo> paceInfo_;
    std::optional<PinStatus> lastStatus_;
};

// Whether `secret` has exactly `length` ASCII digits (or one of the lengths from..to).
bool isDigits(const SecureBytes& secret, std::size_t minLength, std::size_t maxLength);

}  // namespace oa::eid
