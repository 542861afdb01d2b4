#include "net/PaosMessage.h"

#include "net/XmlDocument.h"

namespace oa::net {
namespace {

Error malformed(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "The eID-Server sent an invalid message.", detail);
}

std::string str(QStringView text) {
    return logExcerpt(text);
}

Result<const XmlElement*> single(const XmlElement& parent, QStringView name) {
    const auto found = parent.childrenNamed(name);
    if (found.size() != 1)
        return malformed(str(parent.name) + " has " + std::to_string(found.size()) + " " +
                         str(name) + " elements, expected one");
    return found.front();
}

Result<std::optional<const XmlElement*>> optionalSingle(const XmlElement& parent,
                                                        QStringView name) {
    const auto found = parent.childrenNamed(name);
    if (found.size() > 1) return malformed(str(parent.name) + " has more than one " + str(name));
    if (found.empty()) return std::optional<const XmlElement*>{};
    return std::optional<const XmlElement*>{found.front()};
}

Result<Bytes> hexOf(const XmlElement& element) {
    auto bytes = decodeHexBinary(element.text);
    if (!bytes || !element.children.empty())
        return malformed(str(element.name) + " is not hexBinary");
    return std::move(*bytes);
}

Result<Bytes> hexField(const XmlElement& parent, QStringView name) {
    auto element = single(parent, name);
    if (!element) return element.error();
    auto bytes = hexOf(**element);
    if (bytes && bytes->empty()) return malformed(str(name) + " is empty");
    return bytes;
}

Result<std::optional<Bytes>> optionalHexField(const XmlElement& parent, QStringView name) {
    auto element = optionalSingle(parent, name);
    if (!element) return element.error();
    if (!*element) return std::optional<Bytes>{};
    auto bytes = hexOf(***element);
    if (!bytes) return bytes.error();
    return std::optional<Bytes>{std::move(*bytes)};
}

Result<std::vector<Bytes>> hexFields(const XmlElement& parent, QStringView name) {
    std::vector<Bytes> all;
    for (const auto* element : parent.childrenNamed(name)) {
        auto bytes = hexOf(*element);
        if (!bytes) return bytes.error();
        if (bytes->empty()) return malformed(str(name) + " is empty");
        all.push_back(std::move(*bytes));
    }
    return all;
}

// Collects the first error of a sequence of field reads.
class FieldReader {
public:
    template <typename T>
    void read(Result<T> result, T& into) {
        if (error_) return;
        if (!result) {
            error_ = result.error();
            return;
        }
        into = std::move(*result);
    }
    const std::optional<Error>& error() const { return error_; }

private:
    std::optional<Error> error_;
};

Result<EcardResult> parseResult(const XmlElement& result) {
    auto majorElement = single(result, u"ResultMajor");
    if (!majorElement) return majorElement.error();
    EcardResult parsed;
    const auto major = resultMajorFromUri((*majorElement)->trimmedText());
    if (!major) return malformed("unknown ResultMajor " + str((*majorElement)->trimmedText()));
    parsed.major = *major;
    auto minorElement = optionalSingle(result, u"ResultMinor");
    if (!minorElement) return minorElement.error();
    if (*minorElement) {
        const QString uri = (**minorElement)->trimmedText();
        parsed.minor = resultMinorFromUri(uri);
        if (!parsed.minor) parsed.unknownMinorUri = uri;
    }
    auto messageElement = optionalSingle(result, u"ResultMessage");
    if (!messageElement) return messageElement.error();
    if (*messageElement) {
        parsed.message = (**messageElement)->text;
        parsed.messageLanguage = (**messageElement)->attribute(u"lang").value_or(QString());
    }
    return parsed;
}

Result<StartPaosResponse> parseStartPaosResponse(const XmlElement& body) {
    auto result = single(body, u"Result");
    if (!result) return result.error();
    auto parsed = parseResult(**result);
    if (!parsed) return parsed.error();
    return StartPaosResponse{std::move(*parsed)};
}

Result<InputApduInfo> parseInputApduInfo(const XmlElement& info) {
    InputApduInfo parsed;
    FieldReader fields;
    fields.read(hexField(info, u"InputAPDU"), parsed.inputApdu);
    fields.read(hexFields(info, u"AcceptableStatusCode"), parsed.acceptableStatusCodes);
    if (fields.error()) return *fields.error();
    if (parsed.inputApdu.size() < 4) return malformed("InputAPDU shorter than a command header");
    for (const auto& code : parsed.acceptableStatusCodes)
        if (code.size() > 2) return malformed("AcceptableStatusCode longer than a status word");
    return parsed;
}

Result<Transmit> parseTransmit(const XmlElement& body) {
    Transmit parsed;
    FieldReader fields;
    fields.read(hexField(body, u"SlotHandle"), parsed.slotHandle);
    if (fields.error()) return *fields.error();
    const auto infos = body.childrenNamed(u"InputAPDUInfo");
    if (infos.empty()) return malformed("Transmit without InputAPDUInfo");
    for (const auto* info : infos) {
        auto parsedInfo = parseInputApduInfo(*info);
        if (!parsedInfo) return parsedInfo.error();
        parsed.inputApduInfos.push_back(std::move(*parsedInfo));
    }
    return parsed;
}

Result<DidAuthenticateEac1> parseEac1(const XmlElement& data, QString protocol, QString didName) {
    DidAuthenticateEac1 parsed;
    parsed.protocol = std::move(protocol);
    parsed.didName = std::move(didName);
    FieldReader fields;
    fields.read(hexFields(data, u"Certificate"), parsed.certificates);
    fields.read(hexField(data, u"CertificateDescription"), parsed.certificateDescription);
    fields.read(optionalHexField(data, u"RequiredCHAT"), parsed.requiredChat);
    fields.read(optionalHexField(data, u"OptionalCHAT"), parsed.optionalChat);
    fields.read(optionalHexField(data, u"AuthenticatedAuxiliaryData"),
                parsed.authenticatedAuxiliaryData);
    if (fields.error()) return *fields.error();
    if (parsed.certificates.empty()) return malformed("EAC1InputType without Certificate");
    auto transactionInfo = optionalSingle(data, u"TransactionInfo");
    if (!transactionInfo) return transactionInfo.error();
    if (*transactionInfo) parsed.transactionInfo = (**transactionInfo)->text;
    for (const auto* type : data.childrenNamed(u"AcceptedEIDType"))
        parsed.acceptedEidTypes.push_back(type->trimmedText());
    return parsed;
}

Result<DidAuthenticateEac2> parseEac2(const XmlElement& data, QString protocol) {
    DidAuthenticateEac2 parsed;
    parsed.protocol = std::move(protocol);
    FieldReader fields;
    fields.read(hexFields(data, u"Certificate"), parsed.certificates);
    fields.read(hexField(data, u"EphemeralPublicKey"), parsed.ephemeralPublicKey);
    fields.read(optionalHexField(data, u"Signature"), parsed.signature);
    if (fields.error()) return *fields.error();
    if (parsed.signature && parsed.signature->empty()) return malformed("Signature is empty");
    return parsed;
}

Result<DidAuthenticateEacAdditionalInput> parseEacAdditional(const XmlElement& data,
                                                             QString protocol) {
    DidAuthenticateEacAdditionalInput parsed;
    parsed.protocol = std::move(protocol);
    auto signature = hexField(data, u"Signature");
    if (!signature) return signature.error();
    parsed.signature = std::move(*signature);
    return parsed;
}

// xsi:type names a schema type; the prefix varies between servers, the local part does not.
std::optional<QString> xsiTypeOf(const XmlElement& element) {
    for (const auto& attribute : element.attributes) {
        if (attribute.namespaceUri == QLatin1String(paos_ns::kXsi) &&
            attribute.name == QLatin1String("type")) {
            const QString value = attribute.value.trimmed();
            return value.mid(value.indexOf(QLatin1Char(':')) + 1);
        }
    }
    return std::nullopt;
}

template <typename T>
Result<PaosServerBody> asBody(Result<T> result) {
    if (!result) return result.error();
    return PaosServerBody{std::move(*result)};
}

Result<PaosServerBody> parseDidAuthenticate(const XmlElement& body) {
    auto data = single(body, u"AuthenticationProtocolData");
    if (!data) return data.error();
    const XmlElement& protocolData = **data;
    const QString protocol = protocolData.attribute(u"Protocol").value_or(QString()).trimmed();
    if (protocol != QLatin1String(kEacProtocol) && protocol != QLatin1String(kEac2Protocol))
        return makeError(ErrorCode::Unsupported, "The eID-Server requested an unknown protocol.",
                         "DIDAuthenticate Protocol '" + str(protocol) + "'");
    const auto type = xsiTypeOf(protocolData);
    if (!type) return malformed("AuthenticationProtocolData without xsi:type");
    if (*type == QLatin1String("EAC1InputType")) {
        const auto* didName = body.child(u"DIDName");
        return asBody(
            parseEac1(protocolData, protocol, didName ? didName->trimmedText() : QString()));
    }
    if (*type == QLatin1String("EAC2InputType")) return asBody(parseEac2(protocolData, protocol));
    if (*type == QLatin1String("EACAdditionalInputType"))
        return asBody(parseEacAdditional(protocolData, protocol));
    return makeError(ErrorCode::Unsupported, "The eID-Server sent an unknown request.",
                     "DIDAuthenticate with xsi:type " + str(*type));
}

Result<PaosServerBody> parseBody(const XmlElement& body) {
    if (body.name == QLatin1String("InitializeFramework")) return PaosServerBody{};
    if (body.name == QLatin1String("DIDAuthenticate")) return parseDidAuthenticate(body);
    if (body.name == QLatin1String("Transmit")) return asBody(parseTransmit(body));
    if (body.name == QLatin1String("StartPAOSResponse"))
        return asBody(parseStartPaosResponse(body));
    return makeError(ErrorCode::Unsupported, "The eID-Server sent an unknown request.",
                     "PAOS body element " + str(body.name));
}

Result<QString> addressingField(const XmlElement& header, QStringView name) {
    auto element = single(header, name);
    if (!element) return element.error();
    const QString value = (*element)->trimmedText();
    if (value.isEmpty()) return malformed(str(name) + " is empty");
    return value;
}

Result<const XmlElement*> bodyElement(const XmlElement& envelope) {
    if (envelope.name != QLatin1String("Envelope") ||
        envelope.namespaceUri != QLatin1String(paos_ns::kSoap))
        return malformed("root is not a SOAP 1.1 Envelope but " + str(envelope.name));
    auto body = single(envelope, u"Body");
    if (!body) return body.error();
    if ((*body)->children.size() != 1)
        return malformed("SOAP Body holds " + std::to_string((*body)->children.size()) +
                         " elements, expected one");
    return &(*body)->children.front();
}

// Moves the body element out of an envelope that bodyElement() accepted.
XmlElement takeBodyElement(XmlElement& envelope) {
    for (auto& child : envelope.children)
        if (child.name == QLatin1String("Body")) return std::move(child.children.front());
    return {};
}

}  // namespace

QString toString(PaosMessageType type) {
    switch (type) {
        case PaosMessageType::InitializeFramework:
            return QStringLiteral("InitializeFramework");
        case PaosMessageType::DidAuthenticateEac1:
            return QStringLiteral("DIDAuthenticate(EAC1InputType)");
        case PaosMessageType::DidAuthenticateEac2:
            return QStringLiteral("DIDAuthenticate(EAC2InputType)");
        case PaosMessageType::DidAuthenticateEacAdditionalInput:
            return QStringLiteral("DIDAuthenticate(EACAdditionalInputType)");
        case PaosMessageType::Transmit:
            return QStringLiteral("Transmit");
        case PaosMessageType::StartPaosResponse:
            break;
    }
    return QStringLiteral("StartPAOSResponse");
}

Result<PaosEnvelope> readPaosEnvelope(QByteArrayView xml, const QString& lastSentMessageId) {
    auto document = parseXmlDocument(xml, XmlLimits{kMaxPaosMessageBytes, 24, 4096});
    if (!document) return malformed(document.error().detail);
    auto body = bodyElement(*document);
    if (!body) return body.error();
    auto header = single(*document, u"Header");
    if (!header) return header.error();
    PaosEnvelope envelope;
    FieldReader fields;
    fields.read(addressingField(**header, u"MessageID"), envelope.messageId);
    fields.read(addressingField(**header, u"RelatesTo"), envelope.relatesTo);
    if (fields.error()) return *fields.error();
    if (envelope.relatesTo != lastSentMessageId)
        return malformed("RelatesTo " + str(envelope.relatesTo) + " does not answer MessageID " +
                         str(lastSentMessageId));
    envelope.body = takeBodyElement(*document);
    return envelope;
}

Result<PaosServerBody> readPaosBody(const PaosEnvelope& envelope) {
    return parseBody(envelope.body);
}

Result<PaosServerMessage> parsePaosMessage(QByteArrayView xml, const QString& lastSentMessageId) {
    auto envelope = readPaosEnvelope(xml, lastSentMessageId);
    if (!envelope) return envelope.error();
    auto body = readPaosBody(*envelope);
    if (!body) return body.error();
    return PaosServerMessage{envelope->messageId, envelope->relatesTo, std::move(*body)};
}

Error unexpectedPaosMessage(PaosMessageType got, PaosMessageType expected) {
    const std::string detail =
        "got " + str(toString(got)) + " where " + str(toString(expected)) + " was expected";
    if (got == PaosMessageType::StartPaosResponse)
        return makeError(ErrorCode::Network, "The eID-Server ended the authentication.", detail);
    return makeError(ErrorCode::InvalidInput, "The eID-Server sent an unexpected request.", detail);
}

}  // namespace oa::net
