#pragma once

#include <time.h>

namespace oa::bench {

// CPU time of the whole process in nanoseconds. The benchmark is single-threaded, so the card's
// share can be measured the same way around its process() calls and subtracted.
inline long long processCpuNanoseconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<long long>(now.tv_sec) * 1'000'000'000LL + now.tv_nsec;
}

// Adds the CPU time of its lifetime to a counter.
class CpuStopwatch {
public:
    explicit CpuStopwatch(long long& total) : total_(total), start_(processCpuNanoseconds()) {}
    ~CpuStopwatch() { total_ += processCpuNanoseconds() - start_; }
    CpuStopwatch(const CpuStopwatch&) = delete;
    CpuStopwatch& operator=(const CpuStopwatch&) = delete;

private:
    long long& total_;
    long long start_;
};

}  // namespace oa::bench
