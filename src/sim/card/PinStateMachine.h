#pragma once

#include <cstdint>
#include <optional>

#include "base/SecureBytes.h"
#include "card/ResponseApdu.h"

namespace oa::sim {

// PACE password references (TR-03110-3, MSE:Set AT tag 83).
enum class Password : std::uint8_t { Mrz = 1, Can = 2, Pin = 3, Puk = 4 };

struct CardSecrets {
    SecureBytes pin = SecureBytes::fromAscii("123456");
    SecureBytes can = SecureBytes::fromAscii("500540");
    SecureBytes puk = SecureBytes::fromAscii("9876543210");
    // MRZ information (document number, date of birth, date of expiry, each with check digit);
    // empty: the card offers no PACE with the MRZ.
    SecureBytes mrz;
};

// What the card remembers across sessions about its PIN.
struct PinState {
    static constexpr int kMaxRetries = 3;
    static constexpr int kPukUses = 10;

    int retryCounter = kMaxRetries;
    int pukUsesLeft = kPukUses;
    bool eidDeactivated = false;
    bool transportPin = false;  // the 5-digit PIN of the PIN letter, to be replaced first

    bool operator==(const PinState&) const = default;
};

// The nPA's PIN rules (card-protocols §6.3) as pure logic: 3 tries; at 1 the PIN is suspended and
// may only be tried after PACE with the CAN in the same session; at 0 it is blocked until PACE
// with the PUK and RESET RETRY COUNTER; the PUK unblocks 10 times; a transport PIN must be
// changed before the eID function is usable; a deactivated eID function answers 6283.
class PinStateMachine {
public:
    explicit PinStateMachine(PinState state = {}, CardSecrets secrets = {});

    const PinState& state() const { return state_; }
    const CardSecrets& secrets() const { return secrets_; }
    const SecureBytes& secret(Password password) const;

    // Answer to MSE:Set AT choosing this password: for the PIN it reports the retry counter.
    StatusWord selectPassword(Password password) const;
    // Checked before the outcome of PACE step 4 counts: Success, or why the PIN is not tried.
    StatusWord mayAuthenticate(Password password) const;
    // The outcome of PACE step 4 with this password; Success, or the status word to answer.
    StatusWord paceFinished(Password password, bool passwordCorrect);
    // A new PACE run drops the password of the previous channel.
    void paceStarted();
    // Power-on: forgets the session (CAN resume, authenticated password).
    void resetSession();

    // RESET RETRY COUNTER 03 03 after PACE with the PUK.
    StatusWord unblockPin();
    // RESET RETRY COUNTER 02 03 <new PIN> after PACE with the (transport) PIN.
    StatusWord changePin(ByteView newPin);
    // The same from a terminal with the PIN management right (after TA and CA; the card checks
    // that): no PIN needed, a blocked or suspended PIN gets 3 tries with the new value.
    StatusWord setPinByTerminal(ByteView newPin);
    // RESET RETRY COUNTER 03 03 from a terminal with the PIN management right: 3 tries again,
    // no PUK use counted.
    StatusWord resetRetryCounterByTerminal();
    void setEidActivated(bool activated) { state_.eidDeactivated = !activated; }

    std::optional<Password> authenticatedPassword() const { return authenticated_; }
    // Whether the eID function may be used by this session (after PACE, TA, CA).
    bool eidUsable() const { return !state_.eidDeactivated && !state_.transportPin; }

private:
    PinState state_;
    CardSecrets secrets_;
    std::optional<Password> authenticated_;
    bool canAuthenticatedThisSession_ = false;
};

}  // namespace oa::sim
