#include "service/SdkWebSocketEndpoint.h"

#include <QTcpSocket>
#include <QWebSocket>

#include "service/HttpResponse.h"
#include "service/ServiceLog.h"

namespace oa::service {

namespace {

const QRegularExpression& kernelPath() {
    static const QRegularExpression path(QStringLiteral("^/eID-Kernel/?$"));
    return path;
}

}  // namespace

QString sdkOriginAllowListFromEnvironment() {
    const QString ours = qEnvironmentVariable("OPENAUSWEIS_WEBSOCKET_ORIGIN");
    return ours.isEmpty() ? qEnvironmentVariable("AUSWEISAPP_WEBSOCKET_ORIGIN") : ours;
}

SdkWebSocketEndpoint::SdkWebSocketEndpoint(Settings settings, QObject* parent)
    : QObject(parent),
      settings_(std::move(settings)),
      server_(QStringLiteral("OpenAusweis"), QWebSocketServer::NonSecureMode) {
    if (!settings_.originAllowList.isEmpty())
        allowedOrigins_ =
            QRegularExpression(QRegularExpression::anchoredPattern(settings_.originAllowList));
    connect(&server_, &QWebSocketServer::newConnection, this, &SdkWebSocketEndpoint::accept);
    // Qt answers pings itself, with no signal to us: the unread pongs are looked at from here.
    unreadCheck_.setInterval(std::chrono::milliseconds(250));
    connect(&unreadCheck_, &QTimer::timeout, this, &SdkWebSocketEndpoint::cutOffIfNotReading);
}

SdkWebSocketEndpoint::~SdkWebSocketEndpoint() {
    session_.reset();
    if (client_) {
        client_->disconnect(this);
        client_->abort();
        delete client_;
    }
}

void SdkWebSocketEndpoint::refuse(HttpResponder& responder, int status, const char* why) {
    HttpResponse response;
    response.status = status;
    response.setHeader("Content-Type", "text/plain; charset=utf-8");
    response.body = why;
    response.closeConnection = true;
    responder.send(std::move(response));
}

void SdkWebSocketEndpoint::handle(const HttpRequest& request, HttpResponder responder) {
    const std::string* upgrade = request.header("Upgrade");
    if (!request.upgrade || !upgrade || !equalsIgnoringCase(*upgrade, "websocket") ||
        !kernelPath()
             .match(QString::fromUtf8(request.path().data(),
                                      static_cast<qsizetype>(request.path().size())))
             .hasMatch())
        return refuse(responder, 404, "Unknown upgrade request.");
    if (const std::string* origin = request.header("Origin")) {
        const bool allowed = !settings_.originAllowList.isEmpty() && allowedOrigins_.isValid() &&
                             allowedOrigins_.match(QString::fromStdString(*origin)).hasMatch();
        if (!allowed) return refuse(responder, 403, "Web pages may not control the eID client.");
    }
    if (client_ || handshakePending_)
        return refuse(responder, 429, "Another SDK client is connected.");
    if (settings_.isUserWorkflowActive && settings_.isUserWorkflowActive())
        return refuse(responder, 409, "The user is running a workflow in the window.");
    QTcpSocket* socket = responder.takeSocket();
    if (!socket) return;
    const std::string* agent = request.header("User-Agent");
    pendingUserAgent_ = agent ? QString::fromStdString(*agent) : QString();
    handshakePending_ = true;
    connect(socket, &QTcpSocket::disconnected, this, [this] { handshakePending_ = false; });
    // SDK messages are small and come in bursts (STATUS, then ENTER_PIN): with Nagle on, the
    // second waited for the client's delayed ACK of the first, up to 40 ms.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    server_.handleConnection(socket);
}

void SdkWebSocketEndpoint::accept() {
    while (QWebSocket* socket = server_.nextPendingConnection()) {
        handshakePending_ = false;
        if (client_) {  // cannot happen through handle(); never two sessions
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated);
            socket->deleteLater();
            continue;
        }
        socket->setMaxAllowedIncomingFrameSize(kSdkMaxMessageBytes);
        socket->setMaxAllowedIncomingMessageSize(kSdkMaxMessageBytes);
        client_ = socket;
        QPointer<QWebSocket> guard(socket);
        session_ =
            std::make_unique<SdkSession>(settings_.environment, [guard](const QByteArray& json) {
                if (guard) guard->sendTextMessage(QString::fromUtf8(json));
            });
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this](const QString& text) { take(text.toUtf8()); });
        connect(socket, &QWebSocket::binaryMessageReceived, this, &SdkWebSocketEndpoint::take);
        connect(socket, &QWebSocket::disconnected, this, &SdkWebSocketEndpoint::clientLeft);
        unreadCheck_.start();
        emit clientChanged(true, pendingUserAgent_);
    }
}

void SdkWebSocketEndpoint::take(const QByteArray& command) {
    if (!session_ || !client_ || cutOffIfNotReading()) return;
    session_->handleCommand(command);
}

bool SdkWebSocketEndpoint::cutOffIfNotReading() {
    if (!client_ || client_->bytesToWrite() <= kSdkMaxUnsentBytes) return false;
    qCInfo(lcService) << "the SDK client reads no answers; disconnecting it";
    // Not close(): its close frame would queue behind the answers the client does not read.
    client_->abort();
    return true;
}

void SdkWebSocketEndpoint::clientLeft() {
    unreadCheck_.stop();
    if (session_ && session_->workflowRunning()) {
        // The workflow ends as cancelled on its own thread; the session goes once it has.
        SdkSession* leaving = session_.release();
        leaving->setParent(this);
        connect(leaving, &SdkSession::workflowFinished, leaving, &QObject::deleteLater);
        leaving->cancelWorkflow();
    }
    session_.reset();
    if (client_) client_->deleteLater();
    client_ = nullptr;
    emit clientChanged(false, {});
}

}  // namespace oa::service
