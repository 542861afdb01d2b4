#include "net/PaosWriter.h"

#include <QUuid>
#include <QXmlStreamWriter>

namespace oa::net {
namespace {

using namespace paos_ns;

const QString kSoapNs = QLatin1String(kSoap);
const QString kPaosNs = QLatin1String(kPaos);
const QString kAddressingNs = QLatin1String(kAddressing);
const QString kDssNs = QLatin1String(kDss);
const QString kEcardNs = QLatin1String(kEcard);
const QString kIsoNs = QLatin1String(kIso);

QString hex(ByteView bytes) {
    return QString::fromStdString(toHex(bytes));
}

// Writes the SOAP envelope around one body element; the body writer fills in the element.
class PaosDocument {
public:
    explicit PaosDocument(const PaosAddressing& addressing) : writer_(&xml_) {
        writer_.writeStartDocument();
        writer_.writeNamespace(kSoapNs, QStringLiteral("soap"));
        writer_.writeNamespace(QLatin1String(kXsd), QStringLiteral("xsd"));
        writer_.writeNamespace(QLatin1String(kXsi), QStringLiteral("xsi"));
        writer_.writeNamespace(kPaosNs, QStringLiteral("paos"));
        writer_.writeNamespace(kAddressingNs, QStringLiteral("wsa"));
        writer_.writeNamespace(kDssNs, QStringLiteral("dss"));
        writer_.writeNamespace(kEcardNs, QStringLiteral("ecard"));
        writer_.writeNamespace(kIsoNs, QStringLiteral("iso"));
        writer_.writeStartElement(kSoapNs, QStringLiteral("Envelope"));
        writeHeader(addressing);
        writer_.writeStartElement(kSoapNs, QStringLiteral("Body"));
    }

    QXmlStreamWriter& writer() { return writer_; }

    void text(const QString& ns, const QString& name, const QString& value) {
        writer_.writeTextElement(ns, name, value);
    }
    void hexText(const QString& name, ByteView bytes) { text(kIsoNs, name, hex(bytes)); }

    // A response element of namespace ns with the eCard profile and its dss:Result.
    void startResponse(const QString& ns, const QString& name, const EcardResult& result) {
        writer_.writeStartElement(ns, name);
        writer_.writeAttribute(QStringLiteral("Profile"), kEcardNs);
        writeResult(result);
    }

    void startProtocolData(const QString& type, const QString& protocol) {
        writer_.writeStartElement(kIsoNs, QStringLiteral("AuthenticationProtocolData"));
        writer_.writeAttribute(QLatin1String(kXsi), QStringLiteral("type"),
                               QStringLiteral("iso:") + type);
        writer_.writeAttribute(QStringLiteral("Protocol"), protocol);
    }

    QByteArray finish() {
        writer_.writeEndDocument();
        return xml_;
    }

private:
    void writeHeader(const PaosAddressing& addressing) {
        writer_.writeStartElement(kSoapNs, QStringLiteral("Header"));
        writer_.writeStartElement(kPaosNs, QStringLiteral("PAOS"));
        writer_.writeAttribute(kSoapNs, QStringLiteral("mustUnderstand"), QStringLiteral("1"));
        writer_.writeAttribute(kSoapNs, QStringLiteral("actor"),
                               QStringLiteral("http://schemas.xmlsoap.org/soap/actor/next"));
        text(kPaosNs, QStringLiteral("Version"), kPaosNs);
        writer_.writeStartElement(kPaosNs, QStringLiteral("EndpointReference"));
        text(kPaosNs, QStringLiteral("Address"),
             QStringLiteral("http://www.projectliberty.org/2006/01/role/paos"));
        writer_.writeStartElement(kPaosNs, QStringLiteral("MetaData"));
        text(kPaosNs, QStringLiteral("ServiceType"),
             QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/PAOS/GetNextCommand"));
        writer_.writeEndElement();  // MetaData
        writer_.writeEndElement();  // EndpointReference
        writer_.writeEndElement();  // PAOS
        writer_.writeStartElement(kAddressingNs, QStringLiteral("ReplyTo"));
        text(kAddressingNs, QStringLiteral("Address"),
             QStringLiteral("http://www.projectliberty.org/2006/02/role/paos"));
        writer_.writeEndElement();  // ReplyTo
        if (!addressing.relatesTo.isEmpty())
            text(kAddressingNs, QStringLiteral("RelatesTo"), addressing.relatesTo);
        text(kAddressingNs, QStringLiteral("MessageID"), addressing.messageId);
        writer_.writeEndElement();  // Header
    }

    void writeResult(const EcardResult& result) {
        writer_.writeStartElement(kDssNs, QStringLiteral("Result"));
        text(kDssNs, QStringLiteral("ResultMajor"), uriOf(result.major));
        if (!result.minorUri().isEmpty())
            text(kDssNs, QStringLiteral("ResultMinor"), result.minorUri());
        if (!result.message.isEmpty()) {
            writer_.writeStartElement(kDssNs, QStringLiteral("ResultMessage"));
            writer_.writeAttribute(QStringLiteral("xml:lang"), result.messageLanguage);
            writer_.writeCharacters(result.message);
            writer_.writeEndElement();
        }
        writer_.writeEndElement();  // Result
    }

    QByteArray xml_;
    QXmlStreamWriter writer_;
};

void writeVersion(PaosDocument& document, const QString& ns, const QString& name,
                  const ApiVersion& version, const QString& subminorName) {
    auto& writer = document.writer();
    writer.writeStartElement(ns, name);
    document.text(ns, QStringLiteral("Major"), QString::number(version.major));
    document.text(ns, QStringLiteral("Minor"), QString::number(version.minor));
    document.text(ns, subminorName, QString::number(version.subminor));
    writer.writeEndElement();
}

void writeUserAgent(PaosDocument& document, const UserAgent& agent) {
    document.writer().writeStartElement(kIsoNs, QStringLiteral("UserAgent"));
    document.text(kIsoNs, QStringLiteral("Name"), agent.name);
    document.text(kIsoNs, QStringLiteral("VersionMajor"), QString::number(agent.versionMajor));
    document.text(kIsoNs, QStringLiteral("VersionMinor"), QString::number(agent.versionMinor));
    document.text(kIsoNs, QStringLiteral("VersionSubminor"),
                  QString::number(agent.versionSubminor));
    document.writer().writeEndElement();
}

void writeConnectionHandle(PaosDocument& document, const ConnectionHandle& handle) {
    document.writer().writeStartElement(kIsoNs, QStringLiteral("ConnectionHandle"));
    document.hexText(QStringLiteral("CardApplication"), handle.cardApplication);
    document.hexText(QStringLiteral("SlotHandle"), handle.slotHandle);
    document.writer().writeEndElement();
}

void hexIfPresent(PaosDocument& document, const QString& name, const Bytes& bytes) {
    if (!bytes.empty()) document.hexText(name, bytes);
}

}  // namespace

QString newPaosMessageId() {
    return QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

PaosAddressing answering(const PaosServerMessage& message) {
    return {newPaosMessageId(), message.messageId};
}

QByteArray writeStartPaos(const PaosAddressing& addressing, const StartPaos& message) {
    PaosDocument document(addressing);
    document.writer().writeStartElement(kIsoNs, QStringLiteral("StartPAOS"));
    document.text(kIsoNs, QStringLiteral("SessionIdentifier"), message.sessionIdentifier);
    writeConnectionHandle(document, message.connectionHandle);
    writeUserAgent(document, message.userAgent);
    writeVersion(document, kIsoNs, QStringLiteral("SupportedAPIVersions"),
                 message.supportedApiVersion, QStringLiteral("Subminor"));
    for (const auto& protocol : message.supportedDidProtocols)
        document.text(kIsoNs, QStringLiteral("SupportedDIDProtocols"), protocol);
    return document.finish();
}

QByteArray writeInitializeFrameworkResponse(const PaosAddressing& addressing,
                                            const EcardResult& result, const ApiVersion& version) {
    PaosDocument document(addressing);
    document.startResponse(kEcardNs, QStringLiteral("InitializeFrameworkResponse"), result);
    writeVersion(document, kEcardNs, QStringLiteral("Version"), version,
                 QStringLiteral("SubMinor"));
    return document.finish();
}

QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing, const EcardResult& result,
                                        const Eac1Output& output) {
    PaosDocument document(addressing);
    document.startResponse(kIsoNs, QStringLiteral("DIDAuthenticateResponse"), result);
    document.startProtocolData(QStringLiteral("EAC1OutputType"), output.protocol);
    hexIfPresent(document, QStringLiteral("CertificateHolderAuthorizationTemplate"),
                 output.certificateHolderAuthorizationTemplate);
    for (const auto& reference : output.certificationAuthorityReferences)
        document.text(kIsoNs, QStringLiteral("CertificationAuthorityReference"), reference);
    hexIfPresent(document, QStringLiteral("EFCardAccess"), output.efCardAccess);
    hexIfPresent(document, QStringLiteral("IDPICC"), output.idPicc);
    hexIfPresent(document, QStringLiteral("Challenge"), output.challenge);
    return document.finish();
}

QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing, const EcardResult& result,
                                        const Eac2Output& output) {
    PaosDocument document(addressing);
    document.startResponse(kIsoNs, QStringLiteral("DIDAuthenticateResponse"), result);
    document.startProtocolData(QStringLiteral("EAC2OutputType"), output.protocol);
    hexIfPresent(document, QStringLiteral("EFCardSecurity"), output.efCardSecurity);
    hexIfPresent(document, QStringLiteral("AuthenticationToken"), output.authenticationToken);
    hexIfPresent(document, QStringLiteral("Nonce"), output.nonce);
    hexIfPresent(document, QStringLiteral("Challenge"), output.challenge);
    return document.finish();
}

QByteArray writeDidAuthenticateResponse(const PaosAddressing& addressing,
                                        const EcardResult& result) {
    PaosDocument document(addressing);
    document.startResponse(kIsoNs, QStringLiteral("DIDAuthenticateResponse"), result);
    return document.finish();
}

QByteArray writeTransmitResponse(const PaosAddressing& addressing, const EcardResult& result,
                                 const std::vector<Bytes>& outputApdus) {
    PaosDocument document(addressing);
    document.startResponse(kIsoNs, QStringLiteral("TransmitResponse"), result);
    for (const auto& apdu : outputApdus)
        document.hexText(QStringLiteral("OutputAPDU"), apdu);
    return document.finish();
}

}  // namespace oa::net
