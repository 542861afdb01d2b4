#include <QFile>
#include <catch2/catch.hpp>

#include "eac/CertificateDescription.h"
#include "eac/CvCertificate.h"
#include "net/PaosMessage.h"

using namespace oa;
using namespace oa::net;

namespace {

const QString kClientId = QStringLiteral("urn:uuid:7a1c3f52-9e04-4d0b-b3a8-2f6c1e5d9a10");

QByteArray fixture(const char* name) {
    QFile file(QStringLiteral(OA_NET_TEST_DATA "/paos/") + QLatin1String(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

PaosServerMessage parsed(const QByteArray& xml) {
    auto message = parsePaosMessage(xml, kClientId);
    INFO((message ? std::string() : message.error().detail));
    REQUIRE(message);
    return std::move(message.value());
}

Error refused(const QByteArray& xml) {
    auto message = parsePaosMessage(xml, kClientId);
    REQUIRE_FALSE(message);
    CHECK_FALSE(message.error().message.empty());
    return message.error();
}

QByteArray changed(const char* name, const QByteArray& from, const QByteArray& to) {
    QByteArray xml = fixture(name);
    REQUIRE(xml.contains(from));
    return xml.replace(from, to);
}

}  // namespace

TEST_CASE("PAOS InitializeFramework is read with its addressing") {
    const auto message = parsed(fixture("InitializeFramework.xml"));
    CHECK(message.type() == PaosMessageType::InitializeFramework);
    CHECK(message.messageId == "urn:uuid:0a8e4c1e-5d1b-4b7e-9f0f-1c2d3e4f5a01");
    CHECK(message.relatesTo == kClientId);
}

TEST_CASE(
    "PAOS DIDAuthenticate EAC1InputType carries certificates, description, CHATs and aux data") {
    auto message = parsed(fixture("DIDAuthenticate-EAC1.xml"));
    auto eac1 = expectPaosMessage<DidAuthenticateEac1>(std::move(message));
    REQUIRE(eac1);
    CHECK(eac1->protocol == kEac2Protocol);
    CHECK(eac1->didName == "PIN");
    REQUIRE(eac1->certificates.size() == 2);
    for (const auto& certificate : eac1->certificates)
        CHECK(eac::CvCertificate::parse(certificate));
    CHECK(eac::CertificateDescription::parse(eac1->certificateDescription));
    CHECK(eac1->requiredChat == hexBytes("7F4C12060904007F000703010202530500000001E5"));
    CHECK(eac1->optionalChat == hexBytes("7F4C12060904007F0007030102025305000000000A"));
    CHECK(eac1->authenticatedAuxiliaryData ==
          hexBytes("67177315060904007F000703010401530832303030303130"));
    CHECK(eac1->transactionInfo == QStringLiteral("Bestellung 4711 & Lieferung"));
    CHECK(eac1->acceptedEidTypes == std::vector<QString>{QStringLiteral("CardCertified")});
}

TEST_CASE(
    "PAOS headers are read leniently: old Liberty headers, default namespaces, other prefixes") {
    auto message = parsed(fixture("DIDAuthenticate-EAC1-legacy-header.xml"));
    CHECK(message.messageId == "urn:uuid:0a8e4c1e-5d1b-4b7e-9f0f-1c2d3e4f5a03");
    auto eac1 = expectPaosMessage<DidAuthenticateEac1>(std::move(message));
    REQUIRE(eac1);
    CHECK(eac1->protocol == kEacProtocol);
    REQUIRE(eac1->certificates.size() == 1);
    CHECK(eac::CvCertificate::parse(eac1->certificates.front()));
    CHECK(eac::CertificateDescription::parse(eac1->certificateDescription));
    CHECK_FALSE(eac1->optionalChat);
    CHECK_FALSE(eac1->authenticatedAuxiliaryData);
    CHECK_FALSE(eac1->transactionInfo);
}

TEST_CASE("PAOS DIDAuthenticate EAC2InputType with and without Signature") {
    auto signed_ =
        expectPaosMessage<DidAuthenticateEac2>(parsed(fixture("DIDAuthenticate-EAC2.xml")));
    REQUIRE(signed_);
    CHECK(signed_->certificates.empty());
    CHECK(signed_->ephemeralPublicKey.size() == 65);
    REQUIRE(signed_->signature);
    CHECK(signed_->signature->size() == 64);
    auto unsigned_ = expectPaosMessage<DidAuthenticateEac2>(
        parsed(fixture("DIDAuthenticate-EAC2-without-signature.xml")));
    REQUIRE(unsigned_);
    CHECK(unsigned_->certificates.size() == 1);
    CHECK_FALSE(unsigned_->signature);
}

TEST_CASE("PAOS DIDAuthenticate EACAdditionalInputType carries the signature") {
    auto additional = expectPaosMessage<DidAuthenticateEacAdditionalInput>(
        parsed(fixture("DIDAuthenticate-EACAdditionalInput.xml")));
    REQUIRE(additional);
    CHECK(additional->signature.size() == 64);
    CHECK(additional->signature.front() == 0x5C);
}

TEST_CASE("PAOS Transmit carries APDUs with their acceptable status codes in order") {
    auto transmit = expectPaosMessage<Transmit>(parsed(fixture("Transmit.xml")));
    REQUIRE(transmit);
    CHECK(transmit->slotHandle == hexBytes("00"));
    REQUIRE(transmit->inputApduInfos.size() == 3);
    CHECK(transmit->inputApduInfos[0].inputApdu.front() == 0x0C);
    CHECK(transmit->inputApduInfos[0].acceptableStatusCodes ==
          std::vector<Bytes>{hexBytes("9000")});
    CHECK(transmit->inputApduInfos[1].acceptableStatusCodes ==
          std::vector<Bytes>{hexBytes("9000"), hexBytes("63")});
    CHECK(transmit->inputApduInfos[2].acceptableStatusCodes.empty());
}

TEST_CASE("PAOS StartPAOSResponse carries the server's result") {
    auto ok = expectPaosMessage<StartPaosResponse>(parsed(fixture("StartPAOSResponse-ok.xml")));
    REQUIRE(ok);
    CHECK(ok->result.isOk());
    CHECK_FALSE(ok->result.minor);
    auto error =
        expectPaosMessage<StartPaosResponse>(parsed(fixture("StartPAOSResponse-error.xml")));
    REQUIRE(error);
    CHECK(error->result.major == ResultMajor::Error);
    CHECK(error->result.minor == ResultMinor::SecurityConditionNotSatisfied);
    CHECK(error->result.message == "Die Authentisierung ist fehlgeschlagen.");
    CHECK(error->result.messageLanguage == "de");
    CHECK(browserResultFor(error->result, ResultOrigin::Server) ==
          BrowserResult::failure(BrowserResultMinor::ServerError));
}

TEST_CASE("PAOS results with an unknown minor are kept, an unknown major is refused") {
    auto vendor = parsed(changed("StartPAOSResponse-error.xml",
                                 "http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#"
                                 "securityConditionNotSatisfied",
                                 "urn:vendor:quotaExceeded"));
    const auto& result = std::get<StartPaosResponse>(vendor.body).result;
    CHECK_FALSE(result.minor);
    CHECK(result.minorUri() == "urn:vendor:quotaExceeded");
    refused(changed("StartPAOSResponse-ok.xml", "resultmajor#ok", "resultmajor#fine"));
    refused(changed("StartPAOSResponse-ok.xml", "<dss:Result>", "<dss:Other>")
                .replace("</dss:Result>", "</dss:Other>"));
}

TEST_CASE("PAOS messages need exactly one non-empty MessageID") {
    const char* name = "Transmit.xml";
    const QByteArray id =
        "<wsa:MessageID>urn:uuid:0a8e4c1e-5d1b-4b7e-9f0f-1c2d3e4f5a07</wsa:MessageID>";
    refused(changed(name, id, ""));
    refused(changed(name, id, "<wsa:MessageID> </wsa:MessageID>"));
    refused(changed(name, id, id + id));
}

TEST_CASE("PAOS RelatesTo must name the client's last MessageID") {
    const char* name = "Transmit.xml";
    const QByteArray relatesTo = "<wsa:RelatesTo>" + kClientId.toUtf8() + "</wsa:RelatesTo>";
    const auto mismatch =
        refused(changed(name, relatesTo, "<wsa:RelatesTo>urn:uuid:other</wsa:RelatesTo>"));
    CHECK(mismatch.detail.find("does not answer") != std::string::npos);
    refused(changed(name, relatesTo, ""));
    refused(changed(name, relatesTo, relatesTo + relatesTo));
    CHECK_FALSE(parsePaosMessage(fixture(name), QStringLiteral("urn:uuid:older")));
}

TEST_CASE("PAOS messages this client does not know are an Unsupported error") {
    for (const QByteArray& body : {QByteArray("<iso:DIDList/>"), QByteArray("<iso:Disconnect/>"),
                                   QByteArray("<iso:CardApplicationPath/>")}) {
        const auto error =
            refused(changed("InitializeFramework.xml", "<ecard:InitializeFramework/>", body));
        CHECK(error.code == ErrorCode::Unsupported);
    }
    const auto type = refused(
        changed("DIDAuthenticate-EAC2.xml", "iso:EAC2InputType", "iso:PINCompareInputType"));
    CHECK(type.code == ErrorCode::Unsupported);
    const auto protocol =
        refused(changed("DIDAuthenticate-EAC2.xml", "Protocol=\"urn:oid:1.3.162.15480.3.0.14.2\"",
                        "Protocol=\"urn:oid:1.3.162.15480.3.0.9\""));
    CHECK(protocol.code == ErrorCode::Unsupported);
}

TEST_CASE("A message of the wrong kind for the step is a typed error") {
    auto early =
        expectPaosMessage<DidAuthenticateEac2>(parsed(fixture("StartPAOSResponse-error.xml")));
    REQUIRE_FALSE(early);
    CHECK(early.error().code == ErrorCode::Network);
    CHECK(early.error().message == "The eID-Server ended the authentication.");
    auto wrong = expectPaosMessage<DidAuthenticateEac1>(parsed(fixture("Transmit.xml")));
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error().code == ErrorCode::InvalidInput);
    CHECK(wrong.error().detail == "got Transmit where DIDAuthenticate(EAC1InputType) was expected");
}

TEST_CASE("PAOS envelopes must be SOAP 1.1 with exactly one body element") {
    refused(changed("InitializeFramework.xml", "http://schemas.xmlsoap.org/soap/envelope/",
                    "http://www.w3.org/2003/05/soap-envelope"));
    refused(changed("InitializeFramework.xml", "<ecard:InitializeFramework/>",
                    "<ecard:InitializeFramework/><ecard:InitializeFramework/>"));
    refused(changed("InitializeFramework.xml", "<ecard:InitializeFramework/>", ""));
    refused(changed("InitializeFramework.xml", "soap:Header", "soap:Heading"));
}

TEST_CASE("EAC1InputType: CertificateDescription exactly once, at least one Certificate") {
    const QByteArray xml = fixture("DIDAuthenticate-EAC1.xml");
    const int start = xml.indexOf("<iso:CertificateDescription>");
    const int end = xml.indexOf("</iso:CertificateDescription>") + 29;
    const QByteArray description = xml.mid(start, end - start);
    refused(QByteArray(xml).replace(description, ""));
    refused(QByteArray(xml).replace(description, description + description));
    QByteArray noCertificates = xml;
    while (noCertificates.contains("<iso:Certificate>")) {
        const int from = noCertificates.indexOf("<iso:Certificate>");
        noCertificates.remove(from, noCertificates.indexOf("</iso:Certificate>") + 18 - from);
    }
    refused(noCertificates);
    refused(changed("DIDAuthenticate-EAC1.xml", "<iso:RequiredCHAT>",
                    "<iso:RequiredCHAT>00</iso:RequiredCHAT><iso:RequiredCHAT>"));
}

TEST_CASE("EAC2InputType: exactly one EphemeralPublicKey, at most one Signature") {
    const QByteArray key = "<iso:EphemeralPublicKey>04";
    refused(changed("DIDAuthenticate-EAC2.xml", key,
                    "<iso:EphemeralPublicKey>00</iso:EphemeralPublicKey>" + key));
    QByteArray noKey = fixture("DIDAuthenticate-EAC2.xml");
    const int from = noKey.indexOf("<iso:EphemeralPublicKey>");
    noKey.remove(from, noKey.indexOf("</iso:EphemeralPublicKey>") + 25 - from);
    refused(noKey);
    refused(changed("DIDAuthenticate-EAC2.xml", "<iso:Signature>",
                    "<iso:Signature>00</iso:Signature><iso:Signature>"));
    refused(
        changed("DIDAuthenticate-EACAdditionalInput.xml", "<iso:Signature>5C", "<iso:Signatur>5C")
            .replace("</iso:Signature>", "</iso:Signatur>"));
}

TEST_CASE("Every hex field of a server message is validated") {
    refused(changed("DIDAuthenticate-EAC1.xml", "<iso:Certificate>7F21", "<iso:Certificate>7G21"));
    refused(changed("DIDAuthenticate-EAC1.xml", "<iso:CertificateDescription>30",
                    "<iso:CertificateDescription>3"));
    refused(
        changed("DIDAuthenticate-EAC1.xml", "<iso:RequiredCHAT>7F4C", "<iso:RequiredCHAT>0x7F4C"));
    refused(
        changed("DIDAuthenticate-EAC1.xml", "<iso:OptionalCHAT>7F4C", "<iso:OptionalCHAT>7F 4C"));
    refused(changed("DIDAuthenticate-EAC1.xml", "<iso:AuthenticatedAuxiliaryData>67",
                    "<iso:AuthenticatedAuxiliaryData>6"));
    refused(changed("DIDAuthenticate-EAC2.xml", "<iso:EphemeralPublicKey>04",
                    "<iso:EphemeralPublicKey>Z4"));
    refused(changed("DIDAuthenticate-EAC2.xml", "<iso:Signature>3A", "<iso:Signature>3"));
    refused(changed("Transmit.xml", "<iso:InputAPDU>0CA4", "<iso:InputAPDU>0CA4X"));
    refused(changed("Transmit.xml", "<iso:SlotHandle>00", "<iso:SlotHandle>0"));
    refused(changed("Transmit.xml", "<iso:AcceptableStatusCode>63", "<iso:AcceptableStatusCode>6"));
}

TEST_CASE(
    "Transmit needs InputAPDUInfo, command-sized APDUs and status codes of at most two bytes") {
    QByteArray none = fixture("Transmit.xml");
    none.remove(none.indexOf("<iso:InputAPDUInfo>"), none.lastIndexOf("</iso:InputAPDUInfo>") + 20 -
                                                         none.indexOf("<iso:InputAPDUInfo>"));
    refused(none);
    refused(changed("Transmit.xml", "<iso:InputAPDU>0C2080FF0E8E0811223344556677889700",
                    "<iso:InputAPDU>0C2080"));
    refused(changed("Transmit.xml", "<iso:InputAPDU>0C2080FF0E8E0811223344556677889700",
                    "<iso:InputAPDU>"));
    refused(changed("Transmit.xml", "<iso:AcceptableStatusCode>63",
                    "<iso:AcceptableStatusCode>630000"));
    refused(changed("Transmit.xml", "<iso:AcceptableStatusCode>63", "<iso:AcceptableStatusCode>"));
}

TEST_CASE("PAOS messages with a DTD or entities are refused without expansion") {
    const QByteArray laughs =
        "<!DOCTYPE soap:Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
    QByteArray xml = fixture("StartPAOSResponse-error.xml");
    xml.insert(xml.indexOf("<soap:Envelope"), laughs);
    xml.replace("Die Authentisierung", "&c;");
    const auto error = refused(xml);
    CHECK(error.detail.find("document type declaration") != std::string::npos);
    refused(changed("StartPAOSResponse-error.xml", "Die Authentisierung", "&ext;"));
}

TEST_CASE("PAOS messages above 1 MiB are refused") {
    QByteArray xml = fixture("InitializeFramework.xml");
    xml.replace("<soap:Body>", "<soap:Body>" + QByteArray(kMaxPaosMessageBytes, ' '));
    const auto error = refused(xml);
    CHECK(error.detail.find("exceeds") != std::string::npos);
}

TEST_CASE("PAOS addressing is found under the older WS-Addressing namespace too") {
    const auto message = parsed(changed("Transmit.xml", "http://www.w3.org/2005/03/addressing",
                                        "http://schemas.xmlsoap.org/ws/2004/08/addressing"));
    CHECK(message.type() == PaosMessageType::Transmit);
    CHECK(message.relatesTo == kClientId);
}

TEST_CASE("Error details quote untrusted values only in part") {
    const QString longId = QStringLiteral("urn:uuid:") + QString(5000, QLatin1Char('x'));
    const auto error = refused(changed("Transmit.xml", kClientId.toUtf8() + "</wsa:RelatesTo>",
                                       longId.toUtf8() + "</wsa:RelatesTo>"));
    CHECK(error.detail.size() < 300);
    CHECK(error.detail.find("...") != std::string::npos);
}

TEST_CASE("A body the client cannot use still leaves the MessageID to answer with an error") {
    const auto xml = changed("DIDAuthenticate-EAC2.xml", "<iso:EphemeralPublicKey>04",
                             "<iso:EphemeralPublicKey>Z4");
    auto envelope = readPaosEnvelope(xml, kClientId);
    REQUIRE(envelope);
    CHECK(envelope->messageId == "urn:uuid:0a8e4c1e-5d1b-4b7e-9f0f-1c2d3e4f5a04");
    CHECK(envelope->body.name == "DIDAuthenticate");
    const auto body = readPaosBody(*envelope);
    REQUIRE_FALSE(body);
    CHECK(body.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("A server's ResultMessage and unknown minor reach the log only in part, on one line") {
    const QByteArray flood =
        "Fehler\nINFO authentication ok for everyone\r" + QByteArray(5000, 'x');
    auto xml =
        changed("StartPAOSResponse-error.xml", "Die Authentisierung ist fehlgeschlagen.", flood);
    xml.replace("resultminor/sal#securityConditionNotSatisfied",
                "resultminor/made/up#" + QByteArray(3000, 'y') + "\nINFO fake");
    auto message = parsePaosMessage(xml, kClientId);
    REQUIRE(message);
    const auto& result = std::get<StartPaosResponse>(message->body).result;
    CHECK(result.message.startsWith("Fehler\nINFO"));  // kept whole for whoever needs it
    const std::string line = result.describe();
    CHECK(line.size() < 400);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    CHECK(line.find("Fehler") != std::string::npos);
}

TEST_CASE("A Transmit with thousands of APDUs below 1 MiB is refused by the element bound") {
    QByteArray many;
    for (int i = 0; i < 3000; ++i)
        many += "<iso:InputAPDUInfo><iso:InputAPDU>00B0840000</iso:InputAPDU></iso:InputAPDUInfo>";
    const auto xml = changed("Transmit.xml", "<iso:InputAPDUInfo>", many + "<iso:InputAPDUInfo>");
    REQUIRE(xml.size() < kMaxPaosMessageBytes);
    const auto error = refused(xml);
    CHECK(error.detail.find("too many elements") != std::string::npos);

    QByteArray some;
    for (int i = 0; i < 500; ++i)
        some += "<iso:InputAPDUInfo><iso:InputAPDU>00B0840000</iso:InputAPDU></iso:InputAPDUInfo>";
    auto message = parsePaosMessage(
        changed("Transmit.xml", "<iso:InputAPDUInfo>", some + "<iso:InputAPDUInfo>"), kClientId);
    REQUIRE(message);
    CHECK(std::get<Transmit>(message->body).inputApduInfos.size() > 500);
}
