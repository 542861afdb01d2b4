// Full online authentication against the simulation world in this process: demo eService TC
// token -> TLS-2 -> PAOS (StartPAOS, InitializeFramework, EAC1, EAC2, Transmit) with PACE, TA and
// CA on the in-process virtual card -> refresh address check, for the PSK and the attached
// eID-Server model. The world (eService, eID-Server) runs on its own thread so its CPU time is
// measured apart from the client's; the card's CPU time is measured around every APDU.
//   auth_bench [--runs N] [--mode psk|attached|both] [--steps]   (default: 30 runs, both)
// --steps adds the wall time per workflow step (stderr).
// Prints a Markdown table; docs/benchmarks.md holds the numbers and the command that made them.
#include <pthread.h>
#include <time.h>

#include <QCoreApplication>
#include <QThread>
#include <QUrlQuery>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "CpuClock.h"
#include "card/sim/SimulatorBackend.h"
#include "eac/CscaTrustList.h"
#include "sim/pki/TestPki.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace std::chrono_literals;

namespace {

long long nanosecondsOf(clockid_t clock) {
    timespec now{};
    clock_gettime(clock, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// The card of the Simulator reader, counted: APDUs and the CPU time spent answering them (the
// simulator answers on the calling thread).
class CountingCard : public Card {
public:
    CountingCard(std::unique_ptr<Card> inner, int& apdus, long long& cpu)
        : inner_(std::move(inner)), apdus_(apdus), cpu_(cpu) {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override {
        ++apdus_;
        const long long start = nanosecondsOf(CLOCK_THREAD_CPUTIME_ID);
        auto response = inner_->transmit(command);
        cpu_ += nanosecondsOf(CLOCK_THREAD_CPUTIME_ID) - start;
        return response;
    }
    const Bytes& atr() const override { return inner_->atr(); }
    std::string readerName() const override { return inner_->readerName(); }

private:
    std::unique_ptr<Card> inner_;
    int& apdus_;
    long long& cpu_;
};

class CountingBackend : public ReaderBackend {
public:
    std::string name() const override { return inner_.name(); }
    Result<std::vector<ReaderInfo>> readers() override { return inner_.readers(); }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        auto card = inner_.connect(reader);
        if (!card) return card.error();
        return std::unique_ptr<Card>(new CountingCard(std::move(*card), apdus, cardCpu));
    }
    Result<void> waitForChange(std::chrono::milliseconds timeout) override {
        return inner_.waitForChange(timeout);
    }
    void cancelWait() override { inner_.cancelWait(); }

    int apdus = 0;
    long long cardCpu = 0;

private:
    SimulatorBackend inner_;
};

// The world on its own thread; everything touching it runs there.
class WorldThread {
public:
    explicit WorldThread(bool attached) {
        thread_.start();
        context_.moveToThread(&thread_);
        run([&] {
            sim::WorldOptions options;
            options.attached = attached;
            auto started = sim::World::start(options);
            if (!started) {
                std::fprintf(stderr, "auth_bench: %s (%s)\n", started.error().message.c_str(),
                             started.error().detail.c_str());
                std::exit(1);
            }
            world_ = std::move(*started);
            pthread_getcpuclockid(pthread_self(), &clock_);
        });
    }
    ~WorldThread() {
        run([&] { world_.reset(); });
        thread_.quit();
        thread_.wait();
    }

    template <typename F>
    void run(F&& work) {
        QMetaObject::invokeMethod(&context_, std::forward<F>(work), Qt::BlockingQueuedConnection);
    }
    sim::World& world() { return *world_; }
    long long cpuNanoseconds() const { return nanosecondsOf(clock_); }

private:
    QThread thread_;
    QObject context_;
    std::unique_ptr<sim::World> world_;
    clockid_t clock_{};
};

// Wall time from each workflow step to the next, summed over the runs (--steps).
std::map<std::string, double> stepMilliseconds;

class TimedInteraction : public workflows::ScriptedInteraction {
public:
    using ScriptedInteraction::ScriptedInteraction;
    void progress(workflows::AuthStep step) override {
        const auto now = std::chrono::steady_clock::now();
        if (!current_.empty())
            stepMilliseconds[current_] +=
                std::chrono::duration<double, std::milli>(now - since_).count();
        current_ = workflows::toString(step);
        since_ = now;
        ScriptedInteraction::progress(step);
    }

private:
    std::string current_;
    std::chrono::steady_clock::time_point since_;
};

struct Run {
    double wallMs = 0;
    double clientCpuMs = 0;  // process minus world thread minus card
    double serverCpuMs = 0;
    double cardCpuMs = 0;
    int apdus = 0;
    int paosRoundTrips = 0;
    int handshakes = 0;
    int resumed = 0;
};

Run authenticateOnce(WorldThread& worlds, const workflows::AuthSettings& settings) {
    CountingBackend backend;
    workflows::ScriptedInteraction::Script script;
    script.pins = {"123456"};
    TimedInteraction interaction(script);
    workflows::AuthWorkflow workflow(backend, interaction, settings);
    QUrl tokenUrl;
    int handshakesBefore = 0, resumedBefore = 0;
    const auto handshakes = [&worlds](int& all, int& resumed) {
        worlds.run([&] {
            sim::World& world = worlds.world();
            all = world.eService().tlsHandshakes() + world.eidServer().handshakesCompleted();
            resumed = world.eService().attachedHandshakesResumed();
        });
    };
    handshakes(handshakesBefore, resumedBefore);
    worlds.run([&] { tokenUrl = worlds.world().eService().tcTokenUrl(); });

    const long long processStart = bench::processCpuNanoseconds();
    const long long serverStart = worlds.cpuNanoseconds();
    const auto wallStart = std::chrono::steady_clock::now();
    const auto outcome = workflow.run(tokenUrl);
    const auto wall = std::chrono::steady_clock::now() - wallStart;
    const long long server = worlds.cpuNanoseconds() - serverStart;
    const long long process = bench::processCpuNanoseconds() - processStart;
    if (!outcome.ok() || QUrlQuery(outcome.redirectUrl).queryItemValue("ResultMajor") != "ok") {
        std::fprintf(stderr, "auth_bench: authentication failed: %s\n",
                     outcome.error
                         ? (outcome.error->message + " | " + outcome.error->detail).c_str()
                         : outcome.redirectUrl.toString().toUtf8().constData());
        std::exit(1);
    }
    Run run;
    run.wallMs = std::chrono::duration<double, std::milli>(wall).count();
    run.serverCpuMs = static_cast<double>(server) / 1e6;
    run.cardCpuMs = static_cast<double>(backend.cardCpu) / 1e6;
    run.clientCpuMs = static_cast<double>(process - server - backend.cardCpu) / 1e6;
    run.apdus = backend.apdus;
    int handshakesAfter = 0, resumedAfter = 0;
    handshakes(handshakesAfter, resumedAfter);
    run.handshakes = handshakesAfter - handshakesBefore;
    run.resumed = resumedAfter - resumedBefore;
    worlds.run([&] {
        sim::World& world = worlds.world();
        const auto* session = world.eidServer().session(world.eService().lastSessionIdentifier());
        run.paosRoundTrips = session ? static_cast<int>(session->stepsSent().size()) : 0;
    });
    return run;
}

struct Summary {
    double median = 0;
    double p90 = 0;
};

Summary summarize(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const auto at = [&](double quantile) {
        const auto index =
            static_cast<std::size_t>(quantile * static_cast<double>(values.size() - 1) + 0.5);
        return values[index];
    };
    return {at(0.5), at(0.9)};
}

void report(const char* mode, const std::vector<Run>& runs) {
    std::vector<double> wall, client, server, card;
    for (const Run& run : runs) {
        wall.push_back(run.wallMs);
        client.push_back(run.clientCpuMs);
        server.push_back(run.serverCpuMs);
        card.push_back(run.cardCpuMs);
    }
    const Summary w = summarize(wall), c = summarize(client), s = summarize(server),
                  k = summarize(card);
    const Run& last = runs.back();
    std::printf(
        "| %s | %zu | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %d | %d | %d "
        "(%d resumed) |\n",
        mode, runs.size(), w.median, w.p90, c.median, c.p90, s.median, s.p90, k.median, k.p90,
        last.apdus, last.paosRoundTrips, last.handshakes, last.resumed);
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 30;
    bool steps = false;
    std::vector<bool> modes{false, true};
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--runs" && i + 1 < argc) {
            runs = std::atoi(argv[++i]);
        } else if (argument == "--steps") {
            steps = true;
        } else if (argument == "--mode" && i + 1 < argc) {
            const std::string mode = argv[++i];
            modes = mode == "psk"        ? std::vector<bool>{false}
                    : mode == "attached" ? std::vector<bool>{true}
                                         : std::vector<bool>{false, true};
        } else {
            runs = 0;
        }
        if (runs <= 0) {
            std::fprintf(stderr, "usage: auth_bench [--runs N] [--mode psk|attached|both]\n");
            return 2;
        }
    }
    QCoreApplication application(argc, argv);
    workflows::AuthSettings settings;
    auto trust = eac::CscaTrustList::fromPem(sim::TestPki::builtIn().cscaPem());
    settings.verifyCardSecurity = eid::passiveAuthentication(*trust);
    settings.retry = std::make_shared<net::RetryPolicy>(
        net::RetrySettings{}, [] { return 0.0; }, [](std::chrono::milliseconds) {});
    settings.cardWait = 2000ms;

    std::printf(
        "| TLS-2 | runs | wall ms median / p90 | client CPU ms | eService + eID-Server "
        "CPU ms | card CPU ms | APDUs | PAOS round trips | TLS handshakes |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const bool attached : modes) {
        WorldThread worlds(attached);
        worlds.run([&] { settings.caCertificates = {worlds.world().caCertificate()}; });
        authenticateOnce(worlds, settings);  // warm-up: TLS test PKI, first handshakes
        std::vector<Run> measured;
        for (int i = 0; i < runs; ++i)
            measured.push_back(authenticateOnce(worlds, settings));
        report(attached ? "attached (resumed TLS 1.2)" : "PSK (RSA-PSK)", measured);
        if (steps)
            for (const auto& [step, total] : stepMilliseconds)
                std::fprintf(stderr, "  %-26s %8.1f ms per run\n", step.c_str(),
                             total / (runs + 1));
        stepMilliseconds.clear();
    }
    return 0;
}
