#include "service/LocalHttpServer.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

#include "service/HttpHandler.h"
#include "service/LoopbackHost.h"
#include "service/OpenFileLimit.h"
#include "service/ServiceLog.h"

namespace oa::service {

namespace {

// File descriptors kept free for everything else the app opens (card readers, TLS, logs).
constexpr std::size_t kReservedFiles = 128;
constexpr std::size_t kDefaultMaxConnections = 4096;
constexpr int kListenBacklog = 1024;

std::size_t connectionCap(std::size_t configured) {
    if (configured > 0) return configured;
    const std::size_t files = openFileLimit();
    const std::size_t available = files > 2 * kReservedFiles ? files - kReservedFiles : files / 2;
    return std::clamp<std::size_t>(available, 16, kDefaultMaxConnections);
}

bool skippable(QAbstractSocket::SocketError error) {
    // The machine lacks that address family or address; the other addresses still serve.
    return error == QAbstractSocket::UnsupportedSocketOperationError ||
           error == QAbstractSocket::SocketAddressNotAvailableError;
}

}  // namespace

LocalHttpServer::LocalHttpServer(LocalHttpServerSettings settings, HttpHandler& handler,
                                 QObject* parent)
    : QObject(parent),
      settings_(std::move(settings)),
      handler_(handler),
      connectionSettings_{settings_.limits, settings_.timeouts, settings_.identity.productToken()} {
}

LocalHttpServer::~LocalHttpServer() {
    close();
    for (HttpConnection* connection : std::vector(connections_.begin(), connections_.end()))
        delete connection;
}

Result<quint16> LocalHttpServer::listen() {
    close();
    portInUse_ = false;
    for (const QHostAddress& address : settings_.addresses) {
        if (!address.isLoopback())
            return makeError(ErrorCode::InvalidInput,
                             "The eID-Client listens on this computer's loopback addresses only.",
                             "refused address " + address.toString().toStdString());
    }
    maxConnections_ = connectionCap(settings_.maxConnections);
    // A free port on the first address may be taken on the next one: pick again.
    const int attempts = settings_.port == 0 ? 5 : 1;
    Result<quint16> bound = makeError(ErrorCode::Network, "");
    for (int attempt = 0; attempt < attempts; ++attempt) {
        bound = listenOnce(settings_.port);
        if (bound.ok() || !portInUse_ || settings_.port != 0) break;
    }
    return bound;
}

Result<quint16> LocalHttpServer::listenOnce(quint16 port) {
    close();
    for (const QHostAddress& address : settings_.addresses) {
        auto* server = new QTcpServer(this);
        server->setListenBacklogSize(kListenBacklog);
        if (!server->listen(address, port)) {
            const auto error = server->serverError();
            const std::string detail = address.toString().toStdString() + " port " +
                                       std::to_string(port) + ": " +
                                       server->errorString().toStdString();
            delete server;
            if (skippable(error)) {
                qCInfo(lcService).noquote() << "not listening on" << QString::fromStdString(detail);
                continue;
            }
            close();
            portInUse_ = error == QAbstractSocket::AddressInUseError;
            return makeError(ErrorCode::Network,
                             portInUse_ ? "The port " + std::to_string(port) +
                                              " is already used by another program."
                                        : "The eID-Client could not listen on its port.",
                             detail);
        }
        port = server->serverPort();
        connect(server, &QTcpServer::newConnection, this,
                [this, server] { acceptPending(server); });
        connect(server, &QTcpServer::acceptError, this,
                [this, server](QAbstractSocket::SocketError error) {
                    // Out of file descriptors: QTcpServer pauses; make room and go on.
                    qCWarning(lcService) << "accept failed:" << error;
                    evictLongestIdle();
                    QTimer::singleShot(100, server, [server] { server->resumeAccepting(); });
                });
        servers_.push_back(server);
    }
    if (servers_.empty())
        return makeError(ErrorCode::Network, "The eID-Client could not listen on its port.",
                         "no loopback address available");
    port_ = port;
    return port_;
}

void LocalHttpServer::close() {
    for (QTcpServer* server : servers_) {
        server->close();
        server->deleteLater();
    }
    servers_.clear();
}

QList<QHostAddress> LocalHttpServer::boundAddresses() const {
    QList<QHostAddress> addresses;
    for (const QTcpServer* server : servers_)
        addresses.append(server->serverAddress());
    return addresses;
}

void LocalHttpServer::acceptPending(QTcpServer* server) {
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        if (connections_.size() >= maxConnections_ && !evictLongestIdle()) {
            // Every connection waits for an answer: the newcomer is the one to go.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* connection = new HttpConnection(
            socket, connectionSettings_,
            [this](HttpConnection& c, const HttpRequest& request) { dispatch(c, request); }, this);
        connections_.insert(connection);
        connect(connection, &HttpConnection::closed, this,
                [this, connection] { connections_.erase(connection); });
    }
}

bool LocalHttpServer::evictLongestIdle() {
    HttpConnection* oldest = nullptr;
    for (HttpConnection* connection : connections_) {
        if (connection->awaitingResponse()) continue;
        if (!oldest || connection->idleSince() < oldest->idleSince()) oldest = connection;
    }
    if (!oldest) return false;
    oldest->abort();
    emit connectionEvicted();
    return true;
}

void LocalHttpServer::dispatch(HttpConnection& connection, const HttpRequest& request) {
    switch (checkHost(request.header("Host"), connection.localPort())) {
        case HostVerdict::Accepted:
            break;
        case HostVerdict::Missing:
            connection.refuse(400, PageReason::MalformedRequest, "no Host header",
                              preferredLanguage(request.header("Accept-Language")));
            return;
        case HostVerdict::NotLoopback:
            connection.refuse(403, PageReason::ForeignHost,
                              "Host is not a loopback name: " + *request.header("Host"),
                              preferredLanguage(request.header("Accept-Language")));
            return;
        case HostVerdict::WrongPort:
            connection.refuse(421, PageReason::ForeignHost,
                              "Host names another port: " + *request.header("Host"),
                              preferredLanguage(request.header("Accept-Language")));
            return;
    }
    handler_.handle(request, HttpResponder(&connection, connection.requestSerial()));
}

}  // namespace oa::service
