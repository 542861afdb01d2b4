#pragma once

#include <memory>

#include "card/Card.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessaging.h"

namespace oa::eac {

// A Card whose APDUs travel protected: each command is wrapped before it goes to `inner` and each
// answer is checked and opened before it comes back. Chained and extended-length commands are
// protected one APDU at a time; on a reader without extended length, a command whose protected
// form would outgrow a short APDU goes out as a chain of short protected parts. The first failure
// of any kind ends the session for good: the keys are wiped and every later transmit fails with
// ErrorCode::SecureMessaging, because the card's counter can no longer be trusted to match ours.
//
// On a comfort reader that ran PACE itself the reader holds the keys: the card is then opened
// over the reader's channel (overReaderChannel), plain APDUs pass through unchanged and the reader
// protects them. After Chip Authentication rekey() hands protection to the host; the reader passes
// the host's protected APDUs on. When such a card goes away, the reader is told to end its
// channel (DestroyPACEChannel), so no session outlives its user.
class SecureMessagingCard : public Card {
public:
    SecureMessagingCard(Card& inner, std::unique_ptr<SecureMessaging> messaging);
    static std::unique_ptr<SecureMessagingCard> overReaderChannel(Card& inner);
    // The secure card for what PACE gave: the host's keys, or the reader's channel.
    static std::unique_ptr<SecureMessagingCard> afterPace(Card& inner, PaceResult& paced);
    ~SecureMessagingCard() override;
    SecureMessagingCard(const SecureMessagingCard&) = delete;
    SecureMessagingCard& operator=(const SecureMessagingCard&) = delete;

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return inner_.atr(); }
    std::string readerName() const override { return inner_.readerName(); }
    bool supportsExtendedLength() const override { return inner_.supportsExtendedLength(); }

    bool isOpen() const { return messaging_ != nullptr || readerProtects_; }
    // Whether the reader protects the APDUs (its own PACE channel) rather than the host.
    bool readerProtects() const { return readerProtects_; }
    // Replaces the keys (after Chip Authentication); SSC as the new SecureMessaging says.
    void rekey(std::unique_ptr<SecureMessaging> messaging) {
        readerProtects_ = false;
        messaging_ = std::move(messaging);
    }
    void close();

private:
    explicit SecureMessagingCard(Card& inner);
    Result<ResponseApdu> transmitProtected(const CommandApdu& command);
    Error fail(Error error);

    Card& inner_;
    std::unique_ptr<SecureMessaging> messaging_;
    Error closedBecause_;
    bool readerProtects_ = false;
    bool readerChannel_ = false;  // the reader's channel was opened for this card: end it at last
};

}  // namespace oa::eac
