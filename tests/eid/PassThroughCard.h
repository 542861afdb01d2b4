#pragma once

#include "card/Card.h"

namespace oa::test {

// A card between the session and the real one: passes everything on; a test overrides the one
// thing its reader path or attacker changes.
class PassThroughCard : public Card {
public:
    explicit PassThroughCard(Card& inner) : inner_(inner) {}

    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        return inner_.transmit(command);
    }
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }

protected:
    Card& inner_;
};

}  // namespace oa::test
