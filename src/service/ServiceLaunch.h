#pragma once

#include <QHostAddress>
#include <QList>
#include <chrono>
#include <string>

#include "service/LocalHttpServer.h"

namespace oa::service {

// Starting the eID-Client listener as one instance per user session: when the port is taken by
// another OpenAusweis it is asked to show its window and this start ends; when another program has
// it, the user learns which.
struct ServiceLaunch {
    enum class Outcome { Listening, HandedOver, PortTaken, Failed };
    Outcome outcome = Outcome::Failed;
    quint16 port = 0;
    std::string message;  // one line for the log and the user
};

// The process exit status when the eID-Client port cannot be had.
inline constexpr int kExitPortUnavailable = 3;

// When the port is taken: finds out by whom over HTTP and, if it is OpenAusweis, asks it to show
// itself (HandedOver); else PortTaken with advice. Blocks; safe on any thread.
ServiceLaunch resolvePortConflict(const QList<QHostAddress>& addresses, quint16 port,
                                  std::chrono::milliseconds probeTimeout);

ServiceLaunch launchLocalService(LocalHttpServer& server, const QList<QHostAddress>& addresses,
                                 quint16 port,
                                 std::chrono::milliseconds probeTimeout = std::chrono::seconds(2));

}  // namespace oa::service
