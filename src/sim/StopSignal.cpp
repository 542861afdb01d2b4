#include "sim/StopSignal.h"

#include <csignal>

namespace oa::sim {
namespace {

volatile std::sig_atomic_t stop = 0;

void onStopSignal(int) {
    stop = 1;
}

}  // namespace

void installStopSignalHandlers() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR and the loop sees the flag
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

bool stopRequested() {
    return stop != 0;
}

}  // namespace oa::sim
