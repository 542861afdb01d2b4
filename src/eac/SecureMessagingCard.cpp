#include "eac/SecureMessagingCard.h"

#include "card/ReaderPace.h"

namespace oa::eac {
namespace {

// The largest plain part whose protected form still fits a short APDU: DO'87' (tag, length,
// padding-content indicator, data padded to whole blocks), DO'97' with a one-byte Le when the
// command has one, and DO'8E' with 8 bytes of MAC must come to at most 255 bytes. AES blocks are
// 16 bytes and 3DES blocks 8, so sizing for 16 fits both ciphers.
std::size_t largestShortPart(const CommandApdu& command) {
    constexpr std::size_t kBlock = 16;
    const bool indicator = (command.ins() & 1) == 0;  // odd INS use DO'85' without it
    const std::size_t trailer = (command.le() != CommandApdu::kNoLe ? 3 : 0) + 10;
    for (std::size_t size = 255; size > 0; --size) {
        const std::size_t value = (size / kBlock + 1) * kBlock + (indicator ? 1 : 0);
        const std::size_t object = 1 + (value < 128 ? 1 : 2) + value;
        if (object + trailer <= 255) return size;
    }
    return 1;
}

}  // namespace

SecureMessagingCard::SecureMessagingCard(Card& inner, std::unique_ptr<SecureMessaging> messaging)
    : inner_(inner), messaging_(std::move(messaging)) {
    closedBecause_ = makeError(ErrorCode::SecureMessaging,
                               "The secure connection to the ID card was closed", "session closed");
}

SecureMessagingCard::SecureMessagingCard(Card& inner) : SecureMessagingCard(inner, nullptr) {
    readerProtects_ = true;
    readerChannel_ = true;
}

std::unique_ptr<SecureMessagingCard> SecureMessagingCard::overReaderChannel(Card& inner) {
    return std::unique_ptr<SecureMessagingCard>(new SecureMessagingCard(inner));
}

std::unique_ptr<SecureMessagingCard> SecureMessagingCard::afterPace(Card& inner,
                                                                    PaceResult& paced) {
    if (paced.readerSecureMessaging) return overReaderChannel(inner);
    return std::make_unique<SecureMessagingCard>(
        inner, std::make_unique<SecureMessaging>(std::move(paced.keys)));
}

SecureMessagingCard::~SecureMessagingCard() {
    close();
    // Best effort: a reader without the card or without DestroyPACEChannel drops its channel at
    // the next EstablishPACEChannel anyway.
    if (readerChannel_) (void)readerpace::destroyChannel(inner_);
}

void SecureMessagingCard::close() {
    if (messaging_) messaging_->wipeKeys();
    messaging_.reset();
    readerProtects_ = false;
}

Error SecureMessagingCard::fail(Error error) {
    close();
    closedBecause_ = makeError(ErrorCode::SecureMessaging,
                               "The secure connection to the ID card was interrupted",
                               "earlier failure: " + error.detail);
    return error;
}

Result<ResponseApdu> SecureMessagingCard::transmit(const CommandApdu& command) {
    if (readerProtects_) {
        auto response = inner_.transmit(command);
        if (!response) return fail(response.error());
        return response;
    }
    if (!messaging_) return closedBecause_;
    if (inner_.supportsExtendedLength()) return transmitProtected(command);
    // Le cannot be split; READ BINARY asks for short pieces itself.
    if (command.le() > CommandApdu::kShortMaxLe)
        return fail(makeError(
            ErrorCode::Unsupported, "The card reader cannot transfer this much data at once",
            "Le " + std::to_string(command.le()) + " needs extended length, reader has none"));
    // The data is split before protection and every part is protected as a command of its own,
    // with its own SSC step and MAC over its own header (chaining bit included): secure
    // messaging of TR-03110-3 F / ICAO 9303-11 9.8 protects one command-response pair at a time,
    // and ISO/IEC 7816-4 5.1.1.1 has the card answer each chained command on its own, which under
    // secure messaging is a protected 9000 the terminal must check before it sends the next part.
    const auto parts = command.chainedParts(largestShortPart(command));
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        auto response = transmitProtected(parts[i]);
        if (!response) return response;
        // The card has dropped the chain; its answer is the answer to the whole command.
        if (!response->isSuccess()) return response;
    }
    return transmitProtected(parts.back());
}

Result<ResponseApdu> SecureMessagingCard::transmitProtected(const CommandApdu& command) {
    auto protectedCommand = messaging_->protect(command);
    if (!protectedCommand) return fail(protectedCommand.error());
    // The counter has moved already, so a command we cannot send ends the session as well.
    if (protectedCommand->isExtended() && !inner_.supportsExtendedLength())
        return fail(makeError(ErrorCode::Unsupported,
                              "The card reader cannot transfer this much data at once",
                              "protected APDU needs extended length, reader has none"));
    auto response = inner_.transmit(*protectedCommand);
    if (!response) return fail(response.error());
    auto plain = messaging_->unprotect(*response);
    if (!plain) return fail(plain.error());
    // ISO/IEC 7816-4 5.1: Le is the most the card may send. More is a chip that does not follow
    // the protocol; its answer is not passed on as if it were one. (Without Le, the callers that
    // expect no data check that themselves: some emulators answer SELECT with data.)
    if (command.le() != CommandApdu::kNoLe && plain->data().size() > command.le())
        return fail(makeError(ErrorCode::SecureMessaging,
                              "The secure connection to the ID card was interrupted",
                              "response carries " + std::to_string(plain->data().size()) +
                                  " data bytes, Le was " + std::to_string(command.le())));
    return plain;
}

}  // namespace oa::eac
