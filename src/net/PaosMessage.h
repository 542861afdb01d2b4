#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>
#include <variant>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "net/EcardResult.h"
#include "net/XmlDocument.h"

namespace oa::net {

// Namespaces of the PAOS messages (TR-03112-7; §5.2 of our digest).
namespace paos_ns {
inline constexpr char kSoap[] = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr char kPaos[] = "urn:liberty:paos:2006-08";
inline constexpr char kAddressing[] = "http://www.w3.org/2005/03/addressing";
inline constexpr char kDss[] = "urn:oasis:names:tc:dss:1.0:core:schema";
inline constexpr char kEcard[] = "http://www.bsi.bund.de/ecard/api/1.1";
inline constexpr char kIso[] = "urn:iso:std:iso-iec:24727:tech:schema";
inline constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema";
inline constexpr char kXsi[] = "http://www.w3.org/2001/XMLSchema-instance";
}  // namespace paos_ns

inline constexpr char kEacProtocol[] = "urn:oid:1.3.162.15480.3.0.14";
inline constexpr char kEac2Protocol[] = "urn:oid:1.3.162.15480.3.0.14.2";

// Messages from the eID-Server.
struct InitializeFramework {};

struct DidAuthenticateEac1 {
    QString protocol;  // kEacProtocol or kEac2Protocol
    QString didName;
    std::vector<Bytes> certificates;  // terminal, DV and link certificates in any order
    Bytes certificateDescription;
    std::optional<Bytes> requiredChat;
    std::optional<Bytes> optionalChat;
    std::optional<Bytes> authenticatedAuxiliaryData;
    std::optional<QString> transactionInfo;
    std::vector<QString> acceptedEidTypes;
};

struct DidAuthenticateEac2 {
    QString protocol;
    std::vector<Bytes> certificates;
    Bytes ephemeralPublicKey;
    std::optional<Bytes>
        signature;  // absent: ask with EAC2OutputType{Challenge}, EACAdditionalInput follows
};

struct DidAuthenticateEacAdditionalInput {
    QString protocol;
    Bytes signature;
};

struct InputApduInfo {
    Bytes inputApdu;
    std::vector<Bytes> acceptableStatusCodes;  // empty: every status word is acceptable
};

struct Transmit {
    Bytes slotHandle;
    std::vector<InputApduInfo> inputApduInfos;
};

struct StartPaosResponse {
    EcardResult result;
};

enum class PaosMessageType {
    InitializeFramework,
    DidAuthenticateEac1,
    DidAuthenticateEac2,
    DidAuthenticateEacAdditionalInput,
    Transmit,
    StartPaosResponse,
};

using PaosServerBody = std::variant<InitializeFramework, DidAuthenticateEac1, DidAuthenticateEac2,
                                    DidAuthenticateEacAdditionalInput, Transmit, StartPaosResponse>;

struct PaosServerMessage {
    QString messageId;
    QString relatesTo;
    PaosServerBody body;

    PaosMessageType type() const { return static_cast<PaosMessageType>(body.index()); }
};

QString toString(PaosMessageType type);

inline constexpr qsizetype kMaxPaosMessageBytes = 1024 * 1024;

// A server message whose envelope and WS-Addressing were accepted; the body is still unread. The
// two steps are apart so that a client that cannot use the body can still answer the MessageID
// with an error result.
struct PaosEnvelope {
    QString messageId;
    QString relatesTo;
    XmlElement body;  // the one element inside soap:Body
};

Result<PaosEnvelope> readPaosEnvelope(QByteArrayView xml, const QString& lastSentMessageId);
Result<PaosServerBody> readPaosBody(const PaosEnvelope& envelope);

// Both steps at once. Reads a message of the eID-Server. Headers are read leniently (unknown
// entries ignored, body elements matched by local name) but WS-Addressing strictly: a MessageID is
// required and RelatesTo must name the MessageID of the client's last message. Every hex field is
// checked; a body this client does not know is an Unsupported error.
Result<PaosServerMessage> parsePaosMessage(QByteArrayView xml, const QString& lastSentMessageId);

Error unexpectedPaosMessage(PaosMessageType got, PaosMessageType expected);

// The message of the given type or, for any other, a typed error; a StartPAOSResponse in the
// wrong place means the server aborted (serverError for the browser).
template <typename T>
Result<T> expectPaosMessage(PaosServerMessage&& message) {
    if (auto* body = std::get_if<T>(&message.body)) return std::move(*body);
    return unexpectedPaosMessage(message.type(),
                                 static_cast<PaosMessageType>(PaosServerBody(T{}).index()));
}

}  // namespace oa::net
