#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "net/EcardResult.h"
#include "net/PaosMessage.h"

namespace oa::net {

// WS-Addressing of one client message: a fresh MessageID, and RelatesTo naming the server message
// being answered (none on StartPAOS).
struct PaosAddressing {
    QString messageId;
    QString relatesTo;
};

// "urn:uuid:" and a random UUID.
QString newPaosMessageId();

// Addressing for the answer to a server message: a fresh MessageID relating to the server's.
PaosAddressing answering(const PaosServerMessage& message);

struct ConnectionHandle {
    Bytes cardApplication = hexBytes("E80704007F00070302");
    Bytes slotHandle = hexBytes("00");
};

struct UserAgent {
    QString name;
    int versionMajor = 0;
    int versionMinor = 0;
    int versionSubminor = 0;
};

struct ApiVersion {
    int major = 1;
    int minor = 1;
    int subminor = 5;
};

struct StartPaos {
    QString sessionIdentifier;
    ConnectionHandle connectionHandle;
    UserAgent userAgent;
    ApiVersion supportedApiVersion;
    std::vector<QString> supportedDidProtocols;
};

struct Eac1Output {
    QString protocol = QLatin1String(kEac2Protocol);
    Bytes certificateHolderAuthorizationTemplate;  // the CHAT after the user's choice
    // The card's current and previous CAR as their characters ("DETESTeID00005"), not hex: AA and
    // Open eCard both send them so and servers expect it.
    std::vector<QString> certificationAuthorityReferences;
    Bytes efCardAccess;
    Bytes idPicc;
    Bytes challenge;
};

// Either the results of Terminal and Chip Authentication, or only the card challenge when the
// server has yet to sign it (EAC2InputType without Signature).
struct Eac2Output {
    QString protocol = QLatin1String(kEac2Protocol);
    Bytes efCardSecurity;
    Bytes authenticationToken;
    Bytes nonce;
    Bytes challenge;
};

QByteArray writeStartPaos(const PaosAddressing& addressing, const StartPaos& message);
QByteArray writeInitializeFrameworkResponse(const PaosAddressing& addressing,
                                            const EcardResult& result, const ApiVersion& version);
QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing, const EcardResult& result,
                                        const Eac1Output& output);
QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing, const EcardResult& result,
                                        const Eac2Output& output);
// An error answer to any DIDAuthenticate: the Result alone, no protocol data.
QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing,
                                        const EcardResult& result);
QByteArray writeTransmitResponse(const PaosAddressing& addressing, const EcardResult& result,
                                 const std::vector<Bytes>& outputApdus);

}  // namespace oa::net
