#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <unordered_set>
#include <vector>

#include "base/Result.h"
#include "service/HttpConnection.h"
#include "service/HttpLimits.h"
#include "service/ServerIdentity.h"

class QTcpServer;

namespace oa::service {

class HttpHandler;

inline constexpr quint16 kDefaultPort = 24727;  // TR-03124-1 eID-Client port

struct LocalHttpServerSettings {
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6)};
    quint16 port = kDefaultPort;  // 0: a free port, the same on every address
    HttpLimits limits;
    HttpTimeouts timeouts;
    std::size_t maxConnections = 0;  // 0: derived from the open-file limit
    ServerIdentity identity = ServerIdentity::ours();
};

// The HTTP/1.1 listener on the loopback interface: one QTcpServer per address, never another
// interface. Checks every request's Host before the handler sees it, and keeps the number of
// connections under a cap by closing the longest-idle one when a new one arrives.
class LocalHttpServer : public QObject {
    Q_OBJECT
public:
    LocalHttpServer(LocalHttpServerSettings settings, HttpHandler& handler,
                    QObject* parent = nullptr);
    ~LocalHttpServer() override;

    // The port listened on. Fails if an address is not loopback, or the port is taken
    // (portInUse()); an address the machine lacks (no IPv6) is skipped.
    Result<quint16> listen();
    void close();

    bool portInUse() const { return portInUse_; }
    quint16 port() const { return port_; }
    QList<QHostAddress> boundAddresses() const;
    std::size_t connectionCount() const { return connections_.size(); }
    std::size_t maxConnections() const { return maxConnections_; }

signals:
    void connectionEvicted();

private:
    Result<quint16> listenOnce(quint16 port);
    void acceptPending(QTcpServer* server);
    bool evictLongestIdle();
    void dispatch(HttpConnection& connection, const HttpRequest& request);

    LocalHttpServerSettings settings_;
    HttpHandler& handler_;
    HttpConnection::Settings connectionSettings_;
    std::vector<QTcpServer*> servers_;
    std::unordered_set<HttpConnection*> connections_;
    std::size_t maxConnections_ = 0;
    quint16 port_ = 0;
    bool portInUse_ = false;
};

}  // namespace oa::service
