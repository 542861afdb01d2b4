#pragma once

#include <mutex>

#include "base/Bytes.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"
#include "sim/card/CardCryptoProfile.h"
#include "sim/card/FileSystem.h"

namespace oa {

// The virtual eID card: raw command APDU in, raw response APDU out, with no I/O of its own. The
// in-process simulator backend and the vpcd card process both drive it. Thread-safe.
class VirtualCard {
public:
    VirtualCard();
    explicit VirtualCard(const sim::CardCryptoProfile& crypto);
    VirtualCard(const VirtualCard&) = delete;
    VirtualCard& operator=(const VirtualCard&) = delete;

    // Answers one command APDU; malformed commands get a status word, never an exception.
    Bytes process(ByteView command);
    // Power-on or warm reset: the session (selection, channels) starts over, secrets stay.
    void reset();
    const Bytes& atr() const { return atr_; }

    // The ATR of a German eID card (T=1, historical bytes of the nPA).
    static Bytes defaultAtr();

private:
    ResponseApdu dispatch(const CommandApdu& command);
    StatusWord mayRead(const sim::ElementaryFile& file) const;
    void buildFileSystem();

    mutable std::mutex mutex_;
    sim::CardCryptoProfile crypto_;
    sim::FileSystem files_;
    Bytes atr_;
};

}  // namespace oa
