#pragma once

#include <functional>
#include <mutex>

#include "base/Bytes.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "sim/card/CardProfile.h"
#include "sim/card/CardStateFile.h"
#include "sim/card/FileSystem.h"
#include "sim/card/PinStateMachine.h"

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

    // The ATR of a German eID card (T=1, historical bytes of the nPA).
    static Bytes defaultAtr();

private:
    ResponseApdu dispatch(const CommandApdu& command);
    ResponseApdu resetRetryCounter(const CommandApdu& command);
    StatusWord mayRead(const sim::ElementaryFile& file) const;
    void buildFileSystem();
    void notifyIfStateChanged(const sim::PinState& before, const SecureBytes& pinBefore);

    mutable std::mutex mutex_;
    sim::CardProfile profile_;
    sim::FileSystem files_;
    sim::PinStateMachine pins_;
    StateListener stateListener_;
    Bytes atr_;
};

}  // namespace oa
