#include "service/ServiceLaunch.h"

#include "service/PortHolder.h"

namespace oa::service {

namespace {

std::string listeningMessage(const LocalHttpServer& server) {
    std::string text = "eID-Client listening on";
    const char* separator = " ";
    for (const QHostAddress& address : server.boundAddresses()) {
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                                 : address.toString();
        text += separator + ("http://" + host.toStdString() + ':' + std::to_string(server.port()) +
                             "/eID-Client");
        separator = ", ";
    }
    return text;
}

}  // namespace

ServiceLaunch launchLocalService(LocalHttpServer& server, const QList<QHostAddress>& addresses,
                                 quint16 port, std::chrono::milliseconds probeTimeout) {
    const Result<quint16> listening = server.listen();
    if (listening.ok())
        return {ServiceLaunch::Outcome::Listening, *listening, listeningMessage(server)};
    if (!server.portInUse())
        return {ServiceLaunch::Outcome::Failed, port,
                listening.error().message + " (" + listening.error().detail + ")"};
    return resolvePortConflict(addresses, port, probeTimeout);
}

ServiceLaunch resolvePortConflict(const QList<QHostAddress>& addresses, quint16 port,
                                  std::chrono::milliseconds probeTimeout) {
    PortHolder holder;
    for (const QHostAddress& address : addresses) {
        holder = identifyPortHolder(address, port, probeTimeout);
        if (holder.kind == PortHolder::Kind::OpenAusweis) {
            if (askToShowUi(address, port, QStringLiteral("CURRENT"), probeTimeout))
                return {ServiceLaunch::Outcome::HandedOver, port,
                        "OpenAusweis already runs (" + holder.server +
                            "); it was asked to show its window"};
            break;
        }
        if (holder.kind != PortHolder::Kind::Unreachable) break;
    }
    return {ServiceLaunch::Outcome::PortTaken, port, portTakenAdvice(holder, port)};
}

}  // namespace oa::service
