#include "sim/world/ServerPaos.h"

#include <QUuid>
#include <QXmlStreamWriter>

#include "sim/world/ServerXml.h"

namespace oa::sim {
namespace {

const QString kSoap = QStringLiteral("http://schemas.xmlsoap.org/soap/envelope/");
const QString kPaos = QStringLiteral("urn:liberty:paos:2006-08");
const QString kAddressing = QStringLiteral("http://www.w3.org/2005/03/addressing");
const QString kDss = QStringLiteral("urn:oasis:names:tc:dss:1.0:core:schema");
const QString kEcard = QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1");
const QString kIso = QStringLiteral("urn:iso:std:iso-iec:24727:tech:schema");
const QString kXsi = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
const QString kEacProtocol = QStringLiteral("urn:oid:1.3.162.15480.3.0.14");
const QString kResultMajorOk =
    QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok");
const QString kResultMajorError =
    QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error");

Error malformed(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "The eID-Client sent a malformed PAOS message",
                     detail);
}

std::string str(const QString& text) {
    return text.toStdString();
}

Result<Bytes> hexOf(const ServerXmlElement& element) {
    Bytes bytes;
    const QString text = element.text;
    if (text.isEmpty() || !fromHex(str(text), bytes) || text.contains(QLatin1Char(' ')))
        return malformed(str(element.name) + " is not hex");
    return bytes;
}

Result<ClientResult> readResult(const ServerXmlElement& body) {
    const auto* result = body.child(u"Result");
    if (result == nullptr) return malformed(str(body.name) + " without Result");
    ClientResult parsed;
    if (const auto* major = result->child(u"ResultMajor")) parsed.major = major->text;
    if (const auto* minor = result->child(u"ResultMinor")) parsed.minor = minor->text;
    if (const auto* message = result->child(u"ResultMessage")) parsed.message = message->text;
    if (parsed.major.isEmpty()) return malformed("Result without ResultMajor");
    return parsed;
}

Result<void> readProtocolData(const ServerXmlElement& data, ClientMessage& message) {
    const auto type = data.attribute(kXsi, u"type");
    if (!type) return malformed("AuthenticationProtocolData without xsi:type");
    message.protocolDataType = type->mid(type->indexOf(QLatin1Char(':')) + 1);
    for (const auto& child : data.children) {
        if (child.name == QLatin1String("CertificationAuthorityReference")) {
            message.references.push_back(child.text);
            continue;
        }
        if (message.fields.count(child.name) != 0)
            return malformed(str(child.name) + " appears twice");
        auto bytes = hexOf(child);
        if (!bytes) return bytes.error();
        message.fields.emplace(child.name, std::move(*bytes));
    }
    return {};
}

Result<void> readBody(const ServerXmlElement& body, ClientMessage& message) {
    if (body.name == QLatin1String("StartPAOS")) {
        message.type = ClientMessageType::StartPaos;
        const auto* session = body.child(u"SessionIdentifier");
        if (session == nullptr || session->text.isEmpty())
            return malformed("StartPAOS without SessionIdentifier");
        message.sessionIdentifier = session->text;
        message.result.major = kResultMajorOk;
        return {};
    }
    if (body.name == QLatin1String("InitializeFrameworkResponse")) {
        message.type = ClientMessageType::InitializeFrameworkResponse;
    } else if (body.name == QLatin1String("DIDAuthenticateResponse")) {
        message.type = ClientMessageType::DidAuthenticateResponse;
    } else if (body.name == QLatin1String("TransmitResponse")) {
        message.type = ClientMessageType::TransmitResponse;
    } else {
        return malformed("unknown PAOS body " + str(body.name));
    }
    auto result = readResult(body);
    if (!result) return result.error();
    message.result = std::move(*result);
    if (message.type == ClientMessageType::DidAuthenticateResponse) {
        if (const auto* data = body.child(u"AuthenticationProtocolData"))
            return readProtocolData(*data, message);
    }
    if (message.type == ClientMessageType::TransmitResponse) {
        for (const auto* apdu : body.childrenNamed(u"OutputAPDU")) {
            auto bytes = hexOf(*apdu);
            if (!bytes) return bytes.error();
            if (bytes->size() < 2) return malformed("OutputAPDU without status word");
            message.outputApdus.push_back(std::move(*bytes));
        }
    }
    return {};
}

QString hex(ByteView bytes) {
    return QString::fromStdString(toHex(bytes));
}

// The SOAP envelope around one body element.
class Envelope {
public:
    Envelope(const QString& relatesTo, const QString& messageId) : writer_(&xml_) {
        writer_.writeStartDocument();
        writer_.writeNamespace(kSoap, QStringLiteral("soap"));
        writer_.writeNamespace(kAddressing, QStringLiteral("wsa"));
        writer_.writeNamespace(kPaos, QStringLiteral("paos"));
        writer_.writeNamespace(kDss, QStringLiteral("dss"));
        writer_.writeNamespace(kEcard, QStringLiteral("ecard"));
        writer_.writeNamespace(kIso, QStringLiteral("iso"));
        writer_.writeNamespace(kXsi, QStringLiteral("xsi"));
        writer_.writeStartElement(kSoap, QStringLiteral("Envelope"));
        writer_.writeStartElement(kSoap, QStringLiteral("Header"));
        writer_.writeTextElement(
            kAddressing, QStringLiteral("Action"),
            QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/PAOS/GetNextCommand"));
        if (!relatesTo.isEmpty())
            writer_.writeTextElement(kAddressing, QStringLiteral("RelatesTo"), relatesTo);
        writer_.writeTextElement(kAddressing, QStringLiteral("MessageID"), messageId);
        writer_.writeEndElement();
        writer_.writeStartElement(kSoap, QStringLiteral("Body"));
    }

    QXmlStreamWriter& writer() { return writer_; }
    void iso(const QString& name, const QString& value) {
        writer_.writeTextElement(kIso, name, value);
    }
    void isoHex(const QString& name, ByteView value) { iso(name, hex(value)); }

    void startProtocolData(const QString& type) {
        writer_.writeStartElement(kIso, QStringLiteral("DIDAuthenticate"));
        writer_.writeStartElement(kIso, QStringLiteral("ConnectionHandle"));
        iso(QStringLiteral("SlotHandle"), QStringLiteral("00"));
        writer_.writeEndElement();
        iso(QStringLiteral("DIDName"), QStringLiteral("PIN"));
        writer_.writeStartElement(kIso, QStringLiteral("AuthenticationProtocolData"));
        writer_.writeAttribute(kXsi, QStringLiteral("type"), QStringLiteral("iso:") + type);
        writer_.writeAttribute(QStringLiteral("Protocol"), kEacProtocol);
    }

    QByteArray finish() {
        writer_.writeEndDocument();
        return xml_;
    }

private:
    QByteArray xml_;
    QXmlStreamWriter writer_;
};

QString freshMessageId() {
    return QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

}  // namespace

QString toString(ClientMessageType type) {
    switch (type) {
        case ClientMessageType::StartPaos:
            return QStringLiteral("StartPAOS");
        case ClientMessageType::InitializeFrameworkResponse:
            return QStringLiteral("InitializeFrameworkResponse");
        case ClientMessageType::DidAuthenticateResponse:
            return QStringLiteral("DIDAuthenticateResponse");
        case ClientMessageType::TransmitResponse:
            break;
    }
    return QStringLiteral("TransmitResponse");
}

bool ClientResult::isOk() const {
    return major == kResultMajorOk;
}

const Bytes* ClientMessage::field(const char* name) const {
    const auto found = fields.find(QLatin1String(name));
    return found == fields.end() ? nullptr : &found->second;
}

Result<ClientMessage> readClientMessage(QByteArrayView xml, const QString& lastServerMessageId) {
    auto root = readServerXml(xml);
    if (!root) return root.error();
    if (root->name != QLatin1String("Envelope") || root->namespaceUri != kSoap)
        return malformed("root is not a SOAP envelope");
    const auto* header = root->child(u"Header");
    const auto* body = root->child(u"Body");
    if (body == nullptr || body->children.size() != 1)
        return malformed("SOAP Body must hold exactly one element");
    ClientMessage message;
    if (header != nullptr) {
        if (const auto* id = header->child(u"MessageID")) message.messageId = id->text;
        if (const auto* relates = header->child(u"RelatesTo")) message.relatesTo = relates->text;
    }
    if (message.messageId.isEmpty()) return malformed("no wsa:MessageID");
    if (message.relatesTo != lastServerMessageId)
        return malformed("RelatesTo '" + str(message.relatesTo) + "' does not answer '" +
                         str(lastServerMessageId) + "'");
    if (auto ok = readBody(body->children.front(), message); !ok) return ok.error();
    return message;
}

ServerResult ServerResult::ok() {
    return {kResultMajorOk, {}, {}};
}

ServerResult ServerResult::error(const QString& minorUri, const QString& message) {
    return {kResultMajorError, minorUri, message};
}

QByteArray ServerMessageWriter::initializeFramework() {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    envelope.writer().writeEmptyElement(kEcard, QStringLiteral("InitializeFramework"));
    return envelope.finish();
}

QByteArray ServerMessageWriter::eac1(const Eac1Input& input) {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    envelope.startProtocolData(QStringLiteral("EAC1InputType"));
    for (const auto& certificate : input.certificates)
        envelope.isoHex(QStringLiteral("Certificate"), certificate);
    envelope.isoHex(QStringLiteral("CertificateDescription"), input.certificateDescription);
    if (input.requiredChat) envelope.isoHex(QStringLiteral("RequiredCHAT"), *input.requiredChat);
    if (input.optionalChat) envelope.isoHex(QStringLiteral("OptionalCHAT"), *input.optionalChat);
    if (input.authenticatedAuxiliaryData)
        envelope.isoHex(QStringLiteral("AuthenticatedAuxiliaryData"),
                        *input.authenticatedAuxiliaryData);
    if (input.transactionInfo)
        envelope.iso(QStringLiteral("TransactionInfo"), *input.transactionInfo);
    return envelope.finish();
}

QByteArray ServerMessageWriter::eac2(const Eac2Input& input) {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    envelope.startProtocolData(QStringLiteral("EAC2InputType"));
    for (const auto& certificate : input.certificates)
        envelope.isoHex(QStringLiteral("Certificate"), certificate);
    envelope.isoHex(QStringLiteral("EphemeralPublicKey"), input.ephemeralPublicKey);
    if (input.signature) envelope.isoHex(QStringLiteral("Signature"), *input.signature);
    return envelope.finish();
}

QByteArray ServerMessageWriter::eacAdditionalInput(ByteView signature) {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    envelope.startProtocolData(QStringLiteral("EACAdditionalInputType"));
    envelope.isoHex(QStringLiteral("Signature"), signature);
    return envelope.finish();
}

QByteArray ServerMessageWriter::transmit(const std::vector<InputApdu>& apdus) {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    envelope.writer().writeStartElement(kIso, QStringLiteral("Transmit"));
    envelope.iso(QStringLiteral("SlotHandle"), QStringLiteral("00"));
    for (const auto& apdu : apdus) {
        envelope.writer().writeStartElement(kIso, QStringLiteral("InputAPDUInfo"));
        envelope.isoHex(QStringLiteral("InputAPDU"), apdu.apdu);
        for (const auto& code : apdu.acceptableStatusCodes)
            envelope.isoHex(QStringLiteral("AcceptableStatusCode"), code);
        envelope.writer().writeEndElement();
    }
    return envelope.finish();
}

QByteArray ServerMessageWriter::startPaosResponse(const ServerResult& result) {
    messageId_ = freshMessageId();
    Envelope envelope(relatesTo_, messageId_);
    auto& writer = envelope.writer();
    writer.writeStartElement(kIso, QStringLiteral("StartPAOSResponse"));
    writer.writeStartElement(kDss, QStringLiteral("Result"));
    writer.writeTextElement(kDss, QStringLiteral("ResultMajor"), result.major);
    if (!result.minor.isEmpty())
        writer.writeTextElement(kDss, QStringLiteral("ResultMinor"), result.minor);
    if (!result.message.isEmpty()) {
        writer.writeStartElement(kDss, QStringLiteral("ResultMessage"));
        writer.writeAttribute(QStringLiteral("xml:lang"), QStringLiteral("en"));
        writer.writeCharacters(result.message);
        writer.writeEndElement();
    }
    return envelope.finish();
}

}  // namespace oa::sim
