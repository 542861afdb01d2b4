#pragma once

#include <QHostAddress>
#include <QString>
#include <chrono>
#include <string>

namespace oa::service {

// Who answers on the eID-Client port when we cannot have it: another OpenAusweis (then a second
// start hands over to it), another program (the user has to end it), or nobody.
struct PortHolder {
    enum class Kind { Unreachable, OpenAusweis, OtherProgram, UnknownProgram };
    Kind kind = Kind::Unreachable;
    std::string server;  // its Server header, when it sent one
};

// Both block for at most `timeout`: call them before the event loop runs or from another thread.
PortHolder identifyPortHolder(const QHostAddress& address, quint16 port,
                              std::chrono::milliseconds timeout);
bool askToShowUi(const QHostAddress& address, quint16 port, const QString& module,
                 std::chrono::milliseconds timeout);

// What to tell the user when another program holds the port.
std::string portTakenAdvice(const PortHolder& holder, quint16 port);

}  // namespace oa::service
