#include "sim/UpCommand.h"

#include <QCoreApplication>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <thread>

#include "sim/StopSignal.h"
#include "sim/VpcdClient.h"
#include "sim/card/CardProfile.h"
#include "sim/card/VirtualCard.h"
#include "sim/world/PinLetterOverload.h"
#include "sim/world/World.h"

namespace oa::sim {
namespace {

struct UpOptions {
    WorldOptions world;
    bool vpcd = false;
    std::string vpcdAddress;
    std::string profile;
};

std::string defaultStateDirectory() {
    const char* home = std::getenv("HOME");
    if (home == nullptr || *home == '\0') return "openausweis-world";
    return std::string(home) + "/.local/state/openausweis/world";
}

bool fail(const std::string& message) {
    std::fprintf(stderr, "openausweis-sim up: %s\n", message.c_str());
    return false;
}

bool parseCard(const std::vector<std::string>& arguments, std::size_t& i, UpOptions& options) {
    if (i + 1 >= arguments.size()) return fail("--card needs inprocess or vpcd HOST:PORT");
    const std::string& kind = arguments[++i];
    if (kind == "inprocess") return true;
    if (kind != "vpcd" || i + 1 >= arguments.size())
        return fail("--card needs inprocess or vpcd HOST:PORT");
    options.vpcd = true;
    options.vpcdAddress = arguments[++i];
    return true;
}

bool parseOptions(const std::vector<std::string>& arguments, UpOptions& options) {
    options.world.stateDirectory = defaultStateDirectory();
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const bool hasValue = i + 1 < arguments.size();
        if (argument == "--state" && hasValue) {
            options.world.stateDirectory = arguments[++i];
        } else if (argument == "--port-base" && hasValue) {
            const std::string& text = arguments[++i];
            const int port = std::atoi(text.c_str());
            if (text.find_first_not_of("0123456789") != std::string::npos || port < 0 ||
                port > 65534)
                return fail("--port-base must be 0..65534 (0: any free ports)");
            options.world.portBase = static_cast<quint16>(port);
        } else if (argument == "--card") {
            if (!parseCard(arguments, i, options)) return false;
        } else if (argument == "--attached") {
            options.world.attached = true;
        } else if (argument == "--profile" && hasValue) {
            options.profile = arguments[++i];
        } else if (pinLetterFlagTakesValue(argument)) {
            std::optional<std::string> value;
            if (hasValue) value = arguments[++i];
            auto applied = applyPinLetterFlag(options.world.pinLetterOverload, argument, value);
            if (!applied) return fail(applied.error().message);
        } else {
            std::optional<std::string> value;
            if (hasValue && misbehaviourFlagTakesValue(argument)) value = arguments[i + 1];
            auto applied = applyMisbehaviourFlag(options.world.misbehaviour, argument, value);
            if (!applied) return fail(applied.error().message);
            if (!*applied) return fail("unexpected argument '" + argument + "'");
            if (value) ++i;
        }
    }
    return true;
}

// The virtual card on vpcd, on its own thread until the stop signal.
class VpcdCard {
public:
    VpcdCard(std::string host, std::uint16_t port, CardProfile profile)
        : card_(std::move(profile)),
          client_(std::move(host), port, card_, [this] { return stop_.load() || stopRequested(); }),
          thread_([this] { client_.run(); }) {}
    ~VpcdCard() {
        stop_ = true;
        thread_.join();
    }

private:
    VirtualCard card_;
    std::atomic<bool> stop_{false};
    VpcdClient client_;
    std::thread thread_;
};

std::unique_ptr<VpcdCard> startCard(const UpOptions& options) {
    std::string host;
    std::uint16_t port = 0;
    if (!parseHostPort(options.vpcdAddress, host, port)) {
        fail("--card vpcd expects HOST:PORT, got '" + options.vpcdAddress + "'");
        return nullptr;
    }
    auto profile = options.profile.empty() ? std::optional<CardProfile>(defaultProfile())
                                           : builtInProfile(options.profile);
    if (!profile) {
        fail("unknown card profile '" + options.profile + "'");
        return nullptr;
    }
    return std::make_unique<VpcdCard>(host, port, std::move(*profile));
}

}  // namespace

const char* upUsage() {
    return "       openausweis-sim up [--state DIR] [--port-base N] [--card inprocess|vpcd "
           "HOST:PORT]\n"
           "                          [--profile NAME] [--attached] [misbehaviour flags]\n"
           "  up:   the demo eService (port N) and the test eID-Server (N+1) on 127.0.0.1 until\n"
           "        SIGTERM; TLS test PKI kept in DIR (default ~/.local/state/openausweis/world);\n"
           "        the card on vpcd when asked (inprocess: the client's own Simulator reader);\n"
           "        --attached: the eService is also the eID-Server (tokens without PSK, PAOS on\n"
           "        the eService's TLS endpoint only over a resumed TLS session);\n"
           "        the PIN letter service (N+2) with its mailbox page, overloaded on request:\n"
           "  --pin-letter-overload F[:STATUS[:RETRY_AFTER]]  turn away this fraction (503/429)\n"
           "  --pin-letter-latency MS     answer this much later\n"
           "  --pin-letter-drop F         drop this fraction of connections\n"
           "  --pin-letter-outage START:LENGTH[:RETRY_AFTER]  503 to all from START s for "
           "LENGTH s\n";
}

int runUpCommand(const std::vector<std::string>& arguments) {
    UpOptions options;
    if (!parseOptions(arguments, options)) return 2;
    int argc = 1;
    char name[] = "openausweis-sim";
    char* argv[] = {name, nullptr};
    QCoreApplication application(argc, argv);
    installStopSignalHandlers();

    auto world = World::start(options.world);
    if (!world) {
        std::fprintf(stderr, "openausweis-sim up: %s (%s)\n", world.error().message.c_str(),
                     world.error().detail.c_str());
        return 1;
    }
    std::unique_ptr<VpcdCard> card;
    if (options.vpcd) {
        card = startCard(options);
        if (!card) return 2;
    }
    std::printf("%s", (*world)->describe().c_str());
    std::printf("CA certificate:  %s/tls-ca.pem\n", options.world.stateDirectory.c_str());
    std::printf("card:            %s\n", options.vpcd
                                             ? ("vpcd " + options.vpcdAddress).c_str()
                                             : "in-process (the client's Simulator reader)");
    std::printf("ready\n");
    std::fflush(stdout);

    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &application, [&application] {
        if (stopRequested()) application.quit();
    });
    poll.start(200);
    application.exec();
    std::fprintf(stderr, "openausweis-sim up: stopping\n");
    return 0;
}

}  // namespace oa::sim
