#pragma once

#include <memory>

#include "card/Card.h"
#include "eac/SecureMessaging.h"

namespace oa::eac {

// A Card whose APDUs travel protected: each command is wrapped before it goes to `inner` and each
// answer is checked and opened before it comes back. Chained and extended-length commands are
// protected one APDU at a time; on a reader without extended length, a command whose protected
// form would outgrow a short APDU goes out as a chain of short protected parts. The first failure
// of any kind ends the session for good: the keys are wiped and every later transmit fails with
// ErrorCode::SecureMessaging, because the card's counter can no longer be trusted to match ours.
class SecureMessagingCard : public Card {
public:
    SecureMessagingCard(Card& inner, std::unique_ptr<SecureMessaging> messaging);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }

    bool isOpen() const { return messaging_ != nullptr; }
    // Replaces the keys (after Chip Authentication); SSC as the new SecureMessaging says.
    void rekey(std::unique_ptr<SecureMessaging> messaging) { messaging_ = std::move(messaging); }
    void close();

private:
    Result<ResponseApdu> transmitProtected(const CommandApdu& command);
    Error fail(Error error);

    Card& inner_;
    std::unique_ptr<SecureMessaging> messaging_;
    Error closedBecause_;
};

}  // namespace oa::eac
