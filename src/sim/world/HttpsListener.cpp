#include "sim/world/HttpsListener.h"

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

constexpr qsizetype kMaxHeaderBytes = 16 * 1024;
constexpr qsizetype kMaxBodyBytes = 1024 * 1024;
const char* kPskIdentityProperty = "oaPskIdentity";

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 302:
            return "Found";
        case 303:
            return "See Other";
        case 307:
            return "Temporary Redirect";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 413:
            return "Payload Too Large";
        case 429:
            return "Too Many Requests";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

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
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > kMaxHeaderBytes) {
            answer(socket, HttpAnswer::html(431, "<p>Request header too large</p>"));
            socket->disconnectFromHost();
        }
        return false;
    }
    HttpRequest request;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon <= 0) continue;
        const QByteArray name = lines[i].left(colon).trimmed();
        const QByteArray value = lines[i].mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) length = value.toLongLong();
    }
    if (length < 0 || length > kMaxBodyBytes) {
        answer(socket, HttpAnswer::html(413, "<p>Request too large</p>"));
        socket->disconnectFromHost();
        return false;
    }
    if (buffer.size() < end + 4 + length) return false;
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
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
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(answer.status) + " " +
                     reasonPhrase(answer.status) + "\r\n";
    if (!answer.body.isEmpty() || answer.status == 200)
        raw += "Content-Type: " + answer.contentType + "\r\n";
    raw += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n";
    raw += "Cache-Control: no-store\r\n";
    for (const auto& [name, value] : answer.headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n" + answer.body;
    socket->write(raw);
}

}  // namespace oa::sim
