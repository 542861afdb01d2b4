#include "ScriptedWorld.h"

#include <QCryptographicHash>
#include <QXmlStreamReader>
#include <chrono>
#include <map>

#include "asn1/Tlv.h"
#include "eac/CscaTrustList.h"
#include "eac/PassiveAuthentication.h"
#include "sim/pki/CvCertificateWriter.h"
#include "sim/pki/TestPki.h"

namespace oa::workflows::test {

using net::test::ServerIdentity;
using net::test::TestAnswer;
using net::test::TestPki;
using net::test::TestRequest;

// Stands in for the card when the server checks the chip's CA answer: the real exchange ran
// between client and card; this replays its result into ChipAuthentication.
class ReplayCard : public Card {
public:
    Bytes generalAuthenticateAnswer;
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        if (command.ins() == 0x86) return ResponseApdu(generalAuthenticateAnswer, 0x9000);
        return ResponseApdu({}, 0x9000);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return "replay"; }

private:
    Bytes atr_;
};

namespace {

QString hex(ByteView bytes) {
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size())).toHex());
}

Bytes fromHex(const QString& text) {
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    return Bytes(raw.begin(), raw.end());
}

Bytes sha256(const QByteArray& der) {
    const QByteArray hash = QCryptographicHash::hash(der, QCryptographicHash::Sha256);
    return Bytes(hash.begin(), hash.end());
}

Bytes rights(const std::vector<eac::AccessRight>& list) {
    return eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, list).rawTemplate();
}

Bytes description(const QString& subjectUrl, const std::vector<Bytes>& pins, const char* terms) {
    auto utf8 = [](asn1::Tag tag, const std::string& text) {
        return asn1::encode(tag, asn1::encode(0x0C, asciiBytes(text)));
    };
    auto printable = [](asn1::Tag tag, const std::string& text) {
        return asn1::encode(tag, asn1::encode(0x13, asciiBytes(text)));
    };
    std::vector<Bytes> fields = {asn1::encode(0x06, hexBytes("04007F00070301030101")),
                                 utf8(0xA1, "Workflow test DV"),
                                 printable(0xA2, "https://dv.localhost/"),
                                 utf8(0xA3, "Workflow test service"),
                                 printable(0xA4, subjectUrl.toStdString()),
                                 utf8(0xA5, terms)};
    if (!pins.empty()) {
        Bytes set;
        for (const auto& pin : pins)
            append(set, asn1::encode(0x04, pin));
        fields.push_back(asn1::encode(0xA7, asn1::encode(0x31, set)));
    }
    Bytes content;
    for (const auto& field : fields)
        append(content, field);
    return asn1::encode(0x30, content);
}

// Leaf element texts of a client message by local name, in document order.
std::multimap<QString, QString> leaves(const QByteArray& xml) {
    std::multimap<QString, QString> result;
    QXmlStreamReader reader(xml);
    QString name, text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            name = reader.name().toString();
            text.clear();
        } else if (reader.isCharacters()) {
            text += reader.text();
        } else if (reader.isEndElement()) {
            if (!name.isEmpty()) result.emplace(name, text.trimmed());
            name.clear();
        }
    }
    return result;
}

QString first(const std::multimap<QString, QString>& fields, const QString& name) {
    const auto found = fields.find(name);
    return found == fields.end() ? QString() : found->second;
}

QByteArray envelope(const QString& relatesTo, const QString& body) {
    static int counter = 0;
    const QString id = QStringLiteral("urn:uuid:00000000-0000-4000-8000-%1")
                           .arg(++counter, 12, 10, QLatin1Char('0'));
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
               "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
               "xmlns:wsa=\"http://www.w3.org/2005/03/addressing\" "
               "xmlns:paos=\"urn:liberty:paos:2006-08\" "
               "xmlns:dss=\"urn:oasis:names:tc:dss:1.0:core:schema\" "
               "xmlns:iso=\"urn:iso:std:iso-iec:24727:tech:schema\" "
               "xmlns:ecard=\"http://www.bsi.bund.de/ecard/api/1.1\" "
               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soap:Header>"
               "<paos:PAOS soap:mustUnderstand=\"1\" "
               "soap:actor=\"http://schemas.xmlsoap.org/soap/actor/next\">"
               "<paos:Version>urn:liberty:paos:2006-08</paos:Version></paos:PAOS>"
               "<wsa:Action>http://www.bsi.bund.de/ecard/api/1.0/PAOS/GetNextCommand</wsa:Action>"
               "<wsa:MessageID>%1</wsa:MessageID><wsa:RelatesTo>%2</wsa:RelatesTo>"
               "</soap:Header><soap:Body>%3</soap:Body></soap:Envelope>")
        .arg(id, relatesTo, body)
        .toUtf8();
}

QString didAuthenticate(const QString& type, const QString& data) {
    return QStringLiteral(
               "<iso:DIDAuthenticate><iso:ConnectionHandle><iso:ContextHandle>01</"
               "iso:ContextHandle>"
               "<iso:SlotHandle>00</iso:SlotHandle></iso:ConnectionHandle>"
               "<iso:DIDName>PIN</iso:DIDName><iso:AuthenticationProtocolData "
               "xsi:type=\"iso:%1\" Protocol=\"urn:oid:1.3.162.15480.3.0.14.2\">%2"
               "</iso:AuthenticationProtocolData></iso:DIDAuthenticate>")
        .arg(type, data);
}

QString element(const char* name, const QString& value) {
    return QStringLiteral("<iso:%1>%2</iso:%1>").arg(QLatin1String(name), value);
}

}  // namespace

ScriptedWorld::ScriptedWorld(WorldOptions options)
    : options_(std::move(options)),
      sessionId_(QStringLiteral("5e55104a1d0000000000000000000001")),
      psk_(
          QByteArray::fromHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")) {
    tokenServer_ = std::make_unique<net::test::TestHttpsServer>(
        ServerIdentity::EcLocalhost, [this](const TestRequest& request) { return token(request); });
    eidServer_ = std::make_unique<net::test::TestHttpsServer>(
        ServerIdentity::RsaLocalhost, sessionId_.toLatin1(), psk_,
        [this](const TestRequest& request) { return paos(request); });

    if (options_.refreshHopStatus) {
        refreshHop_ = std::make_unique<net::test::TestHttpsServer>(
            ServerIdentity::EcLocalhost, [this](const TestRequest&) {
                ++refreshHopRequests;
                if (*options_.refreshHopStatus == 200) return TestAnswer::http(200, "page");
                return TestAnswer::redirect(*options_.refreshHopStatus,
                                            refreshAddress().toString().toUtf8());
            });
    }
    const auto& pki = sim::TestPki::builtIn();
    const QString origin = tokenServer_->url("/").toString(QUrl::RemovePath);
    std::vector<Bytes> pins;
    if (options_.pinTlsCertificates) {
        pins.push_back(
            sha256(TestPki::instance().certificate(ServerIdentity::EcLocalhost).toDer()));
        pins.push_back(
            sha256(TestPki::instance().certificate(ServerIdentity::RsaLocalhost).toDer()));
    }
    const QString subject = options_.subjectUrl.value_or(origin);
    description_ = description(subject, pins, "Zweck: Test des Arbeitsablaufs");
    sim::CvCertificateTemplate fields;
    fields.authorityReference = sim::TestPki::kDvReference;
    fields.holderReference = "DEOAWFLOW00001";
    fields.rights = rights(options_.terminalRights);
    fields.effectiveDate = sim::TestPki::kEffectiveDate;
    fields.expirationDate = sim::TestPki::kExpirationDate;
    fields.extensions = {sim::descriptionExtension(description_)};
    terminalCertificate_ = *sim::writeCvCertificate(fields, pki.terminalKey(), pki.dvKey());
    if (options_.tamperDescription)
        description_ = description(subject, pins, "Zweck: etwas ganz anderes");
}

ScriptedWorld::~ScriptedWorld() = default;

QUrl ScriptedWorld::tcTokenUrl() const {
    return tokenServer_->url("/token");
}

QUrl ScriptedWorld::refreshAddress() const {
    return tokenServer_->url(options_.refreshPath.value_or("/refresh?session=1"));
}

QUrl ScriptedWorld::communicationErrorAddress() const {
    return tokenServer_->url("/error");
}

QByteArray ScriptedWorld::goodToken() const {
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><TCTokenType>"
               "<ServerAddress>%1</ServerAddress>"
               "<SessionIdentifier>%2</SessionIdentifier>"
               "<RefreshAddress>%3</RefreshAddress>"
               "<CommunicationErrorAddress>%4</CommunicationErrorAddress>"
               "<Binding>urn:liberty:paos:2006-08</Binding>"
               "<PathSecurity-Protocol>urn:ietf:rfc:4279</PathSecurity-Protocol>"
               "<PathSecurity-Parameters><PSK>%5</PSK></PathSecurity-Parameters>"
               "</TCTokenType>")
        .arg(eidServer_->url("/paos").toString(), sessionId_,
             (refreshHop_ ? refreshHop_->url("/hop") : refreshAddress()).toString().toHtmlEscaped(),
             communicationErrorAddress().toString(), QString::fromLatin1(psk_.toHex()))
        .toUtf8();
}

TestAnswer ScriptedWorld::token(const TestRequest& request) {
    if (!request.target.startsWith("/token")) return TestAnswer::http(200, "<html>ok</html>");
    ++tokenRequests;
    if (options_.onTokenRequest && options_.onTokenRequest(tokenRequests - 1))
        return TestAnswer{{}, true};
    if (tokenRequests <= options_.tokenOverloads)
        return TestAnswer::http(503, "busy", {{"Retry-After", "1"}});
    QByteArray body = options_.tokenBody.value_or(goodToken());
    if (options_.editToken) body = options_.editToken(body);
    return TestAnswer::http(200, body, {{"Content-Type", "text/xml; charset=utf-8"}});
}

TestAnswer ScriptedWorld::paos(const TestRequest& request) {
    ++paosRequests;
    if (options_.onPaosRequest && options_.onPaosRequest(paosRequests - 1))
        return TestAnswer{{}, true};
    if (options_.paosOverloaded) return TestAnswer::http(503, "busy", {{"Retry-After", "1"}});
    QByteArray body = answer(request.body);
    if (options_.editPaos) body = options_.editPaos(paosRequests - 1, std::move(body));
    return TestAnswer::http(200, body,
                            {{"Content-Type", "application/vnd.paos+xml; charset=utf-8"}});
}

// One answer per client message, following the protocol order; the scripted deviations
// (abort, error from the client) end with StartPAOSResponse.
QByteArray ScriptedWorld::answer(const QByteArray& clientMessage) {
    const auto fields = leaves(clientMessage);
    const QString relatesTo = first(fields, "MessageID");
    if (first(fields, "ResultMajor").endsWith("#error")) {
        clientErrorMinor = first(fields, "ResultMinor");
        problem = "client reported " + clientErrorMinor + " " + first(fields, "ResultMessage") +
                  " output " + first(fields, "OutputAPDU");
        return finish(relatesTo, false, clientErrorMinor);
    }
    if (fields.count("SessionIdentifier")) {
        if (first(fields, "SessionIdentifier") != sessionId_) return fault(relatesTo, "session");
        return next(
            options_.initializeFramework ? ServerStep::InitializeFramework : ServerStep::Eac1,
            relatesTo);
    }
    if (clientMessage.contains("InitializeFrameworkResponse"))
        return next(ServerStep::Eac1, relatesTo);
    if (clientMessage.contains("EAC1OutputType")) {
        chatFromClient = fromHex(first(fields, "CertificateHolderAuthorizationTemplate"));
        idPicc_ = fromHex(first(fields, "IDPICC"));
        challenge_ = fromHex(first(fields, "Challenge"));
        if (!prepareChipAuthentication(fromHex(first(fields, "EFCardAccess"))))
            return fault(relatesTo, "CA preparation");
        return next(ServerStep::Eac2, relatesTo);
    }
    if (clientMessage.contains("EAC2OutputType") && fields.count("EFCardSecurity") == 0)
        return next(ServerStep::EacAdditionalInput, relatesTo);
    if (clientMessage.contains("EAC2OutputType")) {
        if (!verifyChipAuthentication(fromHex(first(fields, "EFCardSecurity")),
                                      fromHex(first(fields, "AuthenticationToken")),
                                      fromHex(first(fields, "Nonce"))))
            return fault(relatesTo, "CA verification");
        return next(ServerStep::Transmit, relatesTo);
    }
    if (clientMessage.contains("TransmitResponse")) {
        auto response = ResponseApdu::parse(fromHex(first(fields, "OutputAPDU")));
        if (!response) return fault(relatesTo, "output APDU");
        auto opened = secure_->unprotect(*response);
        // 6282: end of file before Le bytes, the usual answer to a read of 256.
        if (!opened || (!opened->isSuccess() && opened->sw() != 0x6282))
            return fault(relatesTo, "SM response");
        if (++transmitsDone_ == 2) {
            dataGroup4 = opened->data();
            return next(ServerStep::Finish, relatesTo);
        }
        return next(ServerStep::Transmit, relatesTo);
    }
    return fault(relatesTo, "unexpected client message");
}

QByteArray ScriptedWorld::fault(const QString& relatesTo, const char* what) {
    if (problem.isEmpty()) problem = QString::fromLatin1(what);
    return finish(relatesTo, false);
}

QByteArray ScriptedWorld::next(ServerStep step, const QString& relatesTo) {
    if (options_.abortInsteadOf == step) {
        sent.push_back(ServerStep::Finish);
        return finish(relatesTo, false);
    }
    sent.push_back(step);
    switch (step) {
        case ServerStep::InitializeFramework:
            return envelope(relatesTo, QStringLiteral("<ecard:InitializeFramework/>"));
        case ServerStep::Eac1:
            return eac1(relatesTo);
        case ServerStep::Eac2:
            return eac2(relatesTo);
        case ServerStep::EacAdditionalInput:
            return envelope(relatesTo, didAuthenticate(QStringLiteral("EACAdditionalInputType"),
                                                       element("Signature", hex(signChallenge()))));
        case ServerStep::Transmit: {
            // SELECT of the eID application, then READ BINARY of DG4 (short file 04).
            const CommandApdu command =
                transmitsDone_ == 0
                    ? CommandApdu(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302"))
                    : CommandApdu(0x00, 0xB0, 0x84, 0x00, {}, CommandApdu::kShortMaxLe);
            auto wrapped = secure_->protect(command);
            return transmit(relatesTo, wrapped->encode());
        }
        case ServerStep::Finish:
            return finish(relatesTo, true);
    }
    return {};
}

QByteArray ScriptedWorld::eac1(const QString& relatesTo) {
    const auto& pki = sim::TestPki::builtIn();
    auto chat = [](const std::vector<eac::AccessRight>& list) {
        return hex(
            eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, list).encode());
    };
    const QString data = element("Certificate", hex(pki.dvCertificate())) +
                         element("Certificate", hex(terminalCertificate_)) +
                         element("CertificateDescription", hex(description_)) +
                         element("RequiredCHAT", chat(options_.required)) +
                         element("OptionalCHAT", chat(options_.optional)) +
                         element("TransactionInfo", QStringLiteral("Bestellung 4711"));
    return envelope(relatesTo, didAuthenticate(QStringLiteral("EAC1InputType"), data));
}

QByteArray ScriptedWorld::eac2(const QString& relatesTo) {
    QString data = element("EphemeralPublicKey", hex(chipAuthentication_->ephemeralPublicKey()));
    if (!options_.signInAdditionalInput) data += element("Signature", hex(signChallenge()));
    return envelope(relatesTo, didAuthenticate(QStringLiteral("EAC2InputType"), data));
}

QByteArray ScriptedWorld::transmit(const QString& relatesTo, const Bytes& apdu) {
    return envelope(relatesTo,
                    QStringLiteral("<iso:Transmit><iso:SlotHandle>00</iso:SlotHandle>"
                                   "<iso:InputAPDUInfo><iso:InputAPDU>%1</iso:InputAPDU>"
                                   "<iso:AcceptableStatusCode>90</iso:AcceptableStatusCode>"
                                   "<iso:AcceptableStatusCode>6282</iso:AcceptableStatusCode>"
                                   "</iso:InputAPDUInfo></iso:Transmit>")
                        .arg(hex(apdu)));
}

QByteArray ScriptedWorld::finish(const QString& relatesTo, bool ok, const QString& minor) {
    QString result =
        ok ? QStringLiteral(
                 "<dss:ResultMajor>http://www.bsi.bund.de/ecard/api/1.1/"
                 "resultmajor#ok</dss:ResultMajor>")
           : QStringLiteral(
                 "<dss:ResultMajor>http://www.bsi.bund.de/ecard/api/1.1/"
                 "resultmajor#error</dss:ResultMajor>"
                 "<dss:ResultMinor>%1</dss:ResultMinor>")
                 .arg(minor.isEmpty() ? QStringLiteral("http://www.bsi.bund.de/ecard/api/1.1/"
                                                       "resultminor/al/common#internalError")
                                      : minor);
    return envelope(relatesTo, QStringLiteral("<iso:StartPAOSResponse><dss:Result>%1</dss:Result>"
                                              "</iso:StartPAOSResponse>")
                                   .arg(result));
}

bool ScriptedWorld::prepareChipAuthentication(const Bytes& efCardAccess) {
    auto infos = eac::SecurityInfos::parse(efCardAccess);
    if (!infos) return false;
    for (const auto& info : infos->chipAuthenticationInfos()) {
        if (info.version != 2) continue;
        for (const auto& domain : infos->chipAuthenticationDomainParameters()) {
            if (domain.keyId != info.keyId || !domain.parameterId) continue;
            auto parameters = eac::DomainParameters::standardized(*domain.parameterId);
            if (!parameters) return false;
            caInfo_ = info;
            replayCard_ = std::make_unique<ReplayCard>();
            chipAuthentication_ = std::make_unique<eac::ChipAuthentication>(*replayCard_, info,
                                                                            std::move(*parameters));
            auto comp = chipAuthentication_->prepareEphemeralKey();
            if (!comp) return false;
            ephemeralComp_ = *comp;
            return true;
        }
    }
    return false;
}

Bytes ScriptedWorld::signChallenge() const {
    const Bytes data = concat({idPicc_, challenge_, ephemeralComp_});
    return *sim::TestPki::builtIn().terminalKey().signPlain(data);
}

bool ScriptedWorld::verifyChipAuthentication(const Bytes& efCardSecurity, const Bytes& token,
                                             const Bytes& nonce) {
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    if (!trust) return false;
    auto verified =
        eac::verifyCardSecurity(efCardSecurity, *trust, std::chrono::system_clock::now());
    if (!verified) return false;
    auto chipKey = verified->infos.chipAuthenticationPublicKey(*caInfo_);
    if (!chipKey) return false;
    replayCard_->generalAuthenticateAnswer =
        asn1::encode(0x7C, concat({asn1::encode(0x81, nonce), asn1::encode(0x82, token)}));
    auto keys = chipAuthentication_->authenticate(chipKey->publicKey);
    if (!keys) return false;
    chipAuthenticated = true;
    secure_ = std::make_unique<eac::SecureMessaging>(std::move(*keys));
    return true;
}

}  // namespace oa::workflows::test
