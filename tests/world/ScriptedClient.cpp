#include "ScriptedClient.h"

#include "asn1/Tlv.h"
#include "eac/CardAccessReader.h"
#include "eac/Chat.h"
#include "eac/CvCertificate.h"
#include "eac/SecurityInfos.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"
#include "net/PaosWriter.h"

namespace oa::sim::test {
namespace {

const Bytes kTaEcdsaSha256 = hexBytes("04007F00070202020203");

Error failed(const std::string& detail) {
    return makeError(ErrorCode::Unknown, "scripted client", detail);
}

Result<ResponseApdu> expectOk(Card& card, const CommandApdu& command, const char* step) {
    auto response = card.transmit(command);
    if (!response) return response.error();
    if (!response->isSuccess()) return failed(std::string(step) + " answered " + response->swHex());
    return response;
}

Result<eac::Chat> anyChat(ByteView bytes) {
    if (bytes.size() > 2 && bytes[0] == 0x7F && bytes[1] == 0x4C) return eac::Chat::parse(bytes);
    return eac::Chat::parseContents(bytes);
}

}  // namespace

ScriptedClient::ScriptedClient(Post post, Options options)
    : post_(std::move(post)),
      options_(std::move(options)),
      backend_(std::make_shared<SimulatorBackend>()) {}

ScriptedClient::~ScriptedClient() = default;

Result<net::StartPaosResponse> ScriptedClient::run(const QString& sessionIdentifier) {
    net::StartPaos start;
    start.sessionIdentifier = sessionIdentifier;
    start.userAgent = {QStringLiteral("world-tests"), 1, 0, 0};
    net::PaosAddressing addressing{net::newPaosMessageId(), {}};
    QByteArray outgoing = net::writeStartPaos(addressing, start);
    QString lastId = addressing.messageId;
    for (int round = 0; round < 64; ++round) {
        auto incoming = post_(outgoing);
        if (!incoming) return incoming.error();
        auto message = net::parsePaosMessage(*incoming, lastId);
        if (!message) return message.error();
        received_.push_back(message->type());
        if (auto* end = std::get_if<net::StartPaosResponse>(&message->body)) return *end;
        auto next = answer(*message);
        if (!next) return next.error();
        outgoing = *next;
        // The writer put a fresh MessageID in; find it for the RelatesTo check.
        const qsizetype at = outgoing.indexOf("MessageID>") + 10;
        lastId = QString::fromLatin1(outgoing.mid(at, outgoing.indexOf('<', at) - at));
    }
    return failed("too many rounds");
}

Result<QByteArray> ScriptedClient::answer(const net::PaosServerMessage& message) {
    const auto addressing = net::answering(message);
    if (options_.answerWithError == message.type()) {
        const auto error = net::EcardResult::error(net::ResultMinor::CancellationByUser, "test");
        if (message.type() == net::PaosMessageType::Transmit)
            return net::writeTransmitResponse(addressing, error, {});
        if (message.type() == net::PaosMessageType::InitializeFramework)
            return net::writeInitializeFrameworkResponse(addressing, error, {});
        return net::writeDidAuthenticateResponse(addressing, error);
    }
    if (std::holds_alternative<net::InitializeFramework>(message.body))
        return net::writeInitializeFrameworkResponse(addressing, net::EcardResult::ok(), {});
    if (auto* input = std::get_if<net::DidAuthenticateEac1>(&message.body))
        return eac1(message, *input);
    if (auto* input = std::get_if<net::DidAuthenticateEac2>(&message.body))
        return eac2(message, input->ephemeralPublicKey, input->signature);
    if (auto* input = std::get_if<net::DidAuthenticateEacAdditionalInput>(&message.body)) {
        if (!pendingEphemeralKey_) return failed("EACAdditionalInput without EAC2 before");
        return eac2(message, *pendingEphemeralKey_, input->signature);
    }
    if (auto* input = std::get_if<net::Transmit>(&message.body)) return transmit(message, *input);
    return failed("unexpected server message");
}

Result<QByteArray> ScriptedClient::eac1(const net::PaosServerMessage& message,
                                        const net::DidAuthenticateEac1& input) {
    eac1Input_ = input;
    auto card = backend_->connect(SimulatorBackend::kReaderName);
    if (!card) return card.error();
    card_ = std::move(*card);
    if (auto selected = eid::selectMasterFile(*card_); !selected) return selected.error();
    auto cardAccess = eac::readEfCardAccess(*card_);
    if (!cardAccess) return cardAccess.error();
    efCardAccess_ = *cardAccess;

    Bytes chat;
    if (options_.chatOverride) {
        chat = *options_.chatOverride;
    } else {
        auto required = anyChat(input.requiredChat.value_or(Bytes{}));
        auto optional = anyChat(input.optionalChat.value_or(Bytes{}));
        if (!required || !optional) return failed("CHATs unreadable");
        chat = required->united(*optional).encode();
    }
    auto paced =
        eid::PinManagement(*card_).authenticateWithPin(SecureBytes::fromAscii("123456"), {}, chat);
    if (!paced) return paced.error();
    idPicc_ = paced->idPicc;
    secure_ = std::make_unique<eac::SecureMessagingCard>(
        *card_, std::make_unique<eac::SecureMessaging>(std::move(paced->keys)));

    for (const auto& encoded : input.certificates) {
        auto certificate = eac::CvCertificate::parse(encoded);
        if (!certificate) return certificate.error();
        if (certificate->isSelfSigned()) continue;
        const Bytes car = asciiBytes(certificate->authorityReference());
        if (auto ok =
                expectOk(*secure_, CommandApdu(0x00, 0x22, 0x81, 0xB6, asn1::encode(0x83, car)),
                         "MSE:Set DST");
            !ok)
            return ok.error();
        if (auto ok = expectOk(*secure_,
                               CommandApdu(0x00, 0x2A, 0x00, 0xBE, certificate->bodyAndSignature()),
                               "PSO:Verify Certificate");
            !ok)
            return ok.error();
        terminalReference_ = asciiBytes(certificate->holderReference());
    }
    auxiliaryData_ = input.authenticatedAuxiliaryData.value_or(Bytes{});
    auto challenge =
        expectOk(*secure_, CommandApdu(0x00, 0x84, 0x00, 0x00, {}, 8), "GET CHALLENGE");
    if (!challenge) return challenge.error();
    challenge_ = challenge->data();

    net::Eac1Output output;
    output.certificateHolderAuthorizationTemplate = chat;
    if (paced->currentCar)
        output.certificationAuthorityReferences.push_back(
            QString::fromLatin1(reinterpret_cast<const char*>(paced->currentCar->data()),
                                static_cast<qsizetype>(paced->currentCar->size())));
    output.efCardAccess = efCardAccess_;
    output.idPicc = idPicc_;
    if (options_.sendChallengeInEac1) output.challenge = challenge_;
    return net::writeDidAuthenticateResponse(net::answering(message), net::EcardResult::ok(),
                                             output);
}

Result<QByteArray> ScriptedClient::eac2(const net::PaosServerMessage& message,
                                        const Bytes& ephemeralKey,
                                        const std::optional<Bytes>& signature) {
    if (!signature) {
        pendingEphemeralKey_ = ephemeralKey;
        net::Eac2Output output;
        output.challenge = challenge_;
        return net::writeDidAuthenticateResponse(net::answering(message), net::EcardResult::ok(),
                                                 output);
    }
    const Bytes comp(ephemeralKey.begin() + 1,
                     ephemeralKey.begin() + 1 + (ephemeralKey.size() - 1) / 2);
    Bytes mse =
        concat({asn1::encode(0x80, kTaEcdsaSha256), asn1::encode(0x83, terminalReference_)});
    if (!auxiliaryData_.empty()) append(mse, auxiliaryData_);
    append(mse, asn1::encode(0x91, comp));
    if (auto ok = expectOk(*secure_, CommandApdu(0x00, 0x22, 0x81, 0xA4, mse), "MSE:Set AT TA");
        !ok)
        return ok.error();
    if (auto ok = expectOk(*secure_, CommandApdu(0x00, 0x82, 0x00, 0x00, *signature),
                           "EXTERNAL AUTHENTICATE");
        !ok)
        return ok.error();
    auto cardSecurity = eid::readFileByShortId(*secure_, 0x1D, "EF.CardSecurity");
    if (!cardSecurity || !*cardSecurity) return failed("EF.CardSecurity unreadable");

    auto infos = eac::SecurityInfos::parse(efCardAccess_);
    if (!infos || infos->chipAuthenticationInfos().empty()) return failed("no CA info");
    const auto& ca = infos->chipAuthenticationInfos().front();
    Bytes caMse = asn1::encode(0x80, ca.protocol);
    if (ca.keyId) append(caMse, asn1::encode(0x84, Bytes{static_cast<std::uint8_t>(*ca.keyId)}));
    if (auto ok = expectOk(*secure_, CommandApdu(0x00, 0x22, 0x41, 0xA4, caMse), "MSE:Set AT CA");
        !ok)
        return ok.error();
    auto general = expectOk(*secure_,
                            CommandApdu(0x00, 0x86, 0x00, 0x00,
                                        asn1::encode(0x7C, asn1::encode(0x80, ephemeralKey)), 256),
                            "General Authenticate CA");
    if (!general) return general.error();
    auto outer = asn1::readOne(general->data());
    if (!outer) return outer.error();
    auto parts = outer->children();
    if (!parts || parts->size() != 2) return failed("CA answer");
    net::Eac2Output output;
    output.efCardSecurity = **cardSecurity;
    output.nonce = Bytes((*parts)[0].value.begin(), (*parts)[0].value.end());
    output.authenticationToken = Bytes((*parts)[1].value.begin(), (*parts)[1].value.end());
    if (options_.corruptAuthenticationToken) output.authenticationToken[0] ^= 0x01;
    secure_.reset();  // the card now speaks with the eID-Server's keys
    return net::writeDidAuthenticateResponse(net::answering(message), net::EcardResult::ok(),
                                             output);
}

Result<QByteArray> ScriptedClient::transmit(const net::PaosServerMessage& message,
                                            const net::Transmit& input) {
    std::vector<Bytes> outputs;
    for (const auto& info : input.inputApduInfos) {
        auto command = CommandApdu::parse(info.inputApdu);
        if (!command) return command.error();
        auto response = card_->transmit(*command);
        if (!response) return response.error();
        ++apdus_;
        outputs.push_back(response->encode());
    }
    return net::writeTransmitResponse(net::answering(message), net::EcardResult::ok(), outputs);
}

}  // namespace oa::sim::test
