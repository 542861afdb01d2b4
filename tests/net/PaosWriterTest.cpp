#include <QSet>
#include <catch2/catch.hpp>

#include "net/PaosMessage.h"
#include "net/PaosWriter.h"
#include "net/XmlDocument.h"

using namespace oa;
using namespace oa::net;

namespace {

const PaosAddressing kFirst{QStringLiteral("urn:uuid:11111111-2222-4333-8444-555555555555"), {}};
const PaosAddressing kAnswer{QStringLiteral("urn:uuid:66666666-7777-4888-9999-000000000000"),
                             QStringLiteral("urn:uuid:server-42")};

const QString kSoapNs = QLatin1String(paos_ns::kSoap);
const QString kIsoNs = QLatin1String(paos_ns::kIso);
const QString kDssNs = QLatin1String(paos_ns::kDss);
const QString kEcardNs = QLatin1String(paos_ns::kEcard);
const QString kPaosNs = QLatin1String(paos_ns::kPaos);
const QString kAddressingNs = QLatin1String(paos_ns::kAddressing);

XmlElement document(const QByteArray& xml) {
    auto parsed = parseXmlDocument(xml, XmlLimits{});
    INFO(xml.toStdString());
    REQUIRE(parsed);
    return std::move(parsed.value());
}

const XmlElement& child(const XmlElement& parent, const char* name, const QString& ns) {
    const auto* found = parent.child(QString::fromLatin1(name));
    INFO(name);
    REQUIRE(found);
    CHECK(found->namespaceUri == ns);
    return *found;
}

QString text(const XmlElement& parent, const char* name, const QString& ns) {
    return child(parent, name, ns).text;
}

const XmlElement& body(const XmlElement& envelope, const char* name, const QString& ns) {
    CHECK(envelope.name == "Envelope");
    CHECK(envelope.namespaceUri == kSoapNs);
    const auto& soapBody = child(envelope, "Body", kSoapNs);
    REQUIRE(soapBody.children.size() == 1);
    return child(soapBody, name, ns);
}

void checkResult(const XmlElement& response, const EcardResult& expected) {
    CHECK(response.attribute(u"Profile") == kEcardNs);
    const auto& result = child(response, "Result", kDssNs);
    CHECK(text(result, "ResultMajor", kDssNs) == uriOf(expected.major));
    if (expected.minor)
        CHECK(text(result, "ResultMinor", kDssNs) == uriOf(*expected.minor));
    else
        CHECK_FALSE(result.child(u"ResultMinor"));
}

void checkProtocolData(const XmlElement& data, const char* type) {
    REQUIRE(data.attributes.size() == 2);
    const auto xsiType = std::find_if(data.attributes.begin(), data.attributes.end(),
                                      [](const auto& a) { return a.name == "type"; });
    REQUIRE(xsiType != data.attributes.end());
    CHECK(xsiType->namespaceUri == QLatin1String(paos_ns::kXsi));
    CHECK(xsiType->value == QStringLiteral("iso:") + QLatin1String(type));
    CHECK(data.attribute(u"Protocol") == QLatin1String(kEac2Protocol));
}

}  // namespace

TEST_CASE("StartPAOS carries session, connection handle, user agent and API version") {
    StartPaos start;
    start.sessionIdentifier = QStringLiteral("4C9B1F0A7E6D2B3C");
    start.userAgent = {QStringLiteral("OpenAusweis <&>"), 1, 2, 3};
    start.supportedDidProtocols = {QLatin1String(kEac2Protocol)};
    const auto envelope = document(writeStartPaos(kFirst, start));
    const auto& startPaos = body(envelope, "StartPAOS", kIsoNs);
    CHECK(text(startPaos, "SessionIdentifier", kIsoNs) == "4C9B1F0A7E6D2B3C");
    const auto& handle = child(startPaos, "ConnectionHandle", kIsoNs);
    CHECK(text(handle, "CardApplication", kIsoNs) == "E80704007F00070302");
    CHECK(text(handle, "SlotHandle", kIsoNs) == "00");
    const auto& agent = child(startPaos, "UserAgent", kIsoNs);
    CHECK(text(agent, "Name", kIsoNs) == "OpenAusweis <&>");
    CHECK(text(agent, "VersionMajor", kIsoNs) == "1");
    CHECK(text(agent, "VersionMinor", kIsoNs) == "2");
    CHECK(text(agent, "VersionSubminor", kIsoNs) == "3");
    const auto& versions = child(startPaos, "SupportedAPIVersions", kIsoNs);
    CHECK(text(versions, "Major", kIsoNs) == "1");
    CHECK(text(versions, "Minor", kIsoNs) == "1");
    CHECK(text(versions, "Subminor", kIsoNs) == "5");
    CHECK(text(startPaos, "SupportedDIDProtocols", kIsoNs) == QLatin1String(kEac2Protocol));
}

TEST_CASE("Client headers carry PAOS, ReplyTo and MessageID, RelatesTo only on answers") {
    const auto first = document(writeStartPaos(kFirst, StartPaos{}));
    const auto& header = child(first, "Header", kSoapNs);
    const auto& paos = child(header, "PAOS", kPaosNs);
    CHECK(paos.attribute(u"mustUnderstand") == "1");
    CHECK(paos.attribute(u"actor") == "http://schemas.xmlsoap.org/soap/actor/next");
    CHECK(text(paos, "Version", kPaosNs) == "urn:liberty:paos:2006-08");
    const auto& endpoint = child(paos, "EndpointReference", kPaosNs);
    CHECK(text(endpoint, "Address", kPaosNs) == "http://www.projectliberty.org/2006/01/role/paos");
    CHECK(text(child(endpoint, "MetaData", kPaosNs), "ServiceType", kPaosNs) ==
          "http://www.bsi.bund.de/ecard/api/1.1/PAOS/GetNextCommand");
    CHECK(text(child(header, "ReplyTo", kAddressingNs), "Address", kAddressingNs) ==
          "http://www.projectliberty.org/2006/02/role/paos");
    CHECK(text(header, "MessageID", kAddressingNs) == kFirst.messageId);
    CHECK_FALSE(header.child(u"RelatesTo"));

    const auto answer = document(writeTransmitResponse(kAnswer, EcardResult::ok(), {}));
    const auto& answerHeader = child(answer, "Header", kSoapNs);
    CHECK(text(answerHeader, "RelatesTo", kAddressingNs) == "urn:uuid:server-42");
    CHECK(text(answerHeader, "MessageID", kAddressingNs) == kAnswer.messageId);
}

TEST_CASE("InitializeFrameworkResponse carries the result and the framework version") {
    const auto envelope =
        document(writeInitializeFrameworkResponse(kAnswer, EcardResult::ok(), ApiVersion{1, 1, 5}));
    const auto& response = body(envelope, "InitializeFrameworkResponse", kEcardNs);
    CHECK(response.children.size() == 2);  // exactly Result and Version (BSI B_25)
    checkResult(response, EcardResult::ok());
    const auto& version = child(response, "Version", kEcardNs);
    CHECK(text(version, "Major", kEcardNs) == "1");
    CHECK(text(version, "Minor", kEcardNs) == "1");
    CHECK(text(version, "SubMinor", kEcardNs) == "5");
}

TEST_CASE("DIDAuthenticateResponse EAC1OutputType carries the PACE results") {
    Eac1Output output;
    output.certificateHolderAuthorizationTemplate =
        hexBytes("7F4C12060904007F000703010202530500000001E5");
    output.certificationAuthorityReferences = {QStringLiteral("DETESTeID00005"),
                                               QStringLiteral("DETESTeID00004")};
    output.efCardAccess = hexBytes("3114300D060804007F00070202020201020201");
    output.idPicc = hexBytes("0102030405");
    output.challenge = hexBytes("1122334455667788");
    const auto envelope =
        document(writeDidAuthenticateResponse(kAnswer, EcardResult::ok(), output));
    const auto& response = body(envelope, "DIDAuthenticateResponse", kIsoNs);
    checkResult(response, EcardResult::ok());
    const auto& data = child(response, "AuthenticationProtocolData", kIsoNs);
    checkProtocolData(data, "EAC1OutputType");
    CHECK(text(data, "CertificateHolderAuthorizationTemplate", kIsoNs) ==
          "7F4C12060904007F000703010202530500000001E5");
    const auto references = data.childrenNamed(u"CertificationAuthorityReference");
    REQUIRE(references.size() == 2);
    CHECK(references[0]->text == "DETESTeID00005");
    CHECK(references[1]->text == "DETESTeID00004");
    CHECK(text(data, "EFCardAccess", kIsoNs) == "3114300D060804007F00070202020201020201");
    CHECK(text(data, "IDPICC", kIsoNs) == "0102030405");
    CHECK(text(data, "Challenge", kIsoNs) == "1122334455667788");
}

TEST_CASE("DIDAuthenticateResponse EAC2OutputType carries the CA results") {
    Eac2Output output;
    output.efCardSecurity = hexBytes("3082");
    output.authenticationToken = hexBytes("0102030405060708");
    output.nonce = hexBytes("A1A2A3A4A5A6A7A8");
    const auto envelope =
        document(writeDidAuthenticateResponse(kAnswer, EcardResult::ok(), output));
    const auto& data = child(body(envelope, "DIDAuthenticateResponse", kIsoNs),
                             "AuthenticationProtocolData", kIsoNs);
    checkProtocolData(data, "EAC2OutputType");
    CHECK(text(data, "EFCardSecurity", kIsoNs) == "3082");
    CHECK(text(data, "AuthenticationToken", kIsoNs) == "0102030405060708");
    CHECK(text(data, "Nonce", kIsoNs) == "A1A2A3A4A5A6A7A8");
    CHECK_FALSE(data.child(u"Challenge"));
}

TEST_CASE("DIDAuthenticateResponse EAC2OutputType with only the challenge asks for a signature") {
    Eac2Output output;
    output.challenge = hexBytes("1122334455667788");
    const auto envelope =
        document(writeDidAuthenticateResponse(kAnswer, EcardResult::ok(), output));
    const auto& data = child(body(envelope, "DIDAuthenticateResponse", kIsoNs),
                             "AuthenticationProtocolData", kIsoNs);
    REQUIRE(data.children.size() == 1);
    CHECK(text(data, "Challenge", kIsoNs) == "1122334455667788");
}

TEST_CASE("An error DIDAuthenticateResponse reports the result without protocol data") {
    const auto result = EcardResult::error(ResultMinor::CancellationByUser, "user cancelled");
    const auto envelope = document(writeDidAuthenticateResponse(kAnswer, result));
    const auto& response = body(envelope, "DIDAuthenticateResponse", kIsoNs);
    checkResult(response, result);
    CHECK_FALSE(response.child(u"AuthenticationProtocolData"));
    const auto& message = child(child(response, "Result", kDssNs), "ResultMessage", kDssNs);
    CHECK(message.text == "user cancelled");
    REQUIRE(message.attributes.size() == 1);
    CHECK(message.attributes[0].namespaceUri == "http://www.w3.org/XML/1998/namespace");
    CHECK(message.attributes[0].name == "lang");
    CHECK(message.attributes[0].value == "en");
}

TEST_CASE("TransmitResponse lists the output APDUs in order with the result") {
    const auto result =
        EcardResult::error(ResultMinor::UnknownError, "unexpected status word 6982");
    const auto envelope =
        document(writeTransmitResponse(kAnswer, result, {hexBytes("01029000"), hexBytes("6982")}));
    const auto& response = body(envelope, "TransmitResponse", kIsoNs);
    checkResult(response, result);
    const auto outputs = response.childrenNamed(u"OutputAPDU");
    REQUIRE(outputs.size() == 2);
    CHECK(outputs[0]->text == "01029000");
    CHECK(outputs[1]->text == "6982");
}

TEST_CASE("Client messages are UTF-8 documents with an XML declaration") {
    const QByteArray xml = writeStartPaos(kFirst, StartPaos{QStringLiteral("ä")});
    CHECK(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    CHECK(xml.contains("\xC3\xA4"));
}

TEST_CASE("Message IDs are fresh urn:uuid values") {
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i) {
        const QString id = newPaosMessageId();
        CHECK(id.startsWith("urn:uuid:"));
        CHECK(id.size() == 9 + 36);
        seen.insert(id);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("Answers relate to the server's MessageID with a fresh MessageID of their own") {
    PaosServerMessage server;
    server.messageId = QStringLiteral("urn:uuid:server-7");
    const auto first = answering(server);
    const auto second = answering(server);
    CHECK(first.relatesTo == "urn:uuid:server-7");
    CHECK(first.messageId.startsWith("urn:uuid:"));
    CHECK(first.messageId != second.messageId);
}
