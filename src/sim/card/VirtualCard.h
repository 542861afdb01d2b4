#pragma once

#include <functional>
#include <mutex>
#include <optional>

#include "base/Bytes.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "sim/card/CardProfile.h"
#include "sim/card/CardSecureMessaging.h"
#include "sim/card/CardStateFile.h"
#include "sim/card/FileSystem.h"
#include "sim/card/PaceCardSide.h"
#include "sim/card/PinStateMachine.h"
#include "sim/card/TerminalAuthenticationCardSide.h"
#include "sim/card/TerminalAuthorization.h"

namespace oa {

// The virtual eID card: raw command APDU in, raw response APDU out, with no I/O of its own. The
// in-process simulator backend and the vpcd card process both drive it. Thread-safe.
class VirtualCard {
public:
    // Called (under the card's lock) whenever the PIN state or the PIN changed, to persist it.
    using StateListener = std::function<void(const sim::PersistentCardState&)>;

    VirtualCard();
    explicit VirtualCard(sim::CardProfile profile);
    VirtualCard(const VirtualCard&) = delete;
    VirtualCard& operator=(const VirtualCard&) = delete;

    // Answers one command APDU; malformed commands get a status word, never an exception.
    Bytes process(ByteView command);
    // Power-on or warm reset: the session (selection, channels) starts over, secrets stay.
    void reset();
    const Bytes& atr() const { return atr_; }

    const std::string& profileName() const { return profile_.name; }
    sim::PinState pinState() const;
    // Puts back what an earlier run saved (after construction, before use).
    void restoreState(const sim::PersistentCardState& state);
    void setStateListener(StateListener listener);
    // Test hook: the chip's nonce and keys for the next PACE runs, to reproduce published traces.
    void setPaceTestHooks(std::optional<sim::PaceTestHooks> hooks);
    // Test hook: the chip's TA challenge and CA nonce, for the BSI worked example.
    struct EacTestHooks {
        Bytes challenge;                // r_PICC of GET CHALLENGE
        Bytes chipAuthenticationNonce;  // r_PICC of CA
    };
    void setEacTestHooks(std::optional<EacTestHooks> hooks);
    // Whether TA and CA have authenticated the terminal and the chip in this channel.
    bool chipAuthenticated() const;

    // The chip's static CA public key and the SecurityInfos a document signer signs into
    // EF.CardSecurity; setCardSecurity() installs the signed file (FID 011D).
    Bytes chipAuthenticationPublicKey() const;
    Bytes cardSecurityInfos() const;
    void setCardSecurity(Bytes signedCardSecurity);
    // EF.CardSecurity as installed (empty when the card has none).
    Bytes cardSecurity() const;
    bool secureMessagingActive() const;

    // The ATR of a German eID card (T=1, historical bytes of the nPA).
    static Bytes defaultAtr();

private:
    // PACE between MSE:Set AT and the end of General Authenticate step 4.
    struct PaceRun {
        sim::Password password;
        std::optional<sim::TerminalAuthorization> chat;
        sim::PaceCardSide chip;
        int nextStep = 1;
    };

    // A command whose data came in chained parts (ISO/IEC 7816-4 command chaining).
    struct PendingChain {
        std::uint8_t cla, ins, p1, p2;
        Bytes data;
    };

    ResponseApdu processProtected(const CommandApdu& command);
    ResponseApdu receive(const CommandApdu& command);
    ResponseApdu dispatch(const CommandApdu& command);
    ResponseApdu manageSecurityEnvironment(const CommandApdu& command);
    ResponseApdu selectPace(const CommandApdu& command);
    ResponseApdu generalAuthenticate(const CommandApdu& command);
    ResponseApdu paceStep(const CommandApdu& command);
    ResponseApdu finishPace(ByteView terminalToken);
    ResponseApdu resetRetryCounter(const CommandApdu& command);
    ResponseApdu setVerificationKey(const CommandApdu& command);
    ResponseApdu verifyCertificate(const CommandApdu& command);
    ResponseApdu selectTerminalAuthentication(const CommandApdu& command);
    ResponseApdu selectChipAuthentication(const CommandApdu& command);
    ResponseApdu getChallenge(const CommandApdu& command);
    ResponseApdu externalAuthenticate(const CommandApdu& command);
    ResponseApdu chipAuthenticationStep(const CommandApdu& command);
    ResponseApdu restrictedIdentificationStep(const CommandApdu& command);
    ResponseApdu verifyAuxiliaryData(const CommandApdu& command);
    ResponseApdu setEidActivation(const CommandApdu& command, bool activated);
    sim::TerminalAuthorization effectiveRights() const;
    bool eidAccessible() const;
    bool pinManagementAllowed() const;
    StatusWord mayRead(const sim::ElementaryFile& file) const;
    StatusWord mayWrite(const sim::ElementaryFile& file) const;
    void buildFileSystem();
    Bytes chipAuthenticationPublicKeyUnlocked() const;
    void closeSession();
    void notifyIfStateChanged(const sim::PinState& before, const SecureBytes& pinBefore);

    mutable std::mutex mutex_;
    sim::CardProfile profile_;
    sim::FileSystem files_;
    sim::PinStateMachine pins_;
    StateListener stateListener_;
    Bytes atr_;
    std::optional<sim::PaceTestHooks> paceHooks_;
    std::optional<PaceRun> pace_;
    std::optional<PendingChain> chain_;
    std::optional<sim::CardSecureMessaging> secureMessaging_;
    // What the established PACE channel tells later protocols (TA, CA).
    Bytes chipIdentifier_;
    std::optional<sim::TerminalAuthorization> paceChat_;
    sim::TerminalAuthenticationCardSide terminalAuthentication_;
    std::optional<EacTestHooks> eacHooks_;
    SecureBytes chipAuthenticationKey_;
    SecureBytes restrictedIdentificationKey_;
    bool chipAuthenticationSelected_ = false;
    bool restrictedIdentificationSelected_ = false;
    bool chipAuthenticated_ = false;
    // CA's new keys take over after its own response went out under the old ones.
    std::optional<sim::CardSecureMessaging> nextSecureMessaging_;
};

}  // namespace oa
