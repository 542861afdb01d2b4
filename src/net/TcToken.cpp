#include "net/TcToken.h"

#include "net/RefreshAddress.h"
#include "net/XmlDocument.h"

namespace oa::net {
namespace {

constexpr qsizetype kMaxTokenBytes = 64 * 1024;

Error tokenError(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput,
                     "The provider sent an invalid authentication request (TC token).", detail);
}

Result<std::optional<QString>> leafText(const XmlElement& parent, QStringView name) {
    const auto found = parent.childrenNamed(name);
    if (found.empty()) return std::optional<QString>{};
    if (found.size() > 1) return tokenError(name.toString().toStdString() + " occurs twice");
    if (!found.front()->children.empty())
        return tokenError(name.toString().toStdString() + " has child elements");
    return std::optional<QString>{found.front()->trimmedText()};
}

Result<void> readLeaf(const XmlElement& parent, QStringView name, QString& into) {
    auto text = leafText(parent, name);
    if (!text) return text.error();
    into = text->value_or(QString());
    return {};
}

Result<void> readOptionalLeaf(const XmlElement& parent, QStringView name,
                              std::optional<QString>& into) {
    auto text = leafText(parent, name);
    if (!text) return text.error();
    into = std::move(*text);
    return {};
}

Result<void> readPathSecurityParameters(const XmlElement& root, TcTokenFields& fields) {
    const auto parameters = root.childrenNamed(u"PathSecurity-Parameters");
    if (parameters.empty()) return {};
    if (parameters.size() > 1) return tokenError("PathSecurity-Parameters occurs twice");
    auto read = readOptionalLeaf(*parameters.front(), u"PSK", fields.psk);
    // An empty PSK element says "no PSK" as much as a missing one (BSI A2_19: attached model).
    if (fields.psk && fields.psk->isEmpty()) fields.psk.reset();
    return read;
}

// The parsed document holds the PSK's hex too; wipe it with the document.
struct PskTextWiper {
    XmlElement& root;
    ~PskTextWiper() {
        for (auto& parameters : root.children) {
            if (parameters.name != QLatin1String("PathSecurity-Parameters")) continue;
            for (auto& psk : parameters.children)
                if (!psk.text.isEmpty())
                    wipe(psk.text.data(), static_cast<std::size_t>(psk.text.size()) * 2);
        }
    }
};

QUrl strictUrl(const QString& text) {
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

bool isWebUrl(const QUrl& url) {
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

TcTokenOutcome errorPage(int status, Error error) {
    TcTokenOutcome outcome;
    outcome.action = TcTokenAction::ShowErrorPage;
    outcome.errorPageStatus = status;
    outcome.result = BrowserResult::failure(BrowserResultMinor::CommunicationError);
    outcome.error = std::move(error);
    return outcome;
}

TcTokenOutcome redirect(TcTokenAction action, QUrl target, BrowserResultMinor minor, Error error) {
    TcTokenOutcome outcome;
    outcome.action = action;
    outcome.redirectTarget = std::move(target);
    outcome.result = BrowserResult::failure(minor);
    outcome.error = std::move(error);
    return outcome;
}

// Errors in the token's making go to CommunicationErrorAddress; http is accepted there because
// the BSI test A2_27 expects the redirect even then. Without it the RefreshAddress is the next
// place the eService listens; with neither only an error page remains.
TcTokenOutcome communicationFailure(const TcTokenFields& fields, Error error) {
    const QUrl address = strictUrl(fields.communicationErrorAddress.value_or(QString()));
    if (isWebUrl(address))
        return redirect(TcTokenAction::RedirectToCommunicationErrorAddress, address,
                        BrowserResultMinor::CommunicationError, std::move(error));
    const QUrl refreshAddress = strictUrl(fields.refreshAddress);
    if (isHttpsUrl(refreshAddress))
        return redirect(TcTokenAction::RedirectToRefreshAddress, refreshAddress,
                        BrowserResultMinor::CommunicationError, std::move(error));
    error.detail += "; neither CommunicationErrorAddress nor RefreshAddress usable";
    return errorPage(400, std::move(error));
}

// The eService is reachable but the channel to its eID-Server cannot be set up. validate() has
// made sure a CommunicationErrorAddress, if there is one, is a web URL.
TcTokenOutcome trustedChannelFailure(const TcTokenFields& fields, const QUrl& refreshAddress,
                                     Error error) {
    auto outcome =
        redirect(TcTokenAction::RedirectToRefreshAddress, refreshAddress,
                 BrowserResultMinor::TrustedChannelEstablishmentFailed, std::move(error));
    if (fields.communicationErrorAddress && !fields.communicationErrorAddress->isEmpty())
        outcome.communicationErrorAddress = strictUrl(*fields.communicationErrorAddress);
    return outcome;
}

bool isErrorToken(const TcTokenFields& fields) {
    return fields.serverAddress.isEmpty() && fields.sessionIdentifier.isEmpty() &&
           fields.refreshAddress.isEmpty() && fields.communicationErrorAddress &&
           !fields.communicationErrorAddress->isEmpty();
}

std::optional<Error> pathSecurityProblem(const TcTokenFields& fields) {
    if (fields.pathSecurityProtocol &&
        *fields.pathSecurityProtocol != QLatin1String(kTlsPskProtocol))
        return tokenError("unsupported PathSecurity-Protocol " +
                          logExcerpt(*fields.pathSecurityProtocol));
    if (fields.psk && !fields.pathSecurityProtocol)
        return tokenError("PSK without PathSecurity-Protocol");
    if (fields.psk) {
        auto psk = decodeHexBinary(*fields.psk);
        if (!psk) return tokenError("PSK is not an even number of hex digits");
        wipe(*psk);
    }
    return std::nullopt;
}

TcToken acceptedToken(const TcTokenFields& fields, QUrl serverAddress, QUrl refreshAddress) {
    TcToken token;
    token.serverAddress = std::move(serverAddress);
    token.sessionIdentifier = fields.sessionIdentifier;
    token.refreshAddress = std::move(refreshAddress);
    if (fields.communicationErrorAddress && !fields.communicationErrorAddress->isEmpty())
        token.communicationErrorAddress = strictUrl(*fields.communicationErrorAddress);
    if (fields.psk) {
        auto psk = decodeHexBinary(*fields.psk);
        token.psk = SecureBytes(view(*psk));
        wipe(*psk);
    }
    return token;
}

TcTokenOutcome validate(const TcTokenFields& fields) {
    if (isErrorToken(fields))
        return communicationFailure(fields, tokenError("the eService could not create a session"));
    const QUrl refreshAddress = strictUrl(fields.refreshAddress);
    if (!isHttpsUrl(refreshAddress))
        return communicationFailure(fields, tokenError("RefreshAddress is not an https URL"));
    if (fields.communicationErrorAddress && !fields.communicationErrorAddress->isEmpty() &&
        !isWebUrl(strictUrl(*fields.communicationErrorAddress)))
        return communicationFailure(fields, tokenError("CommunicationErrorAddress is no URL"));
    if (fields.binding != QLatin1String(kPaosBinding))
        return communicationFailure(
            fields, tokenError("unsupported Binding '" + logExcerpt(fields.binding) + "'"));
    const QUrl serverAddress = strictUrl(fields.serverAddress);
    if (!isHttpsUrl(serverAddress))
        return trustedChannelFailure(fields, refreshAddress,
                                     tokenError("ServerAddress is not an https URL"));
    if (fields.sessionIdentifier.isEmpty())
        return trustedChannelFailure(fields, refreshAddress,
                                     tokenError("SessionIdentifier is empty"));
    if (auto problem = pathSecurityProblem(fields))
        return trustedChannelFailure(fields, refreshAddress, std::move(*problem));
    TcTokenOutcome outcome;
    outcome.action = TcTokenAction::Proceed;
    outcome.result = BrowserResult::success();
    outcome.token = acceptedToken(fields, serverAddress, refreshAddress);
    return outcome;
}

}  // namespace

TcTokenFields::~TcTokenFields() {
    if (psk && !psk->isEmpty()) wipe(psk->data(), static_cast<std::size_t>(psk->size()) * 2);
}

Result<TcTokenFields> parseTcTokenFields(QByteArrayView body) {
    auto document = parseXmlDocument(body, XmlLimits{kMaxTokenBytes, 8, 128});
    if (!document) return tokenError(document.error().detail);
    const PskTextWiper wiper{*document};
    const XmlElement& root = *document;
    if (root.name != QLatin1String("TCTokenType") && root.name != QLatin1String("TCToken"))
        return tokenError("root element is " + logExcerpt(root.name));
    TcTokenFields fields;
    for (auto result :
         {readLeaf(root, u"ServerAddress", fields.serverAddress),
          readLeaf(root, u"SessionIdentifier", fields.sessionIdentifier),
          readLeaf(root, u"RefreshAddress", fields.refreshAddress),
          readOptionalLeaf(root, u"CommunicationErrorAddress", fields.communicationErrorAddress),
          readLeaf(root, u"Binding", fields.binding),
          readOptionalLeaf(root, u"PathSecurity-Protocol", fields.pathSecurityProtocol),
          readPathSecurityParameters(root, fields)}) {
        if (!result) return result.error();
    }
    if (fields.pathSecurityProtocol && fields.pathSecurityProtocol->isEmpty())
        fields.pathSecurityProtocol.reset();
    return fields;
}

TcTokenOutcome evaluateTcToken(QByteArrayView body) {
    if (QByteArrayView(body).trimmed().isEmpty())
        return errorPage(404, tokenError("the TC token is empty"));
    auto fields = parseTcTokenFields(body);
    if (!fields) return errorPage(404, fields.error());
    return validate(*fields);
}

QUrl TcTokenOutcome::redirectUrl() const {
    return redirectTarget.isEmpty() ? QUrl() : withResult(redirectTarget, result);
}

}  // namespace oa::net
