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
};

}  // namespace oa
