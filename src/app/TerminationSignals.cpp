#include "app/TerminationSignals.h"

#include <sys/socket.h>
#include <unistd.h>
#include <QSocketNotifier>
#include <csignal>

namespace oa {
namespace {

// [0] written by the signal handler, [1] read by the event loop. A handler may only do
// async-signal-safe work, so it just writes the signal number.
int wakeFds[2] = {-1, -1};

void onSignal(int signalNumber) {
    const unsigned char number = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const auto written = ::write(wakeFds[0], &number, 1);
}

void install(int signalNumber, void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(signalNumber, &action, nullptr);
}

}  // namespace

TerminationSignals::TerminationSignals(QObject* parent) : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, wakeFds) != 0) {
        qWarning("Cannot watch for termination signals; SIGTERM will end the app abruptly");
        return;
    }
    notifier_ = new QSocketNotifier(wakeFds[1], QSocketNotifier::Read, this);
    connect(notifier_, &QSocketNotifier::activated, this, &TerminationSignals::drain);
    install(SIGINT, onSignal);
    install(SIGTERM, onSignal);
}

TerminationSignals::~TerminationSignals() {
    if (!notifier_) return;
    install(SIGINT, SIG_DFL);
    install(SIGTERM, SIG_DFL);
    ::close(wakeFds[0]);
    ::close(wakeFds[1]);
    wakeFds[0] = wakeFds[1] = -1;
}

void TerminationSignals::drain() {
    unsigned char number = 0;
    while (::read(wakeFds[1], &number, 1) == 1)
        emit received(number);
}

}  // namespace oa
