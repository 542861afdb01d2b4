// Replacement PIN under overload: many citizens' apps (our real PinLetterWorkflow, ServiceClient
// and, by default, the in-process virtual card through AuthWorkflow) order a PIN letter from the
// world's PIN letter service while it is fully down (503 to everything), then recovers. Each app
// runs on its own thread; the world's servers run on the main thread.
//   pin_letter_bench [--clients N] [--outage SECONDS] [--retry-after SECONDS]
//                    [--mode jitter|naive|both] [--no-card]
// jitter: the app's own settings (bounded exponential backoff with full jitter, request budget);
// naive: the same code retrying every second without jitter or budget, for comparison.
// Prints a Markdown table; docs/benchmarks.md holds the numbers and the command.
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "card/sim/SimulatorBackend.h"
#include "eid/DeveloperModeTrust.h"
#include "net/TlsConfiguration.h"
#include "sim/world/World.h"
#include "workflows/PinLetterWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::workflows;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

struct Options {
    int clients = 200;
    double outageSeconds = 60;
    int retryAfterSeconds = 0;
    std::string mode = "both";
    bool card = true;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const bool hasValue = i + 1 < argc;
        if (argument == "--clients" && hasValue) {
            options.clients = std::atoi(argv[++i]);
            if (options.clients <= 0) return false;
        } else if (argument == "--outage" && hasValue) {
            options.outageSeconds = std::atof(argv[++i]);
            if (options.outageSeconds < 0) return false;
        } else if (argument == "--retry-after" && hasValue) {
            options.retryAfterSeconds = std::atoi(argv[++i]);
        } else if (argument == "--mode" && hasValue) {
            options.mode = argv[++i];
            if (options.mode != "jitter" && options.mode != "naive" && options.mode != "both")
                return false;
        } else if (argument == "--no-card") {
            options.card = false;
        } else {
            return false;
        }
    }
    return true;
}

struct ClientResult {
    PinLetterStage stage = PinLetterStage::Failed;
    QString reference;
    int requests = 0;
    int requestsDuringOutage = 0;
    int runs = 0;                // order() calls: more than one after a "try later"
    double finishedSeconds = 0;  // since the outage began
    std::string error;
};

PinLetterSettings appSettings(sim::World& world, bool naive) {
    PinLetterSettings settings;
    settings.service = world.pinLetterService().origin();
    settings.caCertificates = {world.caCertificate()};
    if (naive) {
        settings.retry = {1000000, milliseconds(1000), milliseconds(1000), milliseconds(300000),
                          false};
        settings.requestsPerMinute = 1000000;
        settings.requestBurst = 1000000;
    }
    return settings;
}

// One citizen's app: orders until the letter is ordered; after "try later" the citizen tries
// again when reminded (after 30 s).
ClientResult runClient(sim::World& world, const Options& options, bool naive,
                       Clock::time_point outageStart, Clock::time_point outageEnd) {
    ClientResult result;
    const PinLetterSettings settings = appSettings(world, naive);
    net::HttpsExchange::Settings exchange;
    exchange.tls = net::TlsConfiguration::eServiceChannel(settings.caCertificates);
    exchange.timeouts = settings.timeouts;
    QNetworkAccessManager manager;
    std::atomic<int> duringOutage{0};
    // Real waiting, thread-local: these threads have nothing else to do meanwhile.
    const double fixed = naive ? 1.0 : -1.0;
    auto policy = std::make_shared<net::RetryPolicy>(
        settings.retry,
        fixed > 0 ? net::RetryPolicy::Random([] { return 0.999999; })
                  : net::RetryPolicy::systemRandom(),
        [](milliseconds delay) { std::this_thread::sleep_for(delay); });
    net::ServiceClient client(
        [&](const net::HttpsExchange::Request& request) {
            if (Clock::now() < outageEnd) ++duringOutage;
            return net::HttpsExchange::run(manager, request, exchange);
        },
        policy,
        std::make_shared<net::RequestBudget>(settings.requestsPerMinute, settings.requestBurst));
    SimulatorBackend backend;
    ScriptedInteraction::Script script;
    AuthSettings auth;
    auth.caCertificates = settings.caCertificates;
    auth.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
    auth.developerMode = true;
    auth.cardWait = milliseconds(5000);
    PendingOrderStore store({});
    for (;;) {
        ++result.runs;
        script.cans = {"500540"};
        ScriptedInteraction interaction(script);
        PinLetterWorkflow::Authenticate authenticate;
        if (options.card) {
            authenticate = PinLetterWorkflow::authenticateWith(backend, interaction, auth);
        } else {
            // Stands in for the card: the order is placed, its letter is not sent.
            authenticate = [](const QUrl&) {
                AuthOutcome outcome;
                outcome.result = net::BrowserResult::success();
                return outcome;
            };
        }
        PinLetterWorkflow workflow(settings, client, authenticate, store);
        const auto outcome = workflow.order();
        result.stage = outcome.stage;
        result.reference = outcome.orderReference;
        if (outcome.error) result.error = outcome.error->message + " | " + outcome.error->detail;
        if (outcome.stage != PinLetterStage::TryLater || result.runs >= 10) break;
        std::this_thread::sleep_for(std::chrono::seconds(30));
    }
    if (!options.card && !result.reference.isEmpty()) result.stage = PinLetterStage::LetterOrdered;
    result.requests = client.requestsSent();
    result.requestsDuringOutage = duringOutage;
    result.finishedSeconds = std::chrono::duration<double>(Clock::now() - outageStart).count();
    return result;
}

double quantile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(q * static_cast<double>(values.size() - 1) + 0.5)];
}

struct Row {
    std::string mode;
    int clients = 0;
    double outageRequestsMean = 0, outageRequestsMax = 0, outageRequestsPerSecond = 0;
    double requestsMean = 0;
    int completed = 0, duplicates = 0, letters = 0, ordersCreated = 0;
    double drainSeconds = 0, drainP50 = 0;
    int tryLater = 0;
    std::string firstError;
};

Row runMode(const Options& options, bool naive) {
    sim::WorldOptions worldOptions;
    auto started = sim::World::start(worldOptions);
    if (!started) {
        std::fprintf(stderr, "world: %s\n", started.error().message.c_str());
        std::exit(1);
    }
    sim::World& world = **started;
    sim::PinLetterOverload outage;
    outage.outageLength = milliseconds(static_cast<long long>(options.outageSeconds * 1000));
    outage.outageRetryAfterSeconds = options.retryAfterSeconds;
    world.pinLetterService().setOverload(outage);
    const auto outageStart = Clock::now();
    const auto outageEnd = outageStart + outage.outageLength;

    std::vector<ClientResult> results(static_cast<std::size_t>(options.clients));
    std::vector<std::unique_ptr<QThread>> threads;
    std::atomic<int> running{options.clients};
    for (int i = 0; i < options.clients; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            results[static_cast<std::size_t>(i)] =
                runClient(world, options, naive, outageStart, outageEnd);
            if (--running == 0)
                QMetaObject::invokeMethod(QCoreApplication::instance(), &QCoreApplication::quit,
                                          Qt::QueuedConnection);
        }));
        threads.back()->start();
    }
    QCoreApplication::exec();
    for (auto& thread : threads)
        thread->wait();

    Row row;
    row.mode = naive ? "naive, every 1 s" : "app (full jitter + budget)";
    row.clients = options.clients;
    std::vector<double> outageRequests, finished;
    std::set<QString> references;
    double all = 0;
    for (const auto& result : results) {
        outageRequests.push_back(result.requestsDuringOutage);
        all += result.requests;
        if (result.stage == PinLetterStage::LetterOrdered) {
            ++row.completed;
            if (!references.insert(result.reference).second) ++row.duplicates;
            finished.push_back(std::max(0.0, result.finishedSeconds - options.outageSeconds));
        } else if (row.firstError.empty()) {
            row.firstError = std::string(toString(result.stage)) + ": " + result.error;
        }
        if (result.runs > 1) ++row.tryLater;
    }
    double sum = 0;
    for (double value : outageRequests)
        sum += value;
    row.outageRequestsMean = sum / options.clients;
    row.outageRequestsMax = quantile(outageRequests, 1.0);
    row.outageRequestsPerSecond = options.outageSeconds > 0 ? sum / options.outageSeconds : 0;
    row.requestsMean = all / options.clients;
    row.drainSeconds = quantile(finished, 1.0);
    row.drainP50 = quantile(finished, 0.5);
    row.letters = static_cast<int>(world.pinLetterService().store().letters().size());
    row.ordersCreated = world.pinLetterService().statistics().ordersCreated;
    return row;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication application(argc, argv);
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr,
                     "usage: pin_letter_bench [--clients N] [--outage SECONDS] [--retry-after "
                     "SECONDS] [--mode jitter|naive|both] [--no-card]\n");
        return 2;
    }
    std::vector<Row> rows;
    if (options.mode != "naive") rows.push_back(runMode(options, false));
    if (options.mode != "jitter") rows.push_back(runMode(options, true));
    std::printf("%d clients, %.0f s full outage (503%s), card part %s\n\n", options.clients,
                options.outageSeconds,
                options.retryAfterSeconds > 0
                    ? (", Retry-After " + std::to_string(options.retryAfterSeconds)).c_str()
                    : " without Retry-After",
                options.card ? "included (virtual card, CAN)" : "skipped");
    std::printf(
        "| retry | requests/order in outage (mean / max) | requests/s in outage | "
        "requests/order overall | orders done | created / letters / duplicates | "
        "drain after recovery (median / last) | needed try-later |\n"
        "|---|---|---|---|---|---|---|---|\n");
    bool ok = true;
    for (const Row& row : rows) {
        std::printf(
            "| %s | %.2f / %.0f | %.1f | %.2f | %d of %d | %d / %d / %d | %.1f s / %.1f s | "
            "%d |\n",
            row.mode.c_str(), row.outageRequestsMean, row.outageRequestsMax,
            row.outageRequestsPerSecond, row.requestsMean, row.completed, row.clients,
            row.ordersCreated, row.letters, row.duplicates, row.drainP50, row.drainSeconds,
            row.tryLater);
        if (!row.firstError.empty()) std::printf("\nfirst failure: %s\n", row.firstError.c_str());
        const int expectedLetters = options.card ? row.clients : 0;
        ok = ok && row.completed == row.clients && row.duplicates == 0 &&
             row.ordersCreated == row.clients && row.letters == expectedLetters;
    }
    return ok ? 0 : 1;
}
