#include "sim/world/HttpsListener.h"

#include "sim/world/HttpRequestReader.h"

#include <QPointer>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTimer>
#include <memory>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace oa::sim {
namespace {

const char* kPskIdentityProperty = "oaPskIdentity";

}  // namespace

QByteArray HttpRequest::header(const QByteArray& name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

HttpAnswer HttpAnswer::html(int status, const QByteArray& body) {
    HttpAnswer answer;
    answer.status = status;
    answer.body = body;
    return answer;
}

HttpAnswer HttpAnswer::redirect(int status, const QByteArray& location) {
    HttpAnswer answer;
    answer.status = status;
    answer.headers.append({"Location", location});
    return answer;
}

HttpsListener::HttpsListener(QSslConfiguration configuration, Handler handler, PskLookup psk,
                             QObject* parent)
    : QObject(parent), handler_(std::move(handler)), psk_(std::move(psk)) {
    server_.setSslConfiguration(configuration);
    if (psk_) {
        connect(&server_, &QSslServer::preSharedKeyAuthenticationRequired, this,
                [this](QSslSocket* socket, QSslPreSharedKeyAuthenticator* authenticator) {
                    const auto key = psk_(authenticator->identity());
                    if (!key) return;
                    socket->setProperty(kPskIdentityProperty, authenticator->identity());
                    authenticator->setPreSharedKey(*key);
                });
    }
    connect(&server_, &QSslServer::errorOccurred, this,
            [this](QSslSocket*, QAbstractSocket::SocketError) { ++failures_; });
    connect(&server_, &QSslServer::peerVerifyError, this, [](QSslSocket*, const QSslError&) {});
    connect(&server_, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* socket = server_.nextPendingConnection()) {
            ++handshakes_;
            serve(static_cast<QSslSocket*>(socket));
        }
    });
}

HttpsListener::~HttpsListener() {
    server_.close();
}

bool HttpsListener::listen(const QHostAddress& address, quint16 port) {
    return server_.listen(address, port);
}

void HttpsListener::serve(QSslSocket* socket) {
    socket->setParent(this);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        // No delayed ACK: a client's second small write would wait behind Nagle for it.
        const int on = 1;
        setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
        buffer->append(socket->readAll());
        while (handleBuffered(socket, *buffer)) {
        }
    });
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
}

// Takes one complete request off the buffer and answers it; false when more bytes are needed or
// the connection is done.
bool HttpsListener::handleBuffered(QSslSocket* socket, QByteArray& buffer) {
    HttpRequestRead read = readHttpRequest(buffer);
    if (read.verdict == HttpRequestRead::Verdict::NeedMore) return false;
    if (read.verdict == HttpRequestRead::Verdict::TooLarge) {
        answer(socket, HttpAnswer::html(read.status, "<p>Request too large</p>"));
        socket->disconnectFromHost();
        return false;
    }
    HttpRequest& request = read.request;
    request.pskIdentity = socket->property(kPskIdentityProperty).toByteArray();
    const HttpAnswer result = handler_(request);
    if (result.closeWithoutAnswer) {
        socket->abort();
        return false;
    }
    if (result.delayMilliseconds > 0) {
        QPointer<QSslSocket> guarded(socket);
        QTimer::singleShot(result.delayMilliseconds, this, [this, guarded, result] {
            if (guarded) answer(guarded, result);
        });
        return !buffer.isEmpty();
    }
    answer(socket, result);
    return !buffer.isEmpty();
}

void HttpsListener::answer(QSslSocket* socket, const HttpAnswer& answer) {
    socket->write(encodeHttpAnswer(answer));
}

}  // namespace oa::sim
