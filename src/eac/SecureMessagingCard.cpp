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
    auto response = inner_.transmit(*protectedCommand);
    if (!response) return fail(response.error());
    auto plain = messaging_->unprotect(*response);
    if (!plain) return fail(plain.error());
    return plain;
}

}  // namespace oa::eac
