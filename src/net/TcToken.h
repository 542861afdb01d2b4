#pragma once

#include <QByteArrayView>
#include <QString>
#include <QUrl>
#include <optional>

#include "base/Result.h"
#include "base/SecureBytes.h"
#include "net/EcardResult.h"

namespace oa::net {

inline constexpr char kPaosBinding[] = "urn:liberty:paos:2006-08";
inline constexpr char kTlsPskProtocol[] = "urn:ietf:rfc:4279";

// The TC token's elements as written (TR-03124-1, POSeIDAS schema 1.3), trimmed. An empty
// element reads like an absent one: empty text, or no value for the optional elements.
struct TcTokenFields {
    QString serverAddress;
    QString sessionIdentifier;
    QString refreshAddress;
    std::optional<QString> communicationErrorAddress;
    QString binding;
    std::optional<QString> pathSecurityProtocol;
    std::optional<QString> psk;  // hex as sent; wiped when the fields die

    TcTokenFields() = default;
    TcTokenFields(TcTokenFields&&) = default;
    TcTokenFields& operator=(TcTokenFields&&) = default;
    TcTokenFields(const TcTokenFields&) = delete;
    TcTokenFields& operator=(const TcTokenFields&) = delete;
    ~TcTokenFields();
};

// Reads the token's XML strictly (no DTD or entities, 64 KiB at most, each element at most once);
// the root may be TCTokenType (POSeIDAS, BSI template) or TCToken, with or without a namespace.
Result<TcTokenFields> parseTcTokenFields(QByteArrayView body);

// A token that passed every check.
struct TcToken {
    QUrl serverAddress;
    QString sessionIdentifier;  // the TLS-PSK identity and the StartPAOS SessionIdentifier
    QUrl refreshAddress;
    std::optional<QUrl> communicationErrorAddress;
    std::optional<SecureBytes> psk;  // present: TLS-2 with RSA-PSK; absent: attached eID-Server

    bool usesPsk() const { return psk.has_value(); }
};

// What the client must do with a fetched token (§4.2/4.3 of our digest).
enum class TcTokenAction {
    Proceed,                              // connect to ServerAddress
    RedirectToRefreshAddress,             // via the RefreshAddress algorithm, with the result
    RedirectToCommunicationErrorAddress,  // straight there, with the result
    ShowErrorPage,                        // nowhere to send the browser: answer with an error page
};

struct TcTokenOutcome {
    TcTokenAction action = TcTokenAction::ShowErrorPage;
    std::optional<TcToken> token;  // when Proceed
    QUrl redirectTarget;           // when redirecting, without the result parameters
    BrowserResult result;          // to append to redirectTarget
    int errorPageStatus = 0;       // 404 (no usable token) or 400 when showing an error page
    // When redirecting to the RefreshAddress: where the browser goes if that address turns out
    // unusable (§2.3 step 4), as the token named it.
    std::optional<QUrl> communicationErrorAddress;
    std::optional<Error> error;  // why, unless Proceed

    // redirectTarget with ResultMajor/ResultMinor appended.
    QUrl redirectUrl() const;
};

TcTokenOutcome evaluateTcToken(QByteArrayView body);

}  // namespace oa::net
