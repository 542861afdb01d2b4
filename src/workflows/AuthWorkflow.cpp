#include "workflows/AuthWorkflow.h"
#include "workflows/ConsentPurpose.h"

#include <QDateTime>
#include <QThread>

#include "asn1/Tlv.h"
#include "eac/CardAccessReader.h"
#include "eac/CertificateDescription.h"
#include "eac/Chat.h"
#include "eac/CvCertificateChain.h"
#include "eac/DomainParameters.h"
#include "eac/PaceChannel.h"
#include "eac/PassiveAuthentication.h"
#include "eac/SecureMessagingCard.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"
#include "net/AttachedChannel.h"
#include "net/CommCertificates.h"
#include "net/HttpsFetcher.h"
#include "net/PaosTransmit.h"
#include "net/PskChannel.h"
#include "net/RefreshAddress.h"
#include "net/TcToken.h"
#include "net/TlsConfiguration.h"
#include "net/TlsServerCertificates.h"
#include "workflows/OnlineEacCard.h"

namespace oa::workflows {
namespace {

using net::ResultMinor;
using net::ResultOrigin;

constexpr std::uint8_t kCardSecurityShortId = 0x1D;
constexpr int kMaxRefreshHops = 10;
constexpr int kMaxCanAttempts = 3;
// CVCA holder references of test PKIs: ours (sim/pki) and the BSI test PKI.
constexpr std::string_view kTestCvcaPrefixes[] = {"DEOATEST", "DETEST"};

bool isTestCvca(const std::string& reference) {
    for (auto prefix : kTestCvcaPrefixes)
        if (reference.rfind(prefix, 0) == 0) return true;
    return false;
}

// Why the flow cannot go on: the error for the user and the log, the eCard result that tells
// the server, and who caused it (serverError or clientError for the browser).
struct Failure {
    Error error;
    ResultMinor minor = ResultMinor::InternalError;
    ResultOrigin origin = ResultOrigin::Client;

    net::EcardResult ecardResult() const {
        return net::EcardResult::error(minor, QString::fromStdString(error.message));
    }
    net::BrowserResult browserResult() const {
        return net::browserResultFor(ecardResult(), origin);
    }
};

Failure clientFailure(Error error, ResultMinor minor = ResultMinor::InternalError) {
    if (error.code == ErrorCode::Cancelled) minor = ResultMinor::CancellationByUser;
    return {std::move(error), minor, ResultOrigin::Client};
}

Failure trustFailure(Error error) {
    return {std::move(error), ResultMinor::TrustedChannelEstablishmentFailed, ResultOrigin::Client};
}

Failure serverFailure(Error error) {
    return {std::move(error), ResultMinor::InternalError, ResultOrigin::Server};
}

Error during(const char* step, Error error) {
    error.detail = std::string(step) + ": " + error.detail;
    return error;
}

std::string asText(ByteView bytes) {
    return std::string(bytes.begin(), bytes.end());
}

// EAC1's CHATs arrive as complete 7F4C objects; some servers send only the contents.
Result<eac::Chat> parseChat(const Bytes& encoded) {
    if (encoded.size() > 2 && encoded[0] == 0x7F && encoded[1] == 0x4C)
        return eac::Chat::parse(encoded);
    return eac::Chat::parseContents(encoded);
}

// Exactly one 67 object goes into MSE:Set AT and the signed data (card-protocols §8).
Bytes auxiliaryDataObject(const Bytes& data) {
    if (!data.empty() && data[0] == 0x67) return data;
    return asn1::encode(0x67, data);
}

std::string isoDate(const eac::CvDate& date) {
    return date.toString();
}

}  // namespace

// Everything one authentication learns on its way, and its steps. The states follow the order
// of TR-03124-1 2.5; each step returns the next state.
struct AuthWorkflow::Session {
    enum class State {
        FetchTcToken,
        EvaluateTcToken,
        ConnectEidServer,
        StartPaos,
        InitializeFramework,
        CheckServiceCertificates,
        Consent,
        Pace,
        SendEac1Output,
        TerminalAuthentication,
        ChipAuthentication,
        SendEac2Output,
        Transmit,
        FinishPaos,
        ReportErrorToServer,
        CheckRefreshAddress,
        Finished,
    };

    AuthWorkflow& workflow;
    const AuthSettings& settings;
    Interaction& interaction;
    QUrl tcTokenUrl;

    // TLS-1-2 and TLS-2: every certificate seen, checked against the pins once they are known.
    net::TlsServerCertificates seenCertificates;
    net::CommCertificates pins;
    QByteArray tokenBody;
    QByteArray tokenTlsSession;  // for the attached model: TLS-2 resumes it
    std::optional<net::TcToken> token;
    // Where the browser goes when the RefreshAddress is unusable; also known for a token that
    // was refused only for its eID-Server part.
    std::optional<QUrl> communicationErrorAddress;
    std::unique_ptr<net::EidServerChannel> channel;
    QString lastSentMessageId;
    std::optional<net::PaosServerMessage> received;  // the server message being answered
    bool answerOwed = false;

    std::optional<net::DidAuthenticateEac1> eac1;
    std::vector<eac::CvCertificate> certificatePool;
    std::optional<eac::CertificateDescription> description;
    QUrl subjectUrl;  // once the description passed its checks: the refresh reference origin
    std::optional<eac::CvCertificate> terminal;
    std::optional<eac::ChatRequest> chatRequest;
    eac::Chat granted = eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, {});
    std::optional<eac::Chat> effectiveChat;
    bool canAllowedMode = false;  // PACE with the CAN instead of the PIN (online-protocols §8.3)

    std::unique_ptr<Card> card;
    std::unique_ptr<eac::SecureMessagingCard> secureCard;
    Bytes efCardAccess;
    std::optional<eac::SecurityInfos> cardAccess;
    std::optional<eac::PaceResult> paced;
    Bytes challenge;
    std::optional<eac::CvCertificateChain> chain;
    std::optional<net::DidAuthenticateEac2> eac2;
    Bytes efCardSecurity;
    std::optional<OnlineEacCard::ChipAuthenticationOutput> chipAuthentication;
    std::optional<Error> transmitError;
    int transmits = 0;

    std::optional<Failure> failure;
    net::BrowserResult result = net::BrowserResult::success();
    // Where the flow goes after PAOS, or a ready-made end.
    QUrl redirectStart;
    std::optional<AuthOutcome> outcome;

    Session(AuthWorkflow& owner, QUrl url)
        : workflow(owner),
          settings(owner.settings_),
          interaction(owner.interaction_),
          tcTokenUrl(std::move(url)) {}

    AuthOutcome run() {
        State state = State::FetchTcToken;
        while (state != State::Finished)
            state = step(state);
        return *outcome;
    }

    State step(State state) {
        if (isCancelled() && state < State::FinishPaos && !failure) {
            failure = clientFailure(cancelledByUser("before " + std::to_string(int(state))));
            return answerOwed ? State::ReportErrorToServer : afterPaos();
        }
        switch (state) {
            case State::FetchTcToken:
                return fetchTcToken();
            case State::EvaluateTcToken:
                return evaluateTcToken();
            case State::ConnectEidServer:
                return connectEidServer();
            case State::StartPaos:
                return startPaos();
            case State::InitializeFramework:
                return initializeFramework();
            case State::CheckServiceCertificates:
                return checkServiceCertificates();
            case State::Consent:
                return consent();
            case State::Pace: {
                const State next = pace();
                if (!failure || failure->error.code != ErrorCode::CardRemoved) return next;
                if (interaction.resumeAfterCardRemoved()) {
                    failure.reset();  // the card is back: PACE again while the server waits
                    return State::Pace;
                }
                if (isCancelled()) failure = clientFailure(cancelledByUser("card away"));
                return next;
            }
            case State::SendEac1Output:
                return sendEac1Output();
            case State::TerminalAuthentication:
                return terminalAuthentication();
            case State::ChipAuthentication:
                return chipAuthenticationStep();
            case State::SendEac2Output:
                return sendEac2Output();
            case State::Transmit:
                return transmit();
            case State::FinishPaos:
                return finishPaos();
            case State::ReportErrorToServer:
                return reportErrorToServer();
            case State::CheckRefreshAddress:
                return checkRefreshAddress();
            case State::Finished:
                break;
        }
        return State::Finished;
    }

    bool isCancelled() const { return workflow.cancelled_ || interaction.cancelRequested(); }

    // --- 1-3: TC token ---------------------------------------------------------------------

    State fetchTcToken() {
        interaction.progress(AuthStep::FetchTcToken);
        if (!net::isHttpsUrl(tcTokenUrl))
            return errorPage(400, makeError(ErrorCode::InvalidInput,
                                            "The service's address is not a secure https address.",
                                            "tcTokenURL " + tcTokenUrl.toString().toStdString()));
        net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel(settings.caCertificates),
                                  {settings.timeouts}, check());
        fetcher.setCancelled([this] { return isCancelled(); });
        auto response = retryUntil(
            tcTokenUrl.host(),
            [&] {
                return fetcher.fetch(tcTokenUrl, true, {{"Accept", "text/xml, */*;q=0.8"}});
            },
            [this] { return isCancelled(); },
            [&] { return cancelledByUser("while fetching the TC token"); });
        if (!response) return errorPage(404, during("TC token", response.error()));
        if (response->status != 200)
            return errorPage(
                404, makeError(ErrorCode::Network,
                               "The service did not hand out its authentication "
                               "request (TC token).",
                               "TC token answered HTTP " + std::to_string(response->status)));
        tokenBody = response->body;
        tokenTlsSession = response->tlsSession;
        return State::EvaluateTcToken;
    }

    State evaluateTcToken() {
        interaction.progress(AuthStep::EvaluateTcToken);
        auto evaluated = net::evaluateTcToken(tokenBody);
        switch (evaluated.action) {
            case net::TcTokenAction::Proceed:
                token = std::move(evaluated.token);
                communicationErrorAddress = token->communicationErrorAddress;
                return State::ConnectEidServer;
            case net::TcTokenAction::RedirectToRefreshAddress:
                communicationErrorAddress = evaluated.communicationErrorAddress;
                failure = Failure{evaluated.error.value_or(Error{}),
                                  ResultMinor::CommunicationError, ResultOrigin::Client};
                result = evaluated.result;
                redirectStart = evaluated.redirectTarget;
                return State::CheckRefreshAddress;
            case net::TcTokenAction::RedirectToCommunicationErrorAddress:
                return finish(evaluated.redirectUrl(), evaluated.result,
                              evaluated.error.value_or(Error{}));
            case net::TcTokenAction::ShowErrorPage:
                break;
        }
        return errorPage(evaluated.errorPageStatus ? evaluated.errorPageStatus : 404,
                         evaluated.error.value_or(Error{}));
    }

    // --- 4: PAOS over TLS-2 ----------------------------------------------------------------

    State connectEidServer() {
        interaction.progress(AuthStep::ConnectEidServer);
        net::EidServerChannel::Settings channelSettings;
        channelSettings.caCertificates = settings.caCertificates;
        channelSettings.check = check();
        channelSettings.timeouts = {settings.timeouts.handshake, settings.paosTimeout};
        channelSettings.cancelled = paosCancelled();
        if (token->usesPsk()) {
            channel = std::make_unique<net::PskChannel>(
                token->serverAddress, token->sessionIdentifier, *token->psk, channelSettings);
            return State::StartPaos;
        }
        // Attached eID-Server: TLS-2 must resume the TC token's TLS session (digest 2.2).
        auto resumption = net::TlsSessionResumption::expect(tokenTlsSession);
        if (!resumption) {
            failure = trustFailure(resumption.error());
            return afterPaos();
        }
        channel = std::make_unique<net::AttachedChannel>(token->serverAddress,
                                                         std::move(*resumption), channelSettings);
        return State::StartPaos;
    }

    State startPaos() {
        interaction.progress(AuthStep::StartPaos);
        net::StartPaos message;
        message.sessionIdentifier = token->sessionIdentifier;
        message.userAgent = settings.userAgent;
        message.supportedDidProtocols = {QString::fromLatin1(net::kEac2Protocol),
                                         QString::fromLatin1(net::kEacProtocol)};
        const auto addressing = next();
        auto answer = exchange(net::writeStartPaos(addressing, message), addressing);
        if (!answer) {
            // Nothing came back from the eID-Server: the trusted channel failed (TB A2_13..15).
            if (answer.error().code != ErrorCode::Cancelled) failure = trustFailure(answer.error());
            return afterPaos();
        }
        if (received->type() == net::PaosMessageType::InitializeFramework)
            return State::InitializeFramework;
        return expectEac1();
    }

    State initializeFramework() {
        const auto addressing = next();
        if (!exchange(net::writeInitializeFrameworkResponse(addressing, net::EcardResult::ok(), {}),
                      addressing))
            return afterPaos();
        return expectEac1();
    }

    State expectEac1() {
        auto message = takeExpected<net::DidAuthenticateEac1>();
        if (!message) return afterServerMessage();
        eac1 = std::move(*message);
        return State::CheckServiceCertificates;
    }

    // --- EAC1: who asks, may they, and through which servers -------------------------------

    State checkServiceCertificates() {
        interaction.progress(AuthStep::CheckServiceCertificates);
        for (const Bytes& encoded : eac1->certificates) {
            auto certificate = eac::CvCertificate::parse(encoded);
            if (!certificate)
                return fail(clientFailure(during("EAC1 certificate", certificate.error()),
                                          ResultMinor::InvalidCertificatePath));
            if (certificate->role() == eac::CertificateRole::Terminal) terminal = *certificate;
            certificatePool.push_back(std::move(*certificate));
        }
        if (!terminal)
            return fail(clientFailure(
                makeError(ErrorCode::InvalidInput, "The service sent no terminal certificate.",
                          "EAC1 without a terminal certificate"),
                ResultMinor::InvalidCertificatePath));
        auto parsed = eac::CertificateDescription::parse(eac1->certificateDescription);
        if (!parsed)
            return fail(clientFailure(during("CertificateDescription", parsed.error()),
                                      ResultMinor::ParameterError));
        description = std::move(*parsed);
        if (auto bound = description->checkBoundTo(*terminal); !bound && !developerOverride(bound))
            return fail(
                trustFailure(makeError(ErrorCode::AuthenticationFailed,
                                       "The service's description does not match its certificate.",
                                       "certificate description hash: " + bound.error().detail)));
        if (auto sameOrigin = checkSubjectUrl(); !sameOrigin && !developerOverride(sameOrigin))
            return fail(trustFailure(sameOrigin.error()));
        pins = net::CommCertificates::fromDescription(*description);
        if (auto pinned = seenCertificates.checkAll(pins); !pinned && !developerOverride(pinned))
            return fail(trustFailure(pinned.error()));
        if (checkSubjectUrl())
            subjectUrl = QUrl(QString::fromStdString(*description->subjectUrl()));
        return checkRequestedRights();
    }

    Result<void> checkSubjectUrl() const {
        if (!description->subjectUrl())
            return makeError(ErrorCode::InvalidInput,
                             "The service's description does not name its address.",
                             "CertificateDescription without subjectURL");
        const QUrl subject(QString::fromStdString(*description->subjectUrl()), QUrl::StrictMode);
        if (!net::isSameOrigin(subject, tcTokenUrl))
            return makeError(ErrorCode::AuthenticationFailed,
                             "The service's address does not match the address you came from.",
                             "same-origin: subjectURL " + *description->subjectUrl() +
                                 " vs TC token URL " + tcTokenUrl.toString().toStdString());
        return {};
    }

    // Developer mode turns trust failures into log lines (AA does the same); never by default.
    bool developerOverride(const Result<void>& check) const {
        if (!settings.developerMode) return false;
        qWarning("developer mode: ignoring %s (%s)", check.error().message.c_str(),
                 check.error().detail.c_str());
        return true;
    }

    // The terminal's DV certificate among those the server sent.
    const eac::CvCertificate* issuingDv() const {
        for (const auto& certificate : certificatePool)
            if (certificate.role() == eac::CertificateRole::DvOfficial ||
                certificate.role() == eac::CertificateRole::DvNonOfficial)
                if (certificate.holderReference() == terminal->authorityReference())
                    return &certificate;
        return nullptr;
    }

    // CAN allowed is honoured only for the PIN reset certificate profile: the terminal holds
    // CAN allowed and PIN management, and its DV is official domestic, or (developer mode) the
    // chain is a test PKI's (online-protocols §8.3).
    bool canAllowedPermitted() const {
        const eac::Chat& own = terminal->chat();
        if (!own.has(eac::AccessRight::CanAllowed) || !own.has(eac::AccessRight::PinManagement))
            return false;
        const eac::CvCertificate* dv = issuingDv();
        if (dv == nullptr) return false;
        if (dv->role() == eac::CertificateRole::DvOfficial) return true;
        return settings.developerMode && isTestCvca(dv->authorityReference());
    }

    State checkRequestedRights() {
        granted = terminal->chat();
        if (const eac::CvCertificate* dv = issuingDv()) granted = granted.intersected(dv->chat());
        // Otherwise CAN allowed is not granted: asking for it is a CHAT escalation.
        if (!canAllowedPermitted()) granted = granted.with(eac::AccessRight::CanAllowed, false);
        auto none = eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, {});
        eac::ChatRequest request{none, none};
        if (eac1->requiredChat) {
            auto required = parseChat(*eac1->requiredChat);
            if (!required)
                return fail(clientFailure(during("RequiredCHAT", required.error()),
                                          ResultMinor::ParameterError));
            request.required = *required;
        }
        if (eac1->optionalChat) {
            auto optional = parseChat(*eac1->optionalChat);
            if (!optional)
                return fail(clientFailure(during("OptionalCHAT", optional.error()),
                                          ResultMinor::ParameterError));
            request.optional = *optional;
        }
        if (auto allowed = request.checkAgainst(granted); !allowed)
            return fail(clientFailure(
                makeError(ErrorCode::AuthenticationFailed,
                          "The service asks for data its certificate does not allow it to read.",
                          "CHAT escalation: " + allowed.error().detail),
                ResultMinor::NoPermission));
        chatRequest = request;
        return State::Consent;
    }

    // --- 5: consent, PIN and PACE -----------------------------------------------------------

    State consent() {
        interaction.progress(AuthStep::Consent);
        ConsentRequest request;
        request.providerName = description->subjectName();
        request.providerUrl = description->subjectUrl().value_or("");
        request.issuerName = description->issuerName();
        request.issuerUrl = description->issuerUrl().value_or("");
        request.termsOfUsage = description->termsOfUsageText();
        request.purpose = purposeOfTermsOfUsage(request.termsOfUsage);
        if (eac1->authenticatedAuxiliaryData)
            request.authenticatedAuxiliaryData =
                auxiliaryDataObject(*eac1->authenticatedAuxiliaryData);
        if (eac1->transactionInfo) request.transactionInfo = eac1->transactionInfo->toStdString();
        request.validFrom = isoDate(terminal->effectiveDate());
        request.validUntil = isoDate(terminal->expirationDate());
        const auto offered = chatRequest->offered(granted);
        const auto deselectable = chatRequest->deselectable(granted);
        for (auto right : offered.rights()) {
            const bool optional =
                std::find(deselectable.begin(), deselectable.end(), right) != deselectable.end();
            (optional ? request.optionalRights : request.requiredRights).push_back(right);
        }
        request.canAllowedMode = offered.has(eac::AccessRight::CanAllowed);
        auto answer = interaction.askConsent(request);
        if (!answer) return fail(clientFailure(answer.error()));
        auto selected = chatRequest->select(granted, answer->deselected);
        if (!selected)
            return fail(
                clientFailure(during("consent", selected.error()), ResultMinor::ParameterError));
        effectiveChat = *selected;
        canAllowedMode = effectiveChat->has(eac::AccessRight::CanAllowed);
        return State::Pace;
    }

    State pace() {
        interaction.progress(AuthStep::Pace);
        // A PACE started over (card put back) drops the earlier channel before its card.
        secureCard.reset();
        if (auto connected = connectCard(); !connected)
            return fail(clientFailure(connected.error()));
        if (auto selected = eid::selectMasterFile(*card); !selected)
            return fail(clientFailure(selected.error()));
        auto access = eac::readEfCardAccess(*card);
        if (!access) return fail(clientFailure(during("EF.CardAccess", access.error())));
        efCardAccess = *access;
        auto infos = eac::SecurityInfos::parse(efCardAccess);
        if (!infos) return fail(clientFailure(during("EF.CardAccess", infos.error())));
        cardAccess = std::move(*infos);

        auto established = canAllowedMode ? establishPaceWithCan() : establishPaceWithPin();
        if (!established) return fail(clientFailure(established.error()));
        paced = std::move(*established);
        // A comfort reader protects TA and CA with its own PACE keys; after CA the eID-Server's
        // protected Transmit APDUs pass through it unchanged.
        secureCard = eac::SecureMessagingCard::afterPace(*card, *paced);
        auto cardChallenge = OnlineEacCard(*secureCard).getChallenge();
        if (!cardChallenge) return fail(clientFailure(cardChallenge.error()));
        challenge = *cardChallenge;
        return State::SendEac1Output;
    }

    Result<void> connectCard() {
        const auto deadline = std::chrono::steady_clock::now() + settings.cardWait;
        for (;;) {
            if (isCancelled()) return cancelledByUser("while waiting for a card");
            auto readers = workflow.backend_.readers();
            if (!readers) return readers.error();
            auto chosen = interaction.chooseReader(*readers);
            if (!chosen) return chosen.error();
            for (const auto& reader : *readers) {
                if (reader.name != *chosen || !reader.cardPresent) continue;
                auto connected = workflow.backend_.connect(*chosen);
                if (!connected) return connected.error();
                card = std::move(*connected);
                return {};
            }
            if (std::chrono::steady_clock::now() >= deadline)
                return makeError(ErrorCode::NoCard, "No ID card was placed on the reader in time.",
                                 "waited for a card in " + *chosen);
            interaction.waitingForCard(*chosen);
            (void)workflow.backend_.waitForChange(std::chrono::milliseconds(500));
        }
    }

    // A question for a secret; on a comfort reader the user types it on the reader's pinpad and
    // the face answers with nothing (or cancels).
    SecretRequest secretRequest(SecretKind kind, const eid::PinStatusMessage& status,
                                int attempt) const {
        SecretRequest request{kind, status, attempt};
        request.onReaderPinpad = card->hasReaderPace();
        return request;
    }

    // A secret the face typed must look right; one left to the pinpad is the reader's business.
    static bool acceptable(const SecureBytes& secret, const SecretRequest& request,
                           std::size_t digits) {
        if (request.onReaderPinpad && secret.empty()) return true;
        return eid::isDigits(secret, digits, digits);
    }

    // PACE with the PIN, after the CAN when the PIN is suspended; a wrong PIN is asked again
    // while the card allows it. Blocked and deactivated PINs end here with the card's words.
    Result<eac::PaceResult> establishPaceWithPin() {
        // EF.CardAccess was read for this connection already; PinManagement need not read it again.
        auto info = cardAccess->choosePace();
        if (!info) return info.error();
        eid::PinManagement pins(*card, *info);
        auto status = pins.status();
        if (!status) return status.error();
        eid::PinStatusMessage message = *status;
        for (int attempt = 1;; ++attempt) {
            if (isCancelled()) return cancelledByUser("before the PIN");
            std::optional<SecureBytes> can;
            if (message.nextStep == eid::PinNextStep::EnterCanThenPin) {
                auto entered =
                    interaction.askSecret(secretRequest(SecretKind::Can, message, attempt));
                if (!entered) return entered.error();
                can = std::move(*entered);
            } else if (!message.pinUsable()) {
                return makeError(ErrorCode::AuthenticationFailed,
                                 message.message + " " + message.nextStepText,
                                 std::string("PIN ") + eid::toString(message.status));
            }
            auto pin = interaction.askSecret(secretRequest(SecretKind::Pin, message, attempt));
            if (!pin) return pin.error();
            auto result = pins.authenticateWithPin(*pin, can, effectiveChat->encode(),
                                                   eac1->certificateDescription);
            if (result) return result;
            if (result.error().code != ErrorCode::AuthenticationFailed || !pins.lastStatus())
                return result.error();
            message = eid::pinStatusMessage(*pins.lastStatus());
            if (message.status == eid::PinStatus::Operational) return result.error();
        }
    }

    // CAN-allowed mode: PACE with the CAN and the effective CHAT. The PIN's state does not stop
    // it: a blocked or suspended PIN and a switched-off eID function are what a PIN reset service
    // is for. A wrong CAN costs nothing on the card; it is asked again a few times.
    Result<eac::PaceResult> establishPaceWithCan() {
        auto info = cardAccess->choosePace();
        if (!info) return info.error();
        eid::PinStatusMessage message;
        if (auto status = eid::PinManagement(*card, *info).status()) message = *status;
        for (int attempt = 1;; ++attempt) {
            if (isCancelled()) return cancelledByUser("before the CAN");
            SecretRequest question = secretRequest(SecretKind::Can, message, attempt);
            question.canAllowedMode = true;
            auto can = interaction.askSecret(question);
            if (!can) return can.error();
            if (!acceptable(*can, question, 6))
                return makeError(ErrorCode::InvalidInput, "The CAN has 6 digits.",
                                 "CAN rejected before talking to the card");
            eac::PaceRequest request;
            request.passwordType = eac::PasswordType::Can;
            request.password = std::move(*can);
            request.chat = effectiveChat->encode();
            request.certificateDescription = eac1->certificateDescription;
            auto result = eac::PaceChannel(*card, *info).establish(request);
            if (result || result.error().code != ErrorCode::AuthenticationFailed ||
                attempt >= kMaxCanAttempts)
                return result;
        }
    }

    State sendEac1Output() {
        net::Eac1Output output;
        output.protocol = eac1->protocol;
        output.certificateHolderAuthorizationTemplate = effectiveChat->encode();
        if (paced->currentCar)
            output.certificationAuthorityReferences.push_back(
                QString::fromStdString(asText(*paced->currentCar)));
        if (paced->previousCar)
            output.certificationAuthorityReferences.push_back(
                QString::fromStdString(asText(*paced->previousCar)));
        output.efCardAccess = efCardAccess;
        output.idPicc = paced->idPicc;
        output.challenge = challenge;
        const auto addressing = next();
        if (!exchange(net::writeDidAuthenticateResponse(addressing, net::EcardResult::ok(), output),
                      addressing))
            return afterPaos();
        auto message = takeExpected<net::DidAuthenticateEac2>();
        if (!message) return afterServerMessage();
        eac2 = std::move(*message);
        return State::TerminalAuthentication;
    }

    // --- EAC2: Terminal Authentication with the server's signature, Chip Authentication ------

    State terminalAuthentication() {
        interaction.progress(AuthStep::TerminalAuthentication);
        for (const Bytes& encoded : eac2->certificates) {
            auto certificate = eac::CvCertificate::parse(encoded);
            if (!certificate)
                return fail(clientFailure(during("EAC2 certificate", certificate.error()),
                                          ResultMinor::InvalidCertificatePath));
            certificatePool.push_back(std::move(*certificate));
        }
        std::vector<std::string> cars;
        if (paced->currentCar) cars.push_back(asText(*paced->currentCar));
        if (paced->previousCar) cars.push_back(asText(*paced->previousCar));
        auto built =
            eac::CvCertificateChain::build(certificatePool, cars, {}, eac::CvDate::today());
        if (!built)
            return fail(clientFailure(makeError(ErrorCode::AuthenticationFailed,
                                                "The service's certificates do not fit this card.",
                                                "CV chain: " + built.error().detail),
                                      ResultMinor::InvalidCertificatePath));
        chain = std::move(*built);
        if (chain->terminal().encoded() != terminal->encoded())
            return fail(clientFailure(makeError(ErrorCode::AuthenticationFailed,
                                                "The service's certificates do not fit this card.",
                                                "chain ends in another terminal certificate"),
                                      ResultMinor::InvalidCertificatePath));

        auto parameters = chipAuthenticationParameters();
        if (!parameters) return fail(clientFailure(parameters.error()));
        // The key goes into MSE:Set AT and Chip Authentication: it must fit the card's domain
        // parameters before any of it reaches the card.
        const Bytes comp = parameters->second.compress(eac2->ephemeralPublicKey);
        if (comp.empty())
            return fail(clientFailure(
                makeError(ErrorCode::InvalidInput, "The eID-Server sent an unusable key.",
                          "EAC2 EphemeralPublicKey of " +
                              std::to_string(eac2->ephemeralPublicKey.size()) +
                              " bytes does not fit the card's Chip Authentication parameters"),
                ResultMinor::ParameterError));
        OnlineEacCard eac(*secureCard);
        if (auto presented = eac.presentCertificates(chain->certificates()); !presented)
            return fail(clientFailure(during("Terminal Authentication", presented.error())));
        std::optional<Bytes> auxiliary;
        if (eac1->authenticatedAuxiliaryData)
            auxiliary = auxiliaryDataObject(*eac1->authenticatedAuxiliaryData);
        if (auto selected = eac.selectTerminal(chain->terminal(), auxiliary, comp); !selected)
            return fail(clientFailure(during("Terminal Authentication", selected.error())));

        Bytes signature;
        if (eac2->signature) {
            signature = *eac2->signature;
        } else {
            // The server signs only now (EACAdditionalInputType, TB B_03).
            net::Eac2Output askForSignature;
            askForSignature.protocol = eac2->protocol;
            askForSignature.challenge = challenge;
            const auto addressing = next();
            if (!exchange(net::writeDidAuthenticateResponse(addressing, net::EcardResult::ok(),
                                                            askForSignature),
                          addressing))
                return afterPaos();
            auto additional = takeExpected<net::DidAuthenticateEacAdditionalInput>();
            if (!additional) return afterServerMessage();
            signature = additional->signature;
        }
        if (auto authenticated = eac.externalAuthenticate(signature); !authenticated)
            return fail(clientFailure(during("Terminal Authentication", authenticated.error()),
                                      ResultMinor::SecurityConditionNotSatisfied));
        return State::ChipAuthentication;
    }

    Result<std::pair<eac::ChipAuthenticationInfo, eac::DomainParameters>>
    chipAuthenticationParameters() const {
        for (const auto& info : cardAccess->chipAuthenticationInfos()) {
            if (info.version != 2) continue;
            for (const auto& domain : cardAccess->chipAuthenticationDomainParameters()) {
                if (domain.keyId != info.keyId || !domain.parameterId) continue;
                auto parameters = eac::DomainParameters::standardized(*domain.parameterId);
                if (!parameters) return parameters.error();
                return std::make_pair(info, std::move(*parameters));
            }
        }
        return makeError(ErrorCode::Unsupported, "This card does not offer Chip Authentication",
                         "no ChipAuthenticationInfo v2 with standardized domain parameters");
    }

    State chipAuthenticationStep() {
        interaction.progress(AuthStep::ChipAuthentication);
        auto file = eid::readFileByShortId(*secureCard, kCardSecurityShortId, "EF.CardSecurity");
        if (!file) return fail(clientFailure(during("EF.CardSecurity", file.error())));
        if (!*file)
            return fail(clientFailure(makeError(ErrorCode::AuthenticationFailed,
                                                "The card cannot prove it is genuine.",
                                                "EF.CardSecurity not found")));
        efCardSecurity = **file;
        auto verified = verifyCardSecurity();
        if (!verified) return fail(clientFailure(verified.error()));
        auto parameters = chipAuthenticationParameters();
        if (!parameters) return fail(clientFailure(parameters.error()));
        auto output = OnlineEacCard(*secureCard)
                          .chipAuthenticate(parameters->first, eac2->ephemeralPublicKey);
        if (!output) return fail(clientFailure(during("Chip Authentication", output.error())));
        chipAuthentication = std::move(*output);
        // The card now speaks with keys only the eID-Server has; the PACE keys are dead.
        secureCard->close();
        return State::SendEac2Output;
    }

    Result<void> verifyCardSecurity() const {
        const auto& verify = settings.verifyCardSecurity
                                 ? settings.verifyCardSecurity
                                 : eid::passiveAuthentication(eac::CscaTrustList::production());
        auto verified = verify(efCardSecurity);
        if (!verified)
            return makeError(
                ErrorCode::AuthenticationFailed,
                "The card could not be verified as a genuine ID card: " + verified.error().message,
                "passive authentication: " + verified.error().detail);
        return eac::checkCardAccessIsSigned(*cardAccess, *verified);
    }

    State sendEac2Output() {
        net::Eac2Output output;
        output.protocol = eac2->protocol;
        output.efCardSecurity = efCardSecurity;
        output.authenticationToken = chipAuthentication->authenticationToken;
        output.nonce = chipAuthentication->nonce;
        const auto addressing = next();
        if (!exchange(net::writeDidAuthenticateResponse(addressing, net::EcardResult::ok(), output),
                      addressing))
            return afterPaos();
        return afterEac();
    }

    // --- the server reads through the card: Transmit until StartPAOSResponse ----------------

    State afterEac() {
        if (received->type() == net::PaosMessageType::Transmit) return State::Transmit;
        if (received->type() == net::PaosMessageType::StartPaosResponse) return State::FinishPaos;
        (void)takeExpected<net::Transmit>();
        return afterServerMessage();
    }

    State transmit() {
        interaction.progress(AuthStep::Transmit);
        auto message = takeExpected<net::Transmit>();
        if (!message) return afterServerMessage();
        if (++transmits > settings.maxTransmits)
            return fail(serverFailure(makeError(
                ErrorCode::InvalidInput, "The eID-Server did not end the authentication.",
                "more than " + std::to_string(settings.maxTransmits) + " Transmit messages")));
        // The server protects the commands itself (CA keys): they go to the card as they are.
        const auto outcome = net::executeTransmit(*message, [this](ByteView apdu) -> Result<Bytes> {
            auto command = CommandApdu::parse(apdu);
            if (!command) return command.error();
            auto response = card->transmit(*command);
            if (!response) {
                transmitError = response.error();
                return response.error();
            }
            return response->encode();
        });
        const auto addressing = next();
        if (!exchange(net::writeTransmitResponse(addressing, outcome.result, outcome.outputApdus),
                      addressing))
            return afterPaos();
        if (transmitError && !failure) failure = clientFailure(*transmitError, ResultMinor::NoCard);
        return afterEac();
    }

    State finishPaos() {
        interaction.progress(AuthStep::FinishPaos);
        auto message = takeExpected<net::StartPaosResponse>();
        if (!message) return afterServerMessage();
        answerOwed = false;
        if (failure) return afterPaos();
        // A warning (e.g. age verification failed) still ends the session as done: the service
        // gets ResultMajor=ok and judges the result it read itself.
        if (message->result.major == net::ResultMajor::Warning)
            qWarning("eID-Server ended with a warning: %s", message->result.describe().c_str());
        if (message->result.major == net::ResultMajor::Error) {
            failure = Failure{makeError(ErrorCode::AuthenticationFailed,
                                        "The service ended the authentication with an error.",
                                        "StartPAOSResponse: " + message->result.describe()),
                              message->result.minor.value_or(ResultMinor::UnknownError),
                              ResultOrigin::Server};
            result = net::browserResultFor(message->result, ResultOrigin::Server);
            redirectStart = token->refreshAddress;
            return State::CheckRefreshAddress;
        }
        return afterPaos();
    }

    // A local failure goes to the server in the answer it waits for, then PAOS ends.
    State fail(Failure local) {
        failure = std::move(local);
        return answerOwed ? State::ReportErrorToServer : afterPaos();
    }

    State reportErrorToServer() {
        const auto ecard = failure->ecardResult();
        const auto addressing = next();
        QByteArray message;
        switch (received->type()) {
            case net::PaosMessageType::InitializeFramework:
                message = net::writeInitializeFrameworkResponse(addressing, ecard, {});
                break;
            case net::PaosMessageType::Transmit:
                message = net::writeTransmitResponse(addressing, ecard, {});
                break;
            default:
                message = net::writeDidAuthenticateResponse(addressing, ecard);
                break;
        }
        // Whatever comes back ends PAOS; a second error is only logged.
        const Failure local = *failure;
        if (exchange(message, addressing) &&
            received->type() != net::PaosMessageType::StartPaosResponse)
            qWarning("eID-Server went on after our error report: %s",
                     net::toString(received->type()).toUtf8().constData());
        failure = local;
        answerOwed = false;
        return afterPaos();
    }

    // --- 6: back to the eService -----------------------------------------------------------

    State afterPaos() {
        answerOwed = false;
        if (failure) result = failure->browserResult();
        redirectStart = token ? token->refreshAddress : QUrl();
        return State::CheckRefreshAddress;
    }

    State checkRefreshAddress() {
        interaction.progress(AuthStep::CheckRefreshAddress);
        const Error why = failure ? failure->error : Error{};
        auto target = determineRefreshAddress(redirectStart);
        if (!target) {
            qWarning("refresh address unusable: %s", target.error().detail.c_str());
            const auto communicationError =
                net::BrowserResult::failure(net::BrowserResultMinor::CommunicationError);
            if (communicationErrorAddress)
                return finish(net::withResult(*communicationErrorAddress, communicationError),
                              communicationError, failure ? why : target.error());
            return errorPage(400, failure ? why : target.error());
        }
        return finish(net::withResult(*target, result), result, why);
    }

    // TR-03124-1 2.5.4 (§2.3 of our digest): follow the eService's redirects until the address
    // is same-origin with the service's subjectURL, every hop's certificate pinned.
    Result<QUrl> determineRefreshAddress(QUrl url) {
        if (!net::isHttpsUrl(url))
            return makeError(ErrorCode::InvalidInput, "The service's return address is not secure.",
                             "RefreshAddress not https: " + url.toString().toStdString());
        const QUrl reference = net::refreshReferenceOrigin(subjectUrl, tcTokenUrl);
        net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel(settings.caCertificates),
                                  {settings.timeouts}, check());
        // Not the user's cancel: it may have ended PAOS, and the browser still needs its way
        // back. A time budget bounds hops times retries instead.
        const auto deadline = std::chrono::steady_clock::now() + settings.refreshBudget;
        const auto overdue = [deadline] { return std::chrono::steady_clock::now() >= deadline; };
        fetcher.setCancelled(overdue);
        for (int hop = 0; hop < kMaxRefreshHops; ++hop) {
            const bool sameOrigin = net::isSameOrigin(url, reference);
            // The TC token host's certificate was checked against the pins already.
            if (sameOrigin && net::isSameOrigin(url, tcTokenUrl)) return url;
            auto response = retryUntil(
                url.host(), [&] { return fetcher.fetch(url, false); }, overdue,
                [&] {
                    return makeError(
                        ErrorCode::Timeout, "The service's return address did not answer in time.",
                        "refresh check over its budget at " + url.host().toStdString());
                });
            if (!response) return response.error();
            if (sameOrigin) return url;
            auto nextHop = net::nextRefreshHop(url, response->status, response->header("Location"));
            if (!nextHop) return nextHop.error();
            url = *nextHop;
        }
        return makeError(ErrorCode::Network, "The service's return address redirects too often.",
                         "more than " + std::to_string(kMaxRefreshHops) + " refresh hops");
    }

    // --- helpers ---------------------------------------------------------------------------

    net::TlsServerCheck check() {
        net::TlsServerCheck result;
        result.pins = &pins;
        result.seen = &seenCertificates;
        return result;
    }

    const net::RetryPolicy& retry() const {
        static const net::RetryPolicy defaultPolicy;
        return settings.retry ? *settings.retry : defaultPolicy;
    }

    // A cancel ends a wait for the eID-Server that outlasts a short grace: an answer in time
    // still lets the server hear of the cancel from us. Never the report of a failure.
    std::function<bool()> paosCancelled() {
        using Clock = std::chrono::steady_clock;
        static constexpr std::chrono::seconds kGrace{2};
        return [this, since = std::optional<Clock::time_point>()]() mutable {
            if (failure || !isCancelled()) return false;
            if (!since) since = Clock::now();
            return Clock::now() - *since >= kGrace;
        };
    }

    // RetryPolicy::run where `stop` also ends the running request (through the fetcher) and the
    // waits; a stopped run answers `stopped`.
    Result<net::HttpsResponse> retryUntil(const QString& host,
                                          const std::function<net::HttpsOutcome()>& attempt,
                                          const std::function<bool()>& stop,
                                          const std::function<Error()>& stopped) {
        auto response = retry().run(net::Repeatable::Yes, host, attempt, stop);
        if (!response && response.error().code == ErrorCode::Cancelled) return stopped();
        return response;
    }

    net::PaosAddressing next() const {
        return {net::newPaosMessageId(), received ? received->messageId : QString()};
    }

    // Sends one PAOS message (never repeated) and parses the answer into `received`. A broken
    // channel or an unreadable answer ends PAOS: nothing more can be told to the server.
    Result<void> exchange(const QByteArray& message, const net::PaosAddressing& addressing) {
        answerOwed = false;
        auto answer = channel->send(message);
        if (!answer) {
            if (answer.error().code == ErrorCode::Cancelled)
                failure = clientFailure(cancelledByUser("waiting for the eID-Server"));
            else if (!failure)
                failure = serverFailure(during("PAOS", answer.error()));
            return answer.error();
        }
        lastSentMessageId = addressing.messageId;
        auto parsed = net::parsePaosMessage(*answer, lastSentMessageId);
        if (!parsed) {
            if (!failure) failure = serverFailure(during("PAOS", parsed.error()));
            return parsed.error();
        }
        received = std::move(*parsed);
        answerOwed = received->type() != net::PaosMessageType::StartPaosResponse;
        return {};
    }

    // The received message as T, or a failure: StartPAOSResponse here means the server aborted.
    template <typename T>
    std::optional<T> takeExpected() {
        net::PaosServerMessage copy = *received;
        auto body = net::expectPaosMessage<T>(std::move(copy));
        if (body) return std::move(*body);
        if (!failure) {
            auto error = body.error();
            if (received->type() == net::PaosMessageType::StartPaosResponse) {
                const auto& ended = std::get<net::StartPaosResponse>(received->body);
                error.message = "The service ended the authentication early.";
                error.detail += "; " + ended.result.describe();
            }
            failure = serverFailure(std::move(error));
        }
        return std::nullopt;
    }

    // After an unexpected server message: a premature StartPAOSResponse ends PAOS, anything else
    // is answered with the error.
    State afterServerMessage() { return answerOwed ? State::ReportErrorToServer : afterPaos(); }

    State finish(QUrl redirect, net::BrowserResult browser, Error error) {
        AuthOutcome end;
        end.result = browser;
        end.redirectUrl = std::move(redirect);
        if (!browser.ok || failure) end.error = std::move(error);
        outcome = std::move(end);
        return State::Finished;
    }

    State errorPage(int status, Error error) {
        AuthOutcome end;
        end.result = net::BrowserResult::failure(net::BrowserResultMinor::CommunicationError);
        end.errorPageStatus = status;
        end.error = std::move(error);
        outcome = std::move(end);
        return State::Finished;
    }
};

AuthWorkflow::AuthWorkflow(ReaderBackend& backend, Interaction& interaction, AuthSettings settings)
    : backend_(backend), interaction_(interaction), settings_(std::move(settings)) {}

AuthWorkflow::~AuthWorkflow() = default;

AuthOutcome AuthWorkflow::run(const QUrl& tcTokenUrl) {
    // A cancel() from before this call counts (a thread may be stopped right after its start);
    // it is used up by this run.
    Session session(*this, tcTokenUrl);
    AuthOutcome outcome = session.run();
    cancelled_ = false;
    interaction_.progress(AuthStep::Done);
    interaction_.finished(outcome);
    return outcome;
}

void AuthWorkflow::cancel() {
    cancelled_ = true;
    backend_.cancelWait();
}

}  // namespace oa::workflows
