// EAC benchmark against the in-process virtual card: client CPU time and APDU count of a whole
// authentication (PACE + TA + CA + five data groups) with our src/eac code, and PACE CPU time of
// our code side by side with OpenPACE's terminal in the same run. The card's own CPU time (and
// the test terminal's signature, which the eID server makes in production) is subtracted.
//   eac_bench [--runs N] [--profile NAME]...    (default: 50 runs; mustermann, -p384, -p512)
// Prints Markdown tables; docs/benchmarks.md holds the numbers and the command that made them.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "ClientComponents.h"
#include "ClientEac.h"
#include "OpenPaceTerminal.h"
#include "ProductionSelfRead.h"
#include "sim/card/CardProfile.h"

using namespace oa;
using namespace oa::bench;

namespace {

struct Options {
    int runs = 50;
    std::vector<std::string> profiles;
};

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--runs" && i + 1 < argc) {
            options.runs = std::atoi(argv[++i]);
            if (options.runs <= 0) return false;
        } else if (argument == "--profile" && i + 1 < argc) {
            options.profiles.push_back(argv[++i]);
        } else {
            return false;
        }
    }
    if (options.profiles.empty())
        options.profiles = {"mustermann", "mustermann-p384", "mustermann-p512"};
    return true;
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

double milliseconds(long long nanoseconds) {
    return static_cast<double>(nanoseconds) / 1e6;
}

std::shared_ptr<VirtualCard> freshCard(const std::string& profileName) {
    auto profile = sim::builtInProfile(profileName);
    if (!profile) {
        std::fprintf(stderr, "eac_bench: unknown profile %s\n", profileName.c_str());
        std::exit(2);
    }
    return std::make_shared<VirtualCard>(std::move(*profile));
}

// Client CPU milliseconds of one run on a fresh card, the card's share taken out.
double meteredRun(const std::string& profile,
                  const std::function<Result<void>(MeteredCard&)>& terminal, int& apdus) {
    MeteredCard card(freshCard(profile));
    const long long start = processCpuNanoseconds();
    const auto result = terminal(card);
    const long long elapsed = processCpuNanoseconds() - start;
    if (!result) {
        std::fprintf(stderr, "eac_bench: run on %s failed: %s (%s)\n", profile.c_str(),
                     result.error().message.c_str(), result.error().detail.c_str());
        std::exit(1);
    }
    apdus = card.apdus();
    return milliseconds(elapsed - card.cardCpuNanoseconds());
}

void comparePace(const Options& options) {
    std::printf("## PACE (PIN, generic mapping, EF.CardAccess included): client CPU ms\n\n");
    std::printf(
        "| profile | ours median | ours p90 | OpenPACE median | OpenPACE p90 | APDUs ours / "
        "OpenPACE |\n");
    std::printf("|---|---:|---:|---:|---:|---|\n");
    for (const auto& profile : options.profiles) {
        std::vector<double> ours, theirs;
        int ourApdus = 0, theirApdus = 0;
        // Alternating, so drifts of the machine hit both alike.
        for (int run = 0; run < options.runs; ++run) {
            ours.push_back(meteredRun(profile, runClientPace, ourApdus));
            theirs.push_back(meteredRun(profile, runOpenPacePace, theirApdus));
        }
        const auto o = summarize(ours);
        const auto t = summarize(theirs);
        std::printf("| %s | %.2f | %.2f | %.2f | %.2f | %d / %d |\n", profile.c_str(), o.median,
                    o.p90, t.median, t.p90, ourApdus, theirApdus);
    }
    std::printf("\n");
}

void measureWholeEac(const Options& options, const sim::TestPki& pki) {
    for (const auto& profile : options.profiles) {
        std::map<std::string, std::vector<double>> cpu;
        std::vector<std::string> order;
        std::map<std::string, int> apdus;
        std::vector<double> totals, cardCpu, signerCpu;
        for (int run = 0; run < options.runs; ++run) {
            MeteredCard card(freshCard(profile));
            StepMeter meter(card);
            if (const auto result = runClientEac(meter, card, pki); !result) {
                std::fprintf(stderr, "eac_bench: EAC on %s failed: %s (%s)\n", profile.c_str(),
                             result.error().message.c_str(), result.error().detail.c_str());
                std::exit(1);
            }
            double total = 0;
            for (const auto& cost : meter.costs()) {
                if (run == 0) order.push_back(cost.step);
                cpu[cost.step].push_back(milliseconds(cost.clientCpuNanoseconds));
                apdus[cost.step] = cost.apdus;
                total += milliseconds(cost.clientCpuNanoseconds);
            }
            totals.push_back(total);
            cardCpu.push_back(milliseconds(card.cardCpuNanoseconds()));
            signerCpu.push_back(milliseconds(meter.signerCpuNanoseconds()));
        }
        std::printf("## Whole EAC on %s: client CPU ms per step\n\n", profile.c_str());
        std::printf("| step | APDUs | median | p90 |\n|---|---:|---:|---:|\n");
        int totalApdus = 0;
        for (const auto& step : order) {
            const auto s = summarize(cpu[step]);
            totalApdus += apdus[step];
            std::printf("| %s | %d | %.2f | %.2f |\n", step.c_str(), apdus[step], s.median, s.p90);
        }
        const auto t = summarize(totals);
        const auto c = summarize(cardCpu);
        const auto g = summarize(signerCpu);
        std::printf("| **client total** | **%d** | **%.2f** | **%.2f** |\n", totalApdus, t.median,
                    t.p90);
        std::printf("| (card, subtracted) | | %.2f | %.2f |\n", c.median, c.p90);
        std::printf("| (TA signature by the test terminal, subtracted) | | %.2f | %.2f |\n\n",
                    g.median, g.p90);
    }
}

void measureSelfAuthentication(const Options& options) {
    std::printf(
        "## Production self-authentication (eid::SelfAuthentication, DG1-DG5 decoded, passive "
        "authentication and TA signature included): client CPU ms\n\n");
    std::printf("| profile | APDUs | median | p90 |\n|---|---:|---:|---:|\n");
    for (const auto& profile : options.profiles) {
        std::vector<double> cpu;
        int apdus = 0;
        for (int run = 0; run < options.runs; ++run)
            cpu.push_back(meteredRun(profile, runSelfAuthentication, apdus));
        const auto s = summarize(cpu);
        std::printf("| %s | %d | %.2f | %.2f |\n", profile.c_str(), apdus, s.median, s.p90);
    }
    MeteredCard card(freshCard(options.profiles.front()));
    if (runSelfAuthentication(card)) {
        std::printf("\nCommand headers (CLA INS P1 P2) of one run:");
        for (const auto& header : card.headers())
            std::printf(" %s", header.c_str());
        std::printf("\n");
    }
    std::printf("\n");
}

void measureComponents(const Options& options, const sim::TestPki& pki) {
    auto card = freshCard(options.profiles.front());
    const auto components = clientComponents(pki, pki.signCardSecurity(card->cardSecurityInfos()));
    std::printf("## Parts of the production flow beyond the protocol: CPU ms\n\n");
    std::printf("| part | median | p90 |\n|---|---:|---:|\n");
    for (const auto& component : components) {
        std::vector<double> cpu;
        for (int run = 0; run < options.runs; ++run) {
            const long long start = processCpuNanoseconds();
            if (!component.runOnce()) {
                std::fprintf(stderr, "eac_bench: %s failed\n", component.name.c_str());
                std::exit(1);
            }
            cpu.push_back(milliseconds(processCpuNanoseconds() - start));
        }
        const auto s = summarize(cpu);
        std::printf("| %s | %.2f | %.2f |\n", component.name.c_str(), s.median, s.p90);
    }
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr, "usage: eac_bench [--runs N] [--profile NAME]...\n");
        return 2;
    }
    const auto& pki = sim::TestPki::builtIn();
    std::printf("eac_bench: %d runs per profile\n\n", options.runs);
    comparePace(options);
    measureWholeEac(options, pki);
    measureSelfAuthentication(options);
    measureComponents(options, pki);
    return 0;
}
