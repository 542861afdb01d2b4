#include "net/PaosTransmit.h"

#include <algorithm>

namespace oa::net {
namespace {

ResultMinor minorForExchangeFailure(ErrorCode code) {
    switch (code) {
        case ErrorCode::NoCard:
        case ErrorCode::CardRemoved:
            return ResultMinor::NoCard;
        case ErrorCode::NoReader:
            return ResultMinor::UnknownSlot;
        case ErrorCode::Timeout:
            return ResultMinor::TimeoutError;
        case ErrorCode::Cancelled:
            return ResultMinor::IfdlCancellationByUser;
        default:
            return ResultMinor::UnknownError;
    }
}

}  // namespace

bool isAcceptableResponse(ByteView responseApdu, const std::vector<Bytes>& acceptableStatusCodes) {
    if (responseApdu.size() < 2) return false;
    if (acceptableStatusCodes.empty()) return true;
    const ByteView statusWord = responseApdu.last(2);
    return std::any_of(acceptableStatusCodes.begin(), acceptableStatusCodes.end(),
                       [&](const Bytes& code) {
                           return !code.empty() && code.size() <= statusWord.size() &&
                                  std::equal(code.begin(), code.end(), statusWord.begin());
                       });
}

TransmitOutcome executeTransmit(const Transmit& transmit, const ApduExchange& exchange) {
    TransmitOutcome outcome;
    for (const auto& info : transmit.inputApduInfos) {
        auto response = exchange(info.inputApdu);
        if (!response) {
            outcome.result = EcardResult::error(minorForExchangeFailure(response.error().code),
                                                QString::fromStdString(response.error().detail));
            return outcome;
        }
        outcome.outputApdus.push_back(*response);
        if (!isAcceptableResponse(*response, info.acceptableStatusCodes)) {
            const ByteView statusWord =
                response->size() >= 2 ? view(*response).last(2) : ByteView();
            outcome.result = EcardResult::error(ResultMinor::UnknownError,
                                                QStringLiteral("unexpected status word ") +
                                                    QString::fromStdString(toHex(statusWord)));
            return outcome;
        }
    }
    return outcome;
}

}  // namespace oa::net
