#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <map>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::sim {

// The eID-Server's side of PAOS (TR-03112-7; spec digest §5): it reads the client's messages and
// writes its own. Written for the server, independent of the client's reader and writer.

enum class ClientMessageType {
    StartPaos,
    InitializeFrameworkResponse,
    DidAuthenticateResponse,
    TransmitResponse,
};

QString toString(ClientMessageType type);

// The dss:Result of a client response.
struct ClientResult {
    QString major;  // full URI
    QString minor;
    QString message;

    bool isOk() const;
};

struct ClientMessage {
    ClientMessageType type = ClientMessageType::StartPaos;
    QString messageId;
    QString relatesTo;  // empty on StartPAOS
    ClientResult result;
    QString sessionIdentifier;  // StartPAOS
    QString protocolDataType;   // DIDAuthenticateResponse: EAC1OutputType, EAC2OutputType
    // DIDAuthenticateResponse: hex fields of AuthenticationProtocolData by local name, decoded;
    // CertificationAuthorityReference is kept as its characters in `references`.
    std::map<QString, Bytes> fields;
    std::vector<QString> references;
    std::vector<Bytes> outputApdus;  // TransmitResponse

    const Bytes* field(const char* name) const;
};

// MessageID is required; RelatesTo must name `lastServerMessageId` (empty: none expected).
Result<ClientMessage> readClientMessage(QByteArrayView xml, const QString& lastServerMessageId);

// What the server sends. Each message gets a fresh MessageID (returned through `messageId`).
struct Eac1Input {
    std::vector<Bytes> certificates;
    Bytes certificateDescription;
    std::optional<Bytes> requiredChat;  // 7F4C contents or whole, as the server chooses
    std::optional<Bytes> optionalChat;
    std::optional<Bytes> authenticatedAuxiliaryData;
    std::optional<QString> transactionInfo;
};

struct Eac2Input {
    std::vector<Bytes> certificates;
    Bytes ephemeralPublicKey;
    std::optional<Bytes> signature;
};

struct InputApdu {
    Bytes apdu;
    std::vector<Bytes> acceptableStatusCodes;
};

struct ServerResult {
    QString major;  // full URI
    QString minor;
    QString message;

    static ServerResult ok();
    static ServerResult error(const QString& minorUri, const QString& message);
};

class ServerMessageWriter {
public:
    // `relatesTo`: the client's MessageID being answered.
    explicit ServerMessageWriter(QString relatesTo) : relatesTo_(std::move(relatesTo)) {}

    QByteArray initializeFramework();
    QByteArray eac1(const Eac1Input& input);
    QByteArray eac2(const Eac2Input& input);
    QByteArray eacAdditionalInput(ByteView signature);
    QByteArray transmit(const std::vector<InputApdu>& apdus);
    QByteArray startPaosResponse(const ServerResult& result);

    const QString& messageId() const { return messageId_; }

private:
    QString relatesTo_;
    QString messageId_;
};

}  // namespace oa::sim
