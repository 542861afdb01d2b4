// Feeds arbitrary bytes to the TC token evaluation. Whatever comes in, the outcome must be one the
// client can act on: an accepted token only with https addresses, a redirect only with a target,
// an error page only with 400 or 404; a CommunicationErrorAddress kept for a failed refresh only
// when it is a web address.
#include <cstdlib>

#include "net/RefreshAddress.h"
#include "net/TcToken.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oa::net;
    const auto outcome =
        evaluateTcToken(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    switch (outcome.action) {
        case TcTokenAction::Proceed:
            if (!outcome.token || outcome.error) std::abort();
            if (!isHttpsUrl(outcome.token->serverAddress)) std::abort();
            if (!isHttpsUrl(outcome.token->refreshAddress)) std::abort();
            if (outcome.token->sessionIdentifier.isEmpty()) std::abort();
            if (outcome.token->psk && outcome.token->psk->empty()) std::abort();
            break;
        case TcTokenAction::RedirectToRefreshAddress:
            if (!isHttpsUrl(outcome.redirectTarget)) std::abort();
            // The fallback for a failed refresh must be a web address with a host.
            if (outcome.communicationErrorAddress &&
                (!outcome.communicationErrorAddress->isValid() ||
                 outcome.communicationErrorAddress->host().isEmpty() ||
                 (outcome.communicationErrorAddress->scheme() != QLatin1String("https") &&
                  outcome.communicationErrorAddress->scheme() != QLatin1String("http"))))
                std::abort();
            [[fallthrough]];
        case TcTokenAction::RedirectToCommunicationErrorAddress:
            if (outcome.token || !outcome.error || outcome.result.ok) std::abort();
            if (!outcome.redirectUrl().isValid() || outcome.redirectUrl().query().isEmpty())
                std::abort();
            break;
        case TcTokenAction::ShowErrorPage:
            if (outcome.token || !outcome.error || !outcome.redirectTarget.isEmpty()) std::abort();
            if (outcome.errorPageStatus != 400 && outcome.errorPageStatus != 404) std::abort();
            break;
    }
    return 0;
}
