#include <QEventLoop>
#include <QTimer>
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "FaultInjection.h"
#include "ScriptedWorld.h"
#include "card/sim/SimulatorBackend.h"
#include "eac/CscaTrustList.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/TestPki.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/AuthWorkflowThread.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::workflows;
using namespace oa::workflows::test;
using namespace std::chrono_literals;

namespace {

struct Sleeps {
    std::vector<std::chrono::milliseconds> asked;
};

AuthSettings testSettings(Sleeps* sleeps = nullptr) {
    AuthSettings settings;
    settings.caCertificates = {net::test::TestPki::instance().caCertificate()};
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    settings.verifyCardSecurity = eid::passiveAuthentication(*trust);
    net::RetrySettings retry;
    retry.maxAttempts = 3;
    settings.retry = std::make_shared<net::RetryPolicy>(
        retry, [] { return 0.5; },
        [sleeps](std::chrono::milliseconds wait) {
            if (sleeps) sleeps->asked.push_back(wait);
        });
    settings.timeouts = {5000ms, 10000ms};
    settings.paosTimeout = 10000ms;
    settings.cardWait = 2000ms;
    return settings;
}

ScriptedInteraction::Script pinScript(std::deque<std::string> pins = {"123456"}) {
    ScriptedInteraction::Script script;
    script.pins = std::move(pins);
    return script;
}

struct Run {
    AuthOutcome outcome;
    std::unique_ptr<ScriptedInteraction> interaction;
};

Run authenticate(ScriptedWorld& world, ScriptedInteraction::Script script,
                 SimulatorBackend* backend = nullptr, Sleeps* sleeps = nullptr) {
    SimulatorBackend fallback;
    Run run{{}, std::make_unique<ScriptedInteraction>(std::move(script))};
    AuthWorkflow workflow(backend ? *backend : fallback, *run.interaction, testSettings(sleeps));
    run.outcome = workflow.run(world.tcTokenUrl());
    return run;
}

std::string asText(const Bytes& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

QString query(const QUrl& url, const QString& key) {
    return QUrlQuery(url).queryItemValue(key);
}

bool redirectsTo(const AuthOutcome& outcome, const QUrl& address) {
    QUrl bare = outcome.redirectUrl;
    bare.setQuery(QString());
    QUrl expected = address;
    expected.setQuery(QString());
    return bare == expected;
}

}  // namespace

TEST_CASE("A full online authentication reads DG4 and redirects with ResultMajor=ok", "[auth]") {
    ScriptedWorld world;
    auto run = authenticate(world, pinScript());
    INFO((run.outcome.error ? run.outcome.error->message + " | " + run.outcome.error->detail : "")
         << " server: " << world.problem.toStdString());
    REQUIRE(run.outcome.ok());
    CHECK(redirectsTo(run.outcome, world.refreshAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMajor") == "ok");
    CHECK(query(run.outcome.redirectUrl, "session") == "1");  // the eService's own query stays
    CHECK(world.chipAuthenticated);
    CHECK(asText(world.dataGroup4).find("ERIKA") != std::string::npos);
    CHECK(world.sent == std::vector<ServerStep>{ServerStep::InitializeFramework, ServerStep::Eac1,
                                                ServerStep::Eac2, ServerStep::Transmit,
                                                ServerStep::Transmit, ServerStep::Finish});
    CHECK(world.tokenRequests == 1);

    const auto consent = run.interaction->consentRequest();
    REQUIRE(consent);
    CHECK(consent->providerName == "Workflow test service");
    CHECK(consent->transactionInfo == "Bestellung 4711");
    CHECK(consent->requiredRights ==
          std::vector<eac::AccessRight>{eac::AccessRight::ReadDg4, eac::AccessRight::ReadDg5});
    CHECK(consent->optionalRights == std::vector<eac::AccessRight>{eac::AccessRight::ReadDg8});
    const auto secrets = run.interaction->secretRequests();
    REQUIRE(secrets.size() == 1);
    CHECK(secrets[0].kind == SecretKind::Pin);
    CHECK(secrets[0].pinStatus.status == eid::PinStatus::Operational);
    const auto steps = run.interaction->steps();
    CHECK(steps.front() == AuthStep::FetchTcToken);
    CHECK(steps.back() == AuthStep::Done);
    REQUIRE(run.interaction->outcome());
    CHECK(run.interaction->outcome()->redirectUrl == run.outcome.redirectUrl);
}

TEST_CASE("The signature may come later in EACAdditionalInput, without InitializeFramework",
          "[auth]") {
    WorldOptions options;
    options.signInAdditionalInput = true;
    options.initializeFramework = false;
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    REQUIRE(run.outcome.ok());
    CHECK(world.sent == std::vector<ServerStep>{
                            ServerStep::Eac1, ServerStep::Eac2, ServerStep::EacAdditionalInput,
                            ServerStep::Transmit, ServerStep::Transmit, ServerStep::Finish});
    CHECK(world.chipAuthenticated);
}

TEST_CASE("Only optional rights can be switched off, and the card gets the reduced CHAT",
          "[auth]") {
    ScriptedWorld world;
    auto script = pinScript();
    script.deselect = {eac::AccessRight::ReadDg8};
    auto run = authenticate(world, script);
    REQUIRE(run.outcome.ok());
    auto chat = eac::Chat::parse(world.chatFromClient);
    REQUIRE(chat);
    CHECK(chat->has(eac::AccessRight::ReadDg4));
    CHECK_FALSE(chat->has(eac::AccessRight::ReadDg8));

    ScriptedWorld second;
    auto required = pinScript();
    required.deselect = {eac::AccessRight::ReadDg4};
    auto refused = authenticate(second, required);
    CHECK_FALSE(refused.outcome.ok());
    CHECK(query(refused.outcome.redirectUrl, "ResultMinor") == "clientError");
    CHECK(second.dataGroup4.empty());
}

TEST_CASE("Server overload at the token fetch is retried a bounded number of times", "[auth]") {
    SECTION("two 503 answers, then the token") {
        WorldOptions options;
        options.tokenOverloads = 2;
        ScriptedWorld world(options);
        Sleeps sleeps;
        auto run = authenticate(world, pinScript(), nullptr, &sleeps);
        REQUIRE(run.outcome.ok());
        CHECK(world.tokenRequests == 3);
        CHECK(sleeps.asked == std::vector<std::chrono::milliseconds>{1000ms, 1000ms});
    }
    SECTION("always 503: an error page naming the server, no PAOS") {
        WorldOptions options;
        options.tokenOverloads = 100;
        ScriptedWorld world(options);
        Sleeps sleeps;
        auto run = authenticate(world, pinScript(), nullptr, &sleeps);
        CHECK_FALSE(run.outcome.ok());
        CHECK(run.outcome.redirectUrl.isEmpty());
        CHECK(run.outcome.errorPageStatus == 404);
        CHECK(world.tokenRequests == 3);
        REQUIRE(run.outcome.error);
        CHECK(run.outcome.error->message.find("localhost") != std::string::npos);
        CHECK(world.paosRequests == 0);
    }
}

TEST_CASE("Broken TC tokens end as the broken-token table says", "[auth]") {
    SECTION("empty body: error page 404") {
        WorldOptions options;
        options.tokenBody = QByteArray();
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(run.outcome.errorPageStatus == 404);
        CHECK(run.outcome.redirectUrl.isEmpty());
        CHECK(world.paosRequests == 0);
    }
    SECTION("odd PSK: RefreshAddress with trustedChannelEstablishmentFailed") {
        WorldOptions options;
        options.editToken = [](QByteArray token) { return token.replace("<PSK>00", "<PSK>0"); };
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
        CHECK(world.paosRequests == 0);
    }
    SECTION("only a CommunicationErrorAddress: straight there with communicationError") {
        ScriptedWorld probe;
        WorldOptions options;
        options.tokenBody =
            "<TCTokenType><ServerAddress/><SessionIdentifier/><RefreshAddress/>"
            "<CommunicationErrorAddress>" +
            probe.communicationErrorAddress().toString().toUtf8() +
            "</CommunicationErrorAddress><Binding/></TCTokenType>";
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMajor") == "error");
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "communicationError");
    }
    SECTION("an http TC token URL is never fetched") {
        ScriptedWorld world;
        SimulatorBackend backend;
        ScriptedInteraction interaction(pinScript());
        AuthWorkflow workflow(backend, interaction, testSettings());
        QUrl url = world.tcTokenUrl();
        url.setScheme("http");
        const auto outcome = workflow.run(url);
        CHECK(outcome.errorPageStatus == 400);
        CHECK(world.tokenRequests == 0);
    }
}

TEST_CASE("Service checks after EAC1 refuse the service and tell the eID-Server", "[auth]") {
    SECTION("certificate description hash mismatch") {
        WorldOptions options;
        options.tamperDescription = true;
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
        CHECK(world.clientErrorMinor.endsWith("#trustedChannelEstablishmentFailed"));
        CHECK(run.interaction->secretRequests().empty());  // no PIN asked
    }
    SECTION("subjectURL of another origin") {
        WorldOptions options;
        options.subjectUrl = QStringLiteral("https://other.example/");
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
        CHECK(!run.interaction->consentRequest());
    }
    SECTION("TLS certificates not in commCertificates") {
        WorldOptions options;
        options.pinTlsCertificates = false;
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
        REQUIRE(run.outcome.error);
        CHECK(run.outcome.error->message.find("localhost") != std::string::npos);
    }
    SECTION("CHAT escalation: a required right outside the terminal certificate") {
        WorldOptions options;
        options.terminalRights = {eac::AccessRight::ReadDg4};
        ScriptedWorld world(options);
        auto run = authenticate(world, pinScript());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "clientError");
        CHECK(world.clientErrorMinor.endsWith("#noPermission"));
        CHECK(!run.interaction->consentRequest());
    }
    SECTION("developer mode only logs a same-origin failure") {
        WorldOptions options;
        options.subjectUrl = QStringLiteral("https://other.example/");
        ScriptedWorld world(options);
        SimulatorBackend backend;
        ScriptedInteraction interaction(pinScript());
        auto settings = testSettings();
        settings.developerMode = true;
        AuthWorkflow workflow(backend, interaction, settings);
        const auto outcome = workflow.run(world.tcTokenUrl());
        CHECK(world.chipAuthenticated);
        CHECK(outcome.result.ok);
    }
}

TEST_CASE("A server abort at each step redirects with serverError", "[auth]") {
    const auto step = GENERATE(ServerStep::InitializeFramework, ServerStep::Eac1, ServerStep::Eac2,
                               ServerStep::Transmit);
    WorldOptions options;
    options.abortInsteadOf = step;
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    INFO("abort instead of step " << int(step));
    CHECK_FALSE(run.outcome.ok());
    CHECK(redirectsTo(run.outcome, world.refreshAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMajor") == "error");
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "serverError");
    CHECK(world.clientErrorMinor.isEmpty());  // nothing is sent after StartPAOSResponse
}

TEST_CASE("A wrong PIN is asked again with the card's new PIN state", "[auth]") {
    ScriptedWorld world;
    auto run = authenticate(world, pinScript({"111111", "123456"}));
    REQUIRE(run.outcome.ok());
    const auto secrets = run.interaction->secretRequests();
    REQUIRE(secrets.size() == 2);
    CHECK(secrets[1].pinStatus.status == eid::PinStatus::TwoTriesLeft);
    CHECK(secrets[1].attempt == 2);
}

TEST_CASE("Wrong PINs until suspended ask for the CAN; giving up cancels", "[auth]") {
    ScriptedWorld world;
    auto run = authenticate(world, pinScript({"111111", "222222"}));
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "cancellationByUser");
    const auto secrets = run.interaction->secretRequests();
    REQUIRE(secrets.size() == 3);
    CHECK(secrets[2].kind == SecretKind::Can);
    CHECK(world.clientErrorMinor.endsWith("sal#cancellationByUser"));
}

TEST_CASE("Cancelling at consent tells the server and the browser", "[auth]") {
    ScriptedWorld world;
    auto script = pinScript();
    script.refuseConsent = true;
    auto run = authenticate(world, script);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "cancellationByUser");
    CHECK(world.clientErrorMinor.endsWith("#cancellationByUser"));
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->code == ErrorCode::Cancelled);
}

TEST_CASE("A card removed mid-flow ends with clientError after telling the server", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend;
    auto script = pinScript();
    script.onProgress = [&backend](AuthStep step) {
        if (step == AuthStep::TerminalAuthentication) backend.removeCard();
    };
    auto run = authenticate(world, script, &backend);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "clientError");
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->code == ErrorCode::CardRemoved);
    CHECK_FALSE(world.clientErrorMinor.isEmpty());
    CHECK_FALSE(world.chipAuthenticated);
}

TEST_CASE("Without a card the workflow waits, then gives up", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend(nullptr);
    auto run = authenticate(world, pinScript(), &backend);
    CHECK_FALSE(run.outcome.ok());
    CHECK(run.interaction->waitsForCard() > 0);
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->code == ErrorCode::NoCard);
}

TEST_CASE("On a worker thread the outcome arrives queued on the caller's thread", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend;
    ScriptedInteraction interaction(pinScript());
    AuthWorkflowThread thread(backend, interaction, testSettings(), world.tcTokenUrl());
    std::optional<AuthOutcome> received;
    Qt::HANDLE receivedOn = nullptr;
    QEventLoop loop;
    QObject::connect(&thread, &AuthWorkflowThread::outcome, &loop, [&](const AuthOutcome& outcome) {
        received = outcome;
        receivedOn = QThread::currentThreadId();
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    thread.start();
    loop.exec();
    REQUIRE(received);
    CHECK(received->ok());
    CHECK(receivedOn == QThread::currentThreadId());
    CHECK(world.chipAuthenticated);
}

TEST_CASE("A refresh address on another origin is followed to the service's origin", "[auth]") {
    WorldOptions options;
    options.refreshHopStatus = 303;
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    REQUIRE(run.outcome.ok());
    CHECK(world.refreshHopRequests == 1);
    CHECK(redirectsTo(run.outcome, world.refreshAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMajor") == "ok");
}

TEST_CASE("A refresh hop that does not redirect sends the browser to CommunicationErrorAddress",
          "[auth]") {
    WorldOptions options;
    options.refreshHopStatus = 200;
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    CHECK(world.chipAuthenticated);  // the authentication itself went through
    CHECK(redirectsTo(run.outcome, world.communicationErrorAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "communicationError");
}

namespace {

std::shared_ptr<VirtualCard> cardWithPinRetries(int retries) {
    auto profile = sim::defaultProfile();
    profile.pinState.retryCounter = retries;
    return std::make_shared<VirtualCard>(profile);
}

}  // namespace

TEST_CASE("A suspended PIN asks for the CAN first, then the PIN, and succeeds", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend(cardWithPinRetries(1));
    auto script = pinScript();
    script.cans = {"500540"};
    auto run = authenticate(world, script, &backend);
    INFO((run.outcome.error ? run.outcome.error->message + " | " + run.outcome.error->detail : ""));
    REQUIRE(run.outcome.ok());
    const auto secrets = run.interaction->secretRequests();
    REQUIRE(secrets.size() == 2);
    CHECK(secrets[0].kind == SecretKind::Can);
    CHECK(secrets[0].pinStatus.status == eid::PinStatus::Suspended);
    CHECK(secrets[1].kind == SecretKind::Pin);
}

TEST_CASE("A blocked PIN stops before any secret is asked, with the card's message", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend(cardWithPinRetries(0));
    auto run = authenticate(world, pinScript(), &backend);
    CHECK_FALSE(run.outcome.ok());
    CHECK(run.interaction->secretRequests().empty());
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->message.find("PUK") != std::string::npos);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "clientError");
    CHECK_FALSE(world.clientErrorMinor.isEmpty());
}

TEST_CASE("Cancelling while PACE is about to run stops before the PIN", "[auth]") {
    ScriptedWorld world;
    auto script = pinScript();
    script.cancelAt = AuthStep::Pace;
    auto run = authenticate(world, script);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "cancellationByUser");
    CHECK(world.clientErrorMinor.endsWith("#cancellationByUser"));
    CHECK(world.dataGroup4.empty());
}

TEST_CASE("An overloaded eID-Server is never asked twice: PAOS messages are not repeated",
          "[auth]") {
    WorldOptions options;
    options.paosOverloaded = true;
    ScriptedWorld world(options);
    Sleeps sleeps;
    auto run = authenticate(world, pinScript(), nullptr, &sleeps);
    CHECK(world.paosRequests == 1);
    CHECK(sleeps.asked.empty());
    CHECK(redirectsTo(run.outcome, world.refreshAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
    CHECK(run.interaction->secretRequests().empty());
}

TEST_CASE("An unreachable eID-Server redirects with trustedChannelEstablishmentFailed", "[auth]") {
    WorldOptions options;
    options.editToken = [](QByteArray token) {
        const int start = token.indexOf("<ServerAddress>") + int(qstrlen("<ServerAddress>"));
        const int end = token.indexOf("</ServerAddress>");
        return token.replace(
            start, end - start,
            "https://localhost:" + QByteArray::number(net::test::closedPort()) + "/paos");
    };
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    CHECK(world.paosRequests == 0);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "trustedChannelEstablishmentFailed");
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->message.find("localhost") != std::string::npos);
}

// --- online path review (stop 15) -----------------------------------------------------------

TEST_CASE("A broken PSK whose refresh hop fails sends the browser to CommunicationErrorAddress",
          "[auth]") {
    WorldOptions options;
    options.refreshHopStatus = 200;  // the RefreshAddress on another origin does not redirect
    options.editToken = [](QByteArray token) { return token.replace("<PSK>00", "<PSK>0"); };
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    CHECK(world.paosRequests == 0);
    CHECK(world.refreshHopRequests == 1);
    CHECK(run.outcome.errorPageStatus == 0);
    CHECK(redirectsTo(run.outcome, world.communicationErrorAddress()));
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "communicationError");
}

TEST_CASE("A StartPAOSResponse with a warning ends as success for the browser and the user",
          "[auth]") {
    WorldOptions options;
    options.editPaos = [](int, QByteArray answer) {
        if (!answer.contains("StartPAOSResponse")) return answer;
        return answer.replace(
            "resultmajor#ok</dss:ResultMajor>",
            "resultmajor#warning</dss:ResultMajor><dss:ResultMinor>http://www.bsi.bund.de/ecard/"
            "api/1.1/resultminor/sal/mEAC#AgeVerificationFailedWarning</dss:ResultMinor>");
    };
    ScriptedWorld world(options);
    auto run = authenticate(world, pinScript());
    INFO((run.outcome.error ? run.outcome.error->message + " | " + run.outcome.error->detail : ""));
    CHECK_FALSE(world.dataGroup4.empty());
    CHECK(query(run.outcome.redirectUrl, "ResultMajor") == "ok");
    CHECK(redirectsTo(run.outcome, world.refreshAddress()));
    CHECK(run.outcome.ok());  // the face must not call it a failure while the service says ok
}

namespace {

// A cancel from the window while the worker waits on the network, as AuthWorkflowThread's
// destructor and the cancel button do it.
struct CancellingRun {
    ScriptedInteraction interaction{pinScript()};
    SimulatorBackend backend;
    Sleeps sleeps;
    AuthWorkflow* workflow = nullptr;

    AuthOutcome run(ScriptedWorld& world) {
        AuthWorkflow authWorkflow(backend, interaction, testSettings(&sleeps));
        workflow = &authWorkflow;
        const auto outcome = authWorkflow.run(world.tcTokenUrl());
        workflow = nullptr;
        return outcome;
    }
    void cancel() {
        if (workflow) workflow->cancel();
    }
};

}  // namespace

TEST_CASE("A cancel while the overloaded token server is waited for ends without another try",
          "[auth]") {
    CancellingRun cancelling;
    WorldOptions options;
    options.tokenOverloads = 100;
    options.onTokenRequest = [&](int) {
        cancelling.cancel();
        return false;  // answer 503 with Retry-After
    };
    ScriptedWorld world(options);
    const auto outcome = cancelling.run(world);
    CHECK(world.tokenRequests == 1);
    CHECK(cancelling.sleeps.asked.empty());
    REQUIRE(outcome.error);
    CHECK(outcome.error->code == ErrorCode::Cancelled);
}

TEST_CASE("A cancel while the token server holds the answer ends the request at once", "[auth]") {
    CancellingRun cancelling;
    WorldOptions options;
    options.onTokenRequest = [&](int) {
        cancelling.cancel();
        return true;  // never answer
    };
    ScriptedWorld world(options);
    const auto outcome = cancelling.run(world);
    CHECK(world.tokenRequests == 1);  // not repeated as a timeout would be
    REQUIRE(outcome.error);
    CHECK(outcome.error->code == ErrorCode::Cancelled);
    CHECK(world.paosRequests == 0);
}

TEST_CASE("A cancel while the eID-Server holds its answer redirects with cancellationByUser",
          "[auth]") {
    CancellingRun cancelling;
    WorldOptions options;
    options.onPaosRequest = [&](int index) {
        if (index < 2) return false;  // StartPAOS and InitializeFrameworkResponse are answered
        cancelling.cancel();
        return true;  // the EAC1 output gets no answer
    };
    ScriptedWorld world(options);
    const auto outcome = cancelling.run(world);
    CHECK(world.paosRequests == 3);
    CHECK(redirectsTo(outcome, world.refreshAddress()));
    CHECK(query(outcome.redirectUrl, "ResultMinor") == "cancellationByUser");
    REQUIRE(outcome.error);
    CHECK(outcome.error->code == ErrorCode::Cancelled);
}

namespace {

const QByteArray kEarlyTransmit =
    "<iso:Transmit><iso:SlotHandle>00</iso:SlotHandle><iso:InputAPDUInfo>"
    "<iso:InputAPDU>00B0840000</iso:InputAPDU></iso:InputAPDUInfo></iso:Transmit>";
const QByteArray kSoapFault =
    "<soap:Fault><faultcode>soap:Server</faultcode><faultstring>down</faultstring></soap:Fault>";

// The eID-Server's answer number `index` gets `body` instead of its own.
std::function<QByteArray(int, QByteArray)> replaceBody(int index, QByteArray body) {
    return [index, body](int at, QByteArray answer) {
        if (at != index) return answer;
        const qsizetype start = answer.indexOf("<soap:Body>") + qsizetype(strlen("<soap:Body>"));
        const qsizetype end = answer.indexOf("</soap:Body>");
        return answer.replace(start, end - start, body);
    };
}

struct CountedRun {
    AuthOutcome outcome;
    int apdus = 0;
    bool consentAsked = false;
    std::size_t secretsAsked = 0;
};

CountedRun authenticateCounting(ScriptedWorld& world) {
    oa::test::FaultyBackend backend;
    auto plan = backend.arm(oa::test::Fault::CardRemoved, 0);  // no fault: only counts APDUs
    ScriptedInteraction interaction(pinScript());
    AuthWorkflow workflow(backend, interaction, testSettings());
    CountedRun run;
    run.outcome = workflow.run(world.tcTokenUrl());
    run.apdus = plan->sent;
    run.consentAsked = interaction.consentRequest().has_value();
    run.secretsAsked = interaction.secretRequests().size();
    return run;
}

}  // namespace

TEST_CASE("Requests out of protocol order reach neither the user nor the card", "[auth]") {
    SECTION("Transmit before EAC1: no consent, no card, the error goes back to the server") {
        WorldOptions options;
        options.editPaos = replaceBody(1, kEarlyTransmit);
        ScriptedWorld world(options);
        const auto run = authenticateCounting(world);
        CHECK_FALSE(run.consentAsked);
        CHECK(run.apdus == 0);
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "serverError");
        CHECK_FALSE(world.clientErrorMinor.isEmpty());
    }
    SECTION("Transmit before EAC2: not one APDU more than when the server aborts there") {
        WorldOptions reference;
        reference.abortInsteadOf = ServerStep::Eac2;
        ScriptedWorld aborting(reference);
        const auto aborted = authenticateCounting(aborting);
        REQUIRE(aborted.apdus > 0);  // PACE ran

        WorldOptions options;
        options.editPaos = replaceBody(2, kEarlyTransmit);
        ScriptedWorld world(options);
        const auto run = authenticateCounting(world);
        CHECK(run.apdus == aborted.apdus);
        CHECK(world.dataGroup4.empty());
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "serverError");
        CHECK_FALSE(world.clientErrorMinor.isEmpty());
    }
    SECTION("a SOAP fault instead of EAC1 ends PAOS with serverError, nothing more is sent") {
        WorldOptions options;
        options.editPaos = replaceBody(1, kSoapFault);
        ScriptedWorld world(options);
        const auto run = authenticateCounting(world);
        CHECK_FALSE(run.consentAsked);
        CHECK(run.secretsAsked == 0);
        CHECK(world.paosRequests == 2);
        CHECK(redirectsTo(run.outcome, world.refreshAddress()));
        CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "serverError");
    }
}

TEST_CASE("A cancel that arrives before the worker starts the workflow is not lost", "[auth]") {
    ScriptedWorld world;
    SimulatorBackend backend;
    ScriptedInteraction interaction(pinScript());
    AuthWorkflow workflow(backend, interaction, testSettings());
    workflow.cancel();  // AuthWorkflowThread's destructor right after start()
    const auto first = workflow.run(world.tcTokenUrl());
    CHECK(world.tokenRequests == 0);
    REQUIRE(first.error);
    CHECK(first.error->code == ErrorCode::Cancelled);
    // The cancel belonged to that run only.
    const auto second = workflow.run(world.tcTokenUrl());
    CHECK(second.ok());
}

TEST_CASE("An EAC2 ephemeral key that is no point of the card's curve never reaches the card",
          "[auth]") {
    WorldOptions reference;
    reference.abortInsteadOf = ServerStep::Eac2;
    ScriptedWorld aborting(reference);
    const auto aborted = authenticateCounting(aborting);  // PACE and GetChallenge only

    WorldOptions options;
    options.editPaos = [](int at, QByteArray answer) {
        if (at != 2) return answer;
        const QByteArray open = "<iso:EphemeralPublicKey>";
        const qsizetype start = answer.indexOf(open) + open.size();
        return answer.replace(start, answer.indexOf("</iso:EphemeralPublicKey>") - start,
                              "04AABBCC");
    };
    ScriptedWorld world(options);
    const auto run = authenticateCounting(world);
    CHECK(run.apdus == aborted.apdus);
    CHECK(query(run.outcome.redirectUrl, "ResultMinor") == "clientError");
    CHECK(world.clientErrorMinor.endsWith("#parameterError"));
    CHECK(world.dataGroup4.empty());
}

TEST_CASE(
    "A refresh chain that outlasts its time budget sends the browser to "
    "CommunicationErrorAddress",
    "[auth]") {
    WorldOptions options;
    options.refreshHopStatus = 303;  // a good chain, but there is no time left for it
    ScriptedWorld world(options);
    SimulatorBackend backend;
    ScriptedInteraction interaction(pinScript());
    auto settings = testSettings();
    settings.refreshBudget = 0ms;
    AuthWorkflow workflow(backend, interaction, settings);
    const auto outcome = workflow.run(world.tcTokenUrl());
    CHECK(world.chipAuthenticated);
    CHECK(world.refreshHopRequests == 0);
    CHECK(redirectsTo(outcome, world.communicationErrorAddress()));
    CHECK(query(outcome.redirectUrl, "ResultMinor") == "communicationError");
}

TEST_CASE("An eID-Server that never stops sending Transmit is ended after a bound", "[auth]") {
    WorldOptions options;
    options.editPaos = [](int, QByteArray answer) {
        if (!answer.contains("StartPAOSResponse")) return answer;
        return replaceBody(0, kEarlyTransmit)(0, answer);  // never ends: always another Transmit
    };
    ScriptedWorld world(options);
    SimulatorBackend backend;
    ScriptedInteraction interaction(pinScript());
    auto settings = testSettings();
    settings.maxTransmits = 10;
    AuthWorkflow workflow(backend, interaction, settings);
    const auto outcome = workflow.run(world.tcTokenUrl());
    CHECK(world.chipAuthenticated);
    // StartPAOS, InitializeFramework, EAC1, EAC2 answers, 10 Transmit answers, the error report.
    CHECK(world.paosRequests == 4 + 10 + 1);
    CHECK(query(outcome.redirectUrl, "ResultMinor") == "serverError");
    REQUIRE(outcome.error);
    CHECK(outcome.error->detail.find("Transmit") != std::string::npos);
}
