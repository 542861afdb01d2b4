#pragma once

#include <string>

#include "base/Bytes.h"
#include "base/Result.h"
#include "card/CommandApdu.h"
#include "card/ResponseApdu.h"

namespace oa {

// A connection to a card in a reader. Transmit blocks the calling thread, so it is never called
// from the GUI thread. Errors are typed: CardRemoved, NoReader (reader gone), NoService (pcscd
// gone), Timeout, CardError (garbage from the card).
class Card {
public:
    virtual ~Card() = default;
    virtual Result<ResponseApdu> transmit(const CommandApdu& command) = 0;
    virtual const Bytes& atr() const = 0;
    virtual std::string readerName() const = 0;
    // Whether the path to the card carries extended-length APDUs.
    virtual bool supportsExtendedLength() const { return true; }
    // Whether the reader runs PACE itself (PC/SC part 10 FEATURE_EXECUTE_PACE, comfort readers
    // with a pinpad; see card/ReaderPace.h).
    virtual bool hasReaderPace() const { return false; }
    // Sends one EXECUTE_PACE control command to the reader and returns its raw answer.
    virtual Result<Bytes> controlReaderPace(ByteView command) {
        (void)command;
        return makeError(ErrorCode::Unsupported, "This card reader cannot run PACE itself",
                         "no FEATURE_EXECUTE_PACE");
    }
    // Whether the reader changes a PIN on its pinpad (PC/SC part 10 FEATURE_MODIFY_PIN_DIRECT).
    virtual bool hasPinpadModify() const { return false; }
    // Sends one MODIFY_PIN_DIRECT control command (a PIN_MODIFY structure, see
    // card/PinpadModify.h) and returns the reader's raw answer.
    virtual Result<Bytes> controlModifyPin(ByteView structure) {
        (void)structure;
        return makeError(ErrorCode::Unsupported, "This card reader cannot change a PIN itself",
                         "no FEATURE_MODIFY_PIN_DIRECT");
    }
};

}  // namespace oa
