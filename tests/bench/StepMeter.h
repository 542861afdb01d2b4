#pragma once

#include <string>
#include <vector>

#include "CpuClock.h"
#include "MeteredCard.h"

namespace oa::bench {

struct StepCost {
    std::string step;
    int apdus = 0;
    long long clientCpuNanoseconds = 0;  // the card's and the remote signer's share taken out
};

// Meters named steps against one card: APDUs sent and the client's own CPU time.
class StepMeter {
public:
    explicit StepMeter(MeteredCard& card) : card_(card) {}

    template <typename Step>
    auto measure(const std::string& name, Step&& step) {
        const int apdusBefore = card_.apdus();
        const long long cardBefore = card_.cardCpuNanoseconds();
        const long long signerBefore = signerCpu_;
        const long long start = processCpuNanoseconds();
        auto result = step();
        const long long elapsed = processCpuNanoseconds() - start;
        StepCost cost{
            name, card_.apdus() - apdusBefore,
            elapsed - (card_.cardCpuNanoseconds() - cardBefore) - (signerCpu_ - signerBefore)};
        costs_.push_back(cost);
        return result;
    }

    // Time spent where production has another party (the eID server signing for TA).
    long long& signerCpuNanoseconds() { return signerCpu_; }
    const std::vector<StepCost>& costs() const { return costs_; }

private:
    MeteredCard& card_;
    long long signerCpu_ = 0;
    std::vector<StepCost> costs_;
};

}  // namespace oa::bench
