#pragma once

// A scripted online-authentication world on loopback: the eService's TC token endpoint (HTTPS)
// and an eID-Server speaking PAOS over RSA-PSK, with a CV terminal certificate issued at test
// time by the built-in test PKI's DV, whose CertificateDescription names the token server's
// origin and pins both TLS certificates. The server signs TA with the test terminal key, verifies
// passive and chip authentication and reads DG4 through Transmit under the CA keys.

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>

#include "TestServers.h"
#include "base/Bytes.h"
#include "eac/Chat.h"
#include "eac/ChipAuthentication.h"
#include "eac/SecureMessaging.h"
#include "eac/SecurityInfos.h"

namespace oa::workflows::test {

// The eID-Server's messages, in protocol order.
enum class ServerStep { InitializeFramework, Eac1, Eac2, EacAdditionalInput, Transmit, Finish };

struct WorldOptions {
    std::vector<eac::AccessRight> terminalRights = {
        eac::AccessRight::ReadDg4, eac::AccessRight::ReadDg5, eac::AccessRight::ReadDg8,
        eac::AccessRight::ReadDg9, eac::AccessRight::AgeVerification};
    std::vector<eac::AccessRight> required = {eac::AccessRight::ReadDg4, eac::AccessRight::ReadDg5};
    std::vector<eac::AccessRight> optional = {eac::AccessRight::ReadDg8};
    std::optional<QString> subjectUrl;  // default: the token server's origin
    bool pinTlsCertificates = true;
    bool tamperDescription = false;  // send a description other than the one certified
    bool initializeFramework = true;
    bool signInAdditionalInput = false;
    std::optional<ServerStep> abortInsteadOf;
    int tokenOverloads = 0;                           // 503 + Retry-After before the token
    bool paosOverloaded = false;                      // 503 + Retry-After to every PAOS message
    std::optional<QByteArray> tokenBody;              // instead of the good token
    std::function<QByteArray(QByteArray)> editToken;  // changes the good token
    std::optional<QString> refreshPath;               // default "/refresh?session=1"
    // The RefreshAddress on another origin, whose server answers with this status (303: to
    // the service's own refresh page).
    std::optional<int> refreshHopStatus;
    // Changes each PAOS answer before it is sent (its index from 0 and the text).
    std::function<QByteArray(int, QByteArray)> editPaos;
    // Told each request's index (from 0) before it is answered; true: never answer it.
    std::function<bool(int)> onTokenRequest;
    std::function<bool(int)> onPaosRequest;
};

class ScriptedWorld {
public:
    explicit ScriptedWorld(WorldOptions options = {});
    ~ScriptedWorld();

    QUrl tcTokenUrl() const;
    QUrl refreshAddress() const;  // where the browser finally goes on success
    QUrl communicationErrorAddress() const;
    QByteArray goodToken() const;

    // What the eID-Server saw and concluded.
    std::vector<ServerStep> sent;
    QString problem;                 // why the server ended with an error, if it did
    QString clientErrorMinor;        // ResultMinor the client reported, if any
    Bytes chatFromClient;            // EAC1OutputType CHAT
    bool chipAuthenticated = false;  // CA token verified under the passively verified chip key
    Bytes dataGroup4;                // read through Transmit
    int tokenRequests = 0;
    int paosRequests = 0;
    int refreshHopRequests = 0;

private:
    net::test::TestAnswer token(const net::test::TestRequest& request);
    net::test::TestAnswer paos(const net::test::TestRequest& request);
    QByteArray answer(const QByteArray& clientMessage);
    QByteArray next(ServerStep step, const QString& relatesTo);
    QByteArray eac1(const QString& relatesTo);
    QByteArray eac2(const QString& relatesTo);
    QByteArray transmit(const QString& relatesTo, const Bytes& apdu);
    QByteArray fault(const QString& relatesTo, const char* what);
    QByteArray finish(const QString& relatesTo, bool ok, const QString& minor = {});
    bool prepareChipAuthentication(const Bytes& efCardAccess);
    bool verifyChipAuthentication(const Bytes& efCardSecurity, const Bytes& token,
                                  const Bytes& nonce);
    Bytes signChallenge() const;

    WorldOptions options_;
    std::unique_ptr<net::test::TestHttpsServer> tokenServer_;
    std::unique_ptr<net::test::TestHttpsServer> eidServer_;
    std::unique_ptr<net::test::TestHttpsServer> refreshHop_;
    QString sessionId_;
    QByteArray psk_;
    Bytes terminalCertificate_;
    Bytes description_;

    // Protocol state of the one session.
    Bytes idPicc_, challenge_;
    std::optional<eac::ChipAuthenticationInfo> caInfo_;
    std::unique_ptr<class ReplayCard> replayCard_;
    std::unique_ptr<eac::ChipAuthentication> chipAuthentication_;
    Bytes ephemeralComp_;
    std::unique_ptr<eac::SecureMessaging> secure_;
    int transmitsDone_ = 0;
};

}  // namespace oa::workflows::test
