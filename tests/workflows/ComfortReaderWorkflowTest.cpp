// The online authentication through a comfort reader (tests/common/ComfortReader.h) against the
// simulation world: the PIN is typed on the reader's pinpad, the reader runs PACE with the CHAT
// and the certificate description, TA and CA go through its channel, and the eID-Server's
// protected Transmit APDUs pass it unchanged. The host never sees the PIN.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include <set>

#include "ComfortReader.h"
#include "FaultInjection.h"
#include "TestWorldSettings.h"
#include "eac/CertificateDescription.h"
#include "eid/PinManagement.h"
#include "net/HttpsFetcher.h"
#include "net/TlsConfiguration.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::test;
using namespace oa::workflows;
using namespace std::chrono_literals;

namespace {

using Prompt = Pinpad::Prompt;

AuthSettings settingsFor(sim::World& world) {
    return authSettingsFor(world, 500ms);
}

struct Run {
    AuthOutcome outcome;
    std::vector<SecretRequest> secrets;
};

Run authenticate(sim::World& world, ReaderBackend& backend,
                 ScriptedInteraction::Script script = {}) {
    ScriptedInteraction interaction(std::move(script));
    AuthWorkflow workflow(backend, interaction, settingsFor(world));
    Run run;
    run.outcome = workflow.run(world.eService().tcTokenUrl());
    run.secrets = interaction.secretRequests();
    return run;
}

std::string describe(const AuthOutcome& outcome) {
    return outcome.error ? outcome.error->message + " | " + outcome.error->detail : "ok";
}

QString minor(const AuthOutcome& outcome) {
    return QUrlQuery(outcome.redirectUrl).queryItemValue("ResultMinor");
}

std::shared_ptr<VirtualCard> cardWithRetryCounter(int counter) {
    sim::CardProfile profile = sim::defaultProfile();
    profile.pinState.retryCounter = counter;
    return std::make_shared<VirtualCard>(std::move(profile));
}

void checkHostNeverSaw(ComfortReaderBackend& backend, const char* pin) {
    CHECK_FALSE(backend.traffic().contains(asciiBytes(pin)));
    CHECK_FALSE(backend.traffic().sentPlainIns(0x20));  // no VERIFY
    for (const auto& control : backend.traffic().controls()) {
        // EstablishPACEChannel: passwordId, CHAT, then an empty password.
        if (control.size() < 4 || control[0] != 0x02) continue;
        const std::size_t chatLength = control[4];
        REQUIRE(control.size() > 5 + chatLength);
        CHECK(control[5 + chatLength] == 0);
    }
}

// The faulty in-process reader behind a comfort reader, listed with its pinpad.
class ComfortFaultyBackend : public ReaderBackend {
public:
    explicit ComfortFaultyBackend(FaultyBackend& inner) : inner_(inner) {}
    std::string name() const override { return "comfort-faulty"; }
    Result<std::vector<ReaderInfo>> readers() override {
        auto listed = inner_.readers();
        if (listed)
            for (auto& reader : *listed)
                reader.pinpad = true;
        return listed;
    }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        auto card = inner_.connect(reader);
        if (!card) return card.error();
        return std::unique_ptr<Card>(
            std::make_unique<ComfortReader>(std::move(*card), pinpad, traffic, reader));
    }
    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        return inner_.waitForChange(timeout);
    }
    void cancelWait() override { inner_.cancelWait(); }
    std::shared_ptr<Pinpad> pinpad = std::make_shared<Pinpad>();
    std::shared_ptr<HostTraffic> traffic = std::make_shared<HostTraffic>();

private:
    FaultyBackend& inner_;
};

}  // namespace

TEST_CASE("Online authentication through a comfort reader: the PIN stays on the pinpad",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend;
    backend.pinpad().type("123456");
    const Run run = authenticate(*world, backend);
    INFO(describe(run.outcome) << " reader: " << backend.traffic().lastFailure());
    REQUIRE(run.outcome.ok());
    CHECK(QUrlQuery(run.outcome.redirectUrl).queryItemValue("ResultMajor") == "ok");

    REQUIRE(run.secrets.size() == 1);
    CHECK(run.secrets[0].kind == SecretKind::Pin);
    CHECK(run.secrets[0].onReaderPinpad);
    CHECK(backend.pinpad().prompts() == std::vector<Prompt>{Prompt::Pin});
    checkHostNeverSaw(backend, "123456");
    // The eID-Server's reads after CA were protected by the server and passed the reader.
    const auto commands = backend.traffic().commands();
    CHECK(std::any_of(commands.begin(), commands.end(),
                      [](const Bytes& apdu) { return apdu[0] == 0x0C && apdu[1] == 0xB0; }));

    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel({world->caCertificate()}));
    auto page = fetcher.fetch(run.outcome.redirectUrl);
    REQUIRE(page.result.ok());
    CHECK(page.result->body.contains("MUSTERMANN"));
}

TEST_CASE("Through a comfort reader the reader gets the CHAT and the certificate description",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend;
    std::optional<readerpace::EstablishPaceChannelInput> seen;
    for (const auto& control : [&] {
             (void)authenticate(*world, backend);
             return backend.traffic().controls();
         }()) {
        if (control.size() > 3 && control[0] == 0x02) {
            auto input = readerpace::parseEstablishInput(ByteView(control).subspan(3));
            REQUIRE(input);
            seen = *input;
        }
    }
    REQUIRE(seen);
    CHECK(seen->passwordId == 3);
    CHECK(seen->password.empty());
    REQUIRE(seen->chat.size() > 2);
    CHECK(seen->chat[0] == 0x7F);
    CHECK(seen->chat[1] == 0x4C);
    CHECK_FALSE(seen->certificateDescription.empty());
    CHECK(eac::CertificateDescription::parse(seen->certificateDescription));
}

TEST_CASE("Through a comfort reader a wrong PIN on the pinpad is asked again with the tries left",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend;
    backend.pinpad().type("111111");
    backend.pinpad().type("123456");
    const Run run = authenticate(*world, backend);
    INFO(describe(run.outcome));
    REQUIRE(run.outcome.ok());
    REQUIRE(run.secrets.size() == 2);
    CHECK(run.secrets[1].onReaderPinpad);
    CHECK(run.secrets[1].attempt == 2);
    CHECK(run.secrets[1].pinStatus.status == eid::PinStatus::TwoTriesLeft);
    CHECK(run.secrets[1].pinStatus.triesLeft == 2);
    checkHostNeverSaw(backend, "111111");
}

TEST_CASE("Through a comfort reader a suspended PIN takes the CAN and the PIN on the pinpad",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend(cardWithRetryCounter(1));
    backend.pinpad().type("500540");
    backend.pinpad().type("123456");
    const Run run = authenticate(*world, backend);
    INFO(describe(run.outcome));
    REQUIRE(run.outcome.ok());
    REQUIRE(run.secrets.size() == 2);
    CHECK(run.secrets[0].kind == SecretKind::Can);
    CHECK(run.secrets[0].onReaderPinpad);
    CHECK(run.secrets[1].kind == SecretKind::Pin);
    CHECK(backend.pinpad().prompts() == std::vector<Prompt>{Prompt::Can, Prompt::Pin});
    checkHostNeverSaw(backend, "500540");
}

TEST_CASE("Cancel on the comfort reader's pinpad ends the authentication as cancelled",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend;
    backend.pinpad().cancel();
    const Run run = authenticate(*world, backend);
    REQUIRE_FALSE(run.outcome.ok());
    REQUIRE(run.outcome.error);
    CHECK(run.outcome.error->code == ErrorCode::Cancelled);
    CHECK(minor(run.outcome) == "cancellationByUser");
    CHECK(backend.simulator().card()->pinState().retryCounter == 3);

    // The next attempt on the same reader works.
    backend.pinpad().type("123456");
    const Run next = authenticate(*world, backend);
    INFO(describe(next.outcome));
    CHECK(next.outcome.ok());
}

TEST_CASE("PIN changed with both PINs on the pinpad, then a login with the new PIN",
          "[auth][world][comfort]") {
    auto world = startTestWorld();
    ComfortReaderBackend backend;
    backend.pinpad().type("123456");
    backend.pinpad().type("271828");
    backend.pinpad().type("271828");
    {
        auto card = backend.connect(ComfortReaderBackend::kReaderName);
        REQUIRE(card);
        eid::PinManagement pins(**card);
        auto changed = pins.changePin(SecureBytes(), SecureBytes());
        INFO((changed ? "" : changed.error().message + " | " + changed.error().detail));
        REQUIRE(changed);
    }
    backend.pinpad().type("271828");
    const Run run = authenticate(*world, backend);
    INFO(describe(run.outcome));
    REQUIRE(run.outcome.ok());
    checkHostNeverSaw(backend, "271828");

    // The old PIN is gone: the card counts it as wrong, and the user cancels the second try.
    backend.pinpad().type("123456");
    backend.pinpad().cancel();
    const Run old = authenticate(*world, backend);
    CHECK_FALSE(old.outcome.ok());
    REQUIRE(old.secrets.size() == 2);
    CHECK(old.secrets[1].pinStatus.status == eid::PinStatus::TwoTriesLeft);
    CHECK(backend.simulator().card()->pinState().retryCounter == 2);
}

// The card pulled at each APDU the reader sends after the host asked for PACE: the reader's own
// PACE, then TA and CA over its channel, then the server's Transmit. Each ends with a message,
// and the next attempt on the same reader succeeds.
TEST_CASE("Fault matrix, comfort reader: card removed at every APDU ends cleanly",
          "[auth][world][comfort][faults]") {
    auto world = startTestWorld();
    FaultyBackend faulty;

    ComfortFaultyBackend backend(faulty);

    const auto run = [&] {
        auto plan = faulty.plan();
        ScriptedInteraction::Script script;
        script.onProgress = [plan](AuthStep step) {
            std::lock_guard lock(plan->mutex);
            plan->currentStep = toString(step);
        };
        return authenticate(*world, backend, script);
    };
    auto counting = faulty.arm(Fault::CardRemoved, 0);
    REQUIRE(run().outcome.ok());
    const int total = counting->sent;
    REQUIRE(total > 20);

    std::set<std::string> messages;
    for (int apdu = 1; apdu <= total; ++apdu) {
        auto plan = faulty.arm(Fault::CardRemoved, apdu);
        const Run broken = run();
        faulty.repair();
        const Run next = run();
        INFO("card removed at APDU " << apdu << " (" << plan->firedStep << ", "
                                     << plan->firedCommand << "): " << describe(broken.outcome)
                                     << "; next: " << describe(next.outcome));
        CHECK(plan->fired);
        CHECK_FALSE(broken.outcome.ok());
        REQUIRE(broken.outcome.error);
        CHECK_FALSE(broken.outcome.error->message.empty());
        CHECK((!broken.outcome.redirectUrl.isEmpty() || broken.outcome.errorPageStatus != 0));
        CHECK(next.outcome.ok());
        messages.insert(broken.outcome.error->message);
    }
    // Every cell got words for the user; the reader's PACE reports the removal as such.
    CHECK(messages.count("The card was removed.") == 1);
}

// The same for a PIN change with both PINs on the pinpad: the reader's PACE, then its
// MODIFY_PIN_DIRECT with RESET RETRY COUNTER under its channel.
TEST_CASE("Fault matrix, comfort reader: card removed at every APDU of a pinpad PIN change",
          "[comfort][faults]") {
    FaultyBackend faulty;
    auto pinpad = std::make_shared<Pinpad>("123456");  // the same PIN, new and again
    auto traffic = std::make_shared<HostTraffic>();
    const auto change = [&]() -> Result<void> {
        auto card = faulty.connect(SimulatorBackend::kReaderName);
        if (!card) return card.error();
        ComfortReader reader(std::move(*card), pinpad, traffic, "comfort");
        return eid::PinManagement(reader).changePin(SecureBytes(), SecureBytes());
    };
    auto counting = faulty.arm(Fault::CardRemoved, 0);
    REQUIRE(change());
    const int total = counting->sent;
    REQUIRE(total >= 8);
    for (int apdu = 1; apdu <= total; ++apdu) {
        auto plan = faulty.arm(Fault::CardRemoved, apdu);
        const auto broken = change();
        faulty.repair();
        const auto next = change();
        INFO("card removed at APDU " << apdu << " (" << plan->firedCommand
                                     << "): " << (broken ? "ok" : broken.error().message)
                                     << "; next: " << (next ? "ok" : next.error().message));
        CHECK(plan->fired);
        REQUIRE_FALSE(broken);
        CHECK(broken.error().code == ErrorCode::CardRemoved);
        CHECK_FALSE(broken.error().message.empty());
        CHECK(next);
    }
    CHECK(faulty.virtualCard().pinState().retryCounter == 3);
}

// A card that leaves the reader during PACE or right after it, and is put back: PACE starts over
// on a new connection (the earlier channel dropped first) and the authentication succeeds.
TEST_CASE("Comfort reader: the card put back after leaving during PACE, PACE starts over",
          "[auth][world][comfort][faults]") {
    auto world = startTestWorld();
    FaultyBackend faulty;
    ComfortFaultyBackend backend(faulty);

    class PuttingBack : public ScriptedInteraction {
    public:
        PuttingBack(FaultyBackend& faulty) : ScriptedInteraction({}), faulty_(faulty) {}
        bool resumeAfterCardRemoved() override {
            ++resumed;
            faulty_.repair();
            return true;
        }
        int resumed = 0;

    private:
        FaultyBackend& faulty_;
    };

    // The reader's PACE (SELECT, EF.CardAccess, MSE:Set AT, four GA) and GET CHALLENGE come
    // after the host's SELECT, EF.CardAccess (read once) and PIN status.
    for (int apdu = 1; apdu <= 11; ++apdu) {
        auto plan = faulty.arm(Fault::CardRemoved, apdu);
        PuttingBack interaction(faulty);
        AuthWorkflow workflow(backend, interaction, settingsFor(*world));
        const auto outcome = workflow.run(world->eService().tcTokenUrl());
        INFO("card removed at APDU " << apdu << " (" << plan->firedCommand
                                     << "): " << describe(outcome));
        CHECK(plan->fired);
        CHECK(interaction.resumed == 1);
        CHECK(outcome.ok());
        if (apdu == 11) CHECK(plan->firedCommand == "0C840000");  // GET CHALLENGE, reader-wrapped
    }
}
