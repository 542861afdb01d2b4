// CAN-allowed mode (online-protocols §8.3) against the simulation world's eID-Server with the
// test PKI's PIN reset terminal, and the proof of the whole replacement-PIN path on the card:
// block the PIN, read the address with the CAN, set a new PIN and switch the eID on through
// Transmit, authenticate with the new PIN.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include "ComfortReader.h"
#include "TestWorldSettings.h"
#include "asn1/Tlv.h"
#include "card/sim/SimulatorBackend.h"
#include "eid/PinManagement.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/pki/CvCertificateWriter.h"
#include "sim/pki/TestCertificateDescription.h"
#include "sim/pki/TestPki.h"
#include "sim/world/HttpsListener.h"
#include "sim/world/TlsSetup.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::workflows;
using namespace std::chrono_literals;

namespace {

// The front of a PIN reset service for these tests: each GET /tcToken opens a session on the
// world's eID-Server with `request`; its origin is what the PIN reset terminal's description
// names.
class PinResetFront {
public:
    explicit PinResetFront(sim::World& world)
        : world_(world),
          listener_(sim::eServiceTlsConfiguration(world.tls(), {}),
                    [this](const sim::HttpRequest& request) { return handle(request); }) {
        REQUIRE(listener_.listen(QHostAddress::LocalHost, 0));
        REQUIRE(world.setPinResetOrigin(origin()).ok());
    }

    QUrl origin() const {
        return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(listener_.port()));
    }
    QUrl tcTokenUrl() const { return QUrl(origin().toString() + QStringLiteral("/tcToken")); }

    // What the last session learned (nothing before the first token).
    const sim::EidSessionResult* lastResult() const {
        const auto* session = world_.eidServer().session(lastSession_);
        return session ? &session->result() : nullptr;
    }

    sim::EidRequest request = sim::pinResetRequest();

private:
    sim::HttpAnswer handle(const sim::HttpRequest& request) {
        const QString path = QUrl(QString::fromLatin1(request.target)).path();
        if (path == QLatin1String("/refresh")) return sim::HttpAnswer::html(200, "<p>done</p>");
        if (path != QLatin1String("/tcToken")) return sim::HttpAnswer::html(404, "<p>no</p>");
        const auto created = world_.eidServer().createSession(this->request);
        lastSession_ = created.sessionIdentifier;
        const QString refresh = origin().toString() + QStringLiteral("/refresh");
        sim::HttpAnswer answer = sim::HttpAnswer::html(
            200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TCTokenType>\n  <ServerAddress>" +
                     world_.eidServer().serverAddress().toString().toUtf8() +
                     "</ServerAddress>\n  <SessionIdentifier>" +
                     created.sessionIdentifier.toUtf8() +
                     "</SessionIdentifier>\n  <RefreshAddress>" + refresh.toUtf8() +
                     "</RefreshAddress>\n  <CommunicationErrorAddress>" + refresh.toUtf8() +
                     "</CommunicationErrorAddress>\n  <Binding>urn:liberty:paos:2006-08</Binding>\n"
                     "  <PathSecurity-Protocol>urn:ietf:rfc:4279</PathSecurity-Protocol>\n"
                     "  <PathSecurity-Parameters>\n    <PSK>" +
                     created.pskHex + "</PSK>\n  </PathSecurity-Parameters>\n</TCTokenType>\n");
        answer.contentType = "text/xml; charset=utf-8";
        return answer;
    }

    sim::World& world_;
    sim::HttpsListener listener_;
    QString lastSession_;
};

std::shared_ptr<SimulatorBackend> simulator(sim::CardProfile profile = sim::defaultProfile()) {
    return std::make_shared<SimulatorBackend>(std::make_shared<VirtualCard>(std::move(profile)));
}

struct Run {
    AuthOutcome outcome;
    std::vector<SecretRequest> secrets;
    std::optional<ConsentRequest> consent;
};

Run authenticate(sim::World& world, ReaderBackend& backend, const QUrl& tcTokenUrl,
                 ScriptedInteraction::Script script, bool developerMode = false) {
    AuthSettings settings = test::authSettingsFor(world, 2000ms);
    settings.developerMode = developerMode;
    ScriptedInteraction interaction(std::move(script));
    AuthWorkflow workflow(backend, interaction, settings);
    Run run;
    run.outcome = workflow.run(tcTokenUrl);
    run.secrets = interaction.secretRequests();
    run.consent = interaction.consentRequest();
    return run;
}

ScriptedInteraction::Script withCan() {
    ScriptedInteraction::Script script;
    script.cans = {"500540"};
    return script;
}

ScriptedInteraction::Script withPins(std::deque<std::string> pins,
                                     std::deque<std::string> cans = {}) {
    ScriptedInteraction::Script script;
    script.pins = std::move(pins);
    script.cans = std::move(cans);
    return script;
}

std::string describe(const AuthOutcome& outcome) {
    return outcome.error ? outcome.error->message + " | " + outcome.error->detail : "";
}

eid::PinStatus pinStatusOf(SimulatorBackend& backend) {
    auto card = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(card.ok());
    auto status = eid::PinManagement(**card).status();
    REQUIRE(status.ok());
    return status->status;
}

bool has(const std::vector<eac::AccessRight>& rights, eac::AccessRight right) {
    return std::find(rights.begin(), rights.end(), right) != rights.end();
}

// The PIN reset terminal's certificates re-issued with other rights or another DV role.
std::shared_ptr<const sim::ServiceCertificates> pinResetCertificates(const PinResetFront& front,
                                                                     sim::World& world,
                                                                     const char* terminalRights,
                                                                     const char* dvRights) {
    const auto& pki = sim::TestPki::builtIn();
    sim::ServiceCertificates certificates{
        sim::encodePinResetCertificateDescription(
            front.origin().toString().toStdString(),
            {sim::TlsTestPki::hashOf(world.tls().serverCertificate())}),
        {},
        {},
        pki.pinResetTerminalKey()};
    sim::CvCertificateTemplate dv;
    dv.authorityReference = pki.cvcaReference();
    dv.holderReference = sim::TestPki::kDvReference;
    dv.rights = hexBytes(dvRights);
    dv.effectiveDate = sim::TestPki::kEffectiveDate;
    dv.expirationDate = sim::TestPki::kExpirationDate;
    sim::CvCertificateTemplate terminal = dv;
    terminal.authorityReference = sim::TestPki::kDvReference;
    terminal.holderReference = "DEOAPRTEST0001";
    terminal.rights = hexBytes(terminalRights);
    terminal.extensions = {sim::descriptionExtension(certificates.certificateDescription)};
    auto dvCertificate = sim::writeCvCertificate(dv, pki.dvKey(), pki.cvcaKey());
    auto terminalCertificate =
        sim::writeCvCertificate(terminal, pki.pinResetTerminalKey(), pki.dvKey());
    REQUIRE(dvCertificate.ok());
    REQUIRE(terminalCertificate.ok());
    certificates.terminalCertificate = *terminalCertificate;
    certificates.chain = {*dvCertificate, *terminalCertificate};
    return std::make_shared<const sim::ServiceCertificates>(std::move(certificates));
}

constexpr const char* kOfficialDv = "BF3FFFFFFF";
constexpr const char* kNonOfficialDv = "7F3FFFFFFF";
constexpr const char* kCanAllowedOnly = "0001101810";
constexpr const char* kPinResetRights = "0001101830";

}  // namespace

TEST_CASE(
    "CAN-allowed: the PIN reset service reads names and address of a card with a blocked "
    "PIN, asking for the CAN only",
    "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = 0;
    auto backend = simulator(profile);
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    INFO(describe(run.outcome));
    REQUIRE(run.outcome.ok());
    REQUIRE(run.secrets.size() == 1);
    CHECK(run.secrets[0].kind == SecretKind::Can);
    CHECK(run.secrets[0].canAllowedMode);
    CHECK(run.secrets[0].pinStatus.status == eid::PinStatus::Blocked);
    REQUIRE(run.consent);
    CHECK(run.consent->canAllowedMode);
    CHECK(run.consent->providerName ==
          "PIN-R\xC3\xBC"
          "cksetzdienst (Test)");
    CHECK(has(run.consent->requiredRights, eac::AccessRight::CanAllowed));
    CHECK_FALSE(has(run.consent->requiredRights, eac::AccessRight::PinManagement));

    const auto* result = front.lastResult();
    REQUIRE(result);
    CHECK(result->ok);
    CHECK(result->data.givenNames == "ERIKA");
    CHECK(result->data.placeOfResidence.has_value());
    CHECK_FALSE(result->pinSet);
    CHECK(pinStatusOf(*backend) == eid::PinStatus::Blocked);
}

TEST_CASE("CAN-allowed on a comfort reader: the CAN is typed on the pinpad",
          "[auth][pinreset][comfort]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = 0;
    oa::test::ComfortReaderBackend backend(std::make_shared<VirtualCard>(std::move(profile)));
    backend.pinpad().type("500540");
    const Run run = authenticate(*world, backend, front.tcTokenUrl(), {});
    INFO(describe(run.outcome));
    REQUIRE(run.outcome.ok());
    REQUIRE(run.secrets.size() == 1);
    CHECK(run.secrets[0].kind == SecretKind::Can);
    CHECK(run.secrets[0].canAllowedMode);
    CHECK(run.secrets[0].onReaderPinpad);
    CHECK(backend.pinpad().prompts() ==
          std::vector<oa::test::Pinpad::Prompt>{oa::test::Pinpad::Prompt::Can});
    CHECK_FALSE(backend.traffic().contains(asciiBytes("500540")));
    const auto* result = front.lastResult();
    REQUIRE(result);
    CHECK(result->ok);
    CHECK(result->data.givenNames == "ERIKA");
}

TEST_CASE("CAN-allowed: a deactivated eID function does not stop the PIN reset service",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    auto backend = simulator(*sim::builtInProfile("deactivated"));
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    INFO(describe(run.outcome));
    CHECK(run.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK(front.lastResult()->data.familyNames == "MUSTERMANN");
}

TEST_CASE("CAN-allowed: a wrong CAN is asked again and costs the PIN nothing", "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    auto backend = simulator();
    ScriptedInteraction::Script script;
    script.cans = {"111111", "500540"};
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), script);
    INFO(describe(run.outcome));
    CHECK(run.outcome.ok());
    REQUIRE(run.secrets.size() == 2);
    CHECK(run.secrets[1].attempt == 2);
    CHECK(pinStatusOf(*backend) == eid::PinStatus::Operational);
}

TEST_CASE("CAN-allowed: refused as a CHAT escalation when the terminal lacks PIN management",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    world->eidServer().setPinResetCertificates(
        pinResetCertificates(front, *world, kCanAllowedOnly, kOfficialDv));
    auto backend = simulator();
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    CHECK_FALSE(run.outcome.ok());
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->detail.find("CHAT escalation") != std::string::npos);
    CHECK(run.secrets.empty());
}

TEST_CASE("CAN-allowed: a non-official DV is refused, except in developer mode with the test PKI",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    world->eidServer().setPinResetCertificates(
        pinResetCertificates(front, *world, kPinResetRights, kNonOfficialDv));
    auto backend = simulator();
    const Run strict = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    CHECK_FALSE(strict.outcome.ok());
    CHECK(strict.secrets.empty());

    const Run developer = authenticate(*world, *backend, front.tcTokenUrl(), withCan(), true);
    INFO(describe(developer.outcome));
    CHECK(developer.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK(front.lastResult()->data.givenNames == "ERIKA");
}

TEST_CASE("CAN-allowed: an ordinary eService is still asked the PIN, not the CAN",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    auto backend = simulator();
    const Run run =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"123456"}));
    INFO(describe(run.outcome));
    CHECK(run.outcome.ok());
    REQUIRE(run.secrets.size() == 1);
    CHECK(run.secrets[0].kind == SecretKind::Pin);
    REQUIRE(run.consent);
    CHECK_FALSE(run.consent->canAllowedMode);
}

TEST_CASE(
    "PIN reset proof: block the PIN, read the address with the CAN, set a new PIN and "
    "activate through Transmit, then authenticate with the new PIN",
    "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    auto backend = simulator();

    // Three wrong PINs (the third after the CAN, the PIN being suspended).
    const Run blocking = authenticate(*world, *backend, world->eService().tcTokenUrl(),
                                      withPins({"111111", "111111", "111111"}, {"500540"}));
    CHECK_FALSE(blocking.outcome.ok());
    REQUIRE(pinStatusOf(*backend) == eid::PinStatus::Blocked);
    const Run refused =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"123456"}));
    CHECK_FALSE(refused.outcome.ok());

    // The order: the service reads the address with the CAN.
    const Run order = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    INFO(describe(order.outcome));
    REQUIRE(order.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK(front.lastResult()->data.placeOfResidence.has_value());

    // The activation: a new PIN and the eID switched on, through Transmit under SM.
    front.request.newPin = SecureBytes::fromAscii("246802");
    front.request.activateEid = true;
    const Run activation = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    INFO(describe(activation.outcome));
    REQUIRE(activation.outcome.ok());
    REQUIRE(activation.consent);
    CHECK(has(activation.consent->requiredRights, eac::AccessRight::PinManagement));
    const auto* result = front.lastResult();
    REQUIRE(result);
    CHECK(result->ok);
    CHECK(result->pinSet);
    CHECK(result->eidActivated);
    CHECK(pinStatusOf(*backend) == eid::PinStatus::Operational);

    // The new PIN works; the old one does not.
    const Run withNewPin =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"246802"}));
    INFO(describe(withNewPin.outcome));
    CHECK(withNewPin.outcome.ok());
    const Run withOldPin =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"123456"}));
    CHECK_FALSE(withOldPin.outcome.ok());
}

TEST_CASE("PIN reset: a deactivated eID is switched on and usable with the letter's PIN",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    auto backend = simulator(*sim::builtInProfile("deactivated"));
    front.request.newPin = SecureBytes::fromAscii("135790");
    front.request.activateEid = true;
    const Run activation = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    INFO(describe(activation.outcome));
    REQUIRE(activation.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK(front.lastResult()->eidActivated);
    CHECK_FALSE(backend->card()->pinState().eidDeactivated);
    const Run login =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"135790"}));
    INFO(describe(login.outcome));
    CHECK(login.outcome.ok());
}

TEST_CASE("PIN reset: the eID-Server refuses a new PIN that is not 6 digits", "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    front.request.newPin = SecureBytes::fromAscii("12345x");
    auto backend = simulator();
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), withCan());
    CHECK_FALSE(run.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK_FALSE(front.lastResult()->ok);
    CHECK(front.lastResult()->error == "The new PIN must have 6 digits");
    CHECK_FALSE(front.lastResult()->pinSet);
}

TEST_CASE("PIN reset: only a PIN reset session may set the PIN; the card keeps its PIN otherwise",
          "[auth][pinreset]") {
    auto world = test::startTestWorld();
    PinResetFront front(*world);
    front.request = sim::EidRequest{};
    front.request.newPin = SecureBytes::fromAscii("246802");
    auto backend = simulator();
    const Run run = authenticate(*world, *backend, front.tcTokenUrl(), withPins({"123456"}));
    CHECK_FALSE(run.outcome.ok());
    REQUIRE(front.lastResult());
    CHECK(front.lastResult()->error == "This service may not change the PIN");
    const Run login =
        authenticate(*world, *backend, world->eService().tcTokenUrl(), withPins({"123456"}));
    CHECK(login.outcome.ok());
}
