#include "eac/SecureMessagingCard.h"

namespace oa::eac {

SecureMessagingCard::SecureMessagingCard(Card& inner, std::unique_ptr<SecureMessaging> messaging)
    : inner_(inner), messaging_(std::move(messaging)) {
    closedBecause_ = makeError(ErrorCode::SecureMessaging,
                               "The secure connection to the ID card was closed", "session closed");
}

void SecureMessagingCard::close() {
    if (messaging_) messaging_->wipeKeys();
    messaging_.reset();
}

Result<ResponseApdu> SecureMessagingCard::transmit(const CommandApdu& command) {
    if (!messaging_) return closedBecause_;
    auto fail = [this](Error error) {
        close();
        closedBecause_ = makeError(ErrorCode::SecureMessaging,
                                   "The secure connection to the ID card was interrupted",
                                   "earlier failure: " + error.detail);
        return error;
    };
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
    return plain;
}

}  // namespace oa::eac
