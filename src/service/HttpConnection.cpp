#include "service/HttpConnection.h"

#include <sys/socket.h>

#include <QPointer>
#include <QTcpSocket>
#include <ctime>

#include "service/ServiceLog.h"

namespace oa::service {

namespace {

// After the last answer, how long a closing connection may still deliver bytes we discard, so the
// kernel does not reset the connection before the browser has read that answer.
constexpr std::chrono::milliseconds kLinger{2000};

// Answers not yet taken by the kernel. Beyond this the next pipelined request waits until the
// client reads: an answer is far larger than its request, so a client that sends without reading
// would otherwise grow our write buffer without bound.
constexpr qint64 kMaxUnsentBytes = 64 * 1024;

}  // namespace

HttpConnection::HttpConnection(QTcpSocket* socket, const Settings& settings,
                               RequestCallback onRequest, QObject* parent)
    : QObject(parent),
      socket_(socket),
      settings_(settings),
      onRequest_(std::move(onRequest)),
      parser_(settings.limits),
      idleSince_(std::chrono::steady_clock::now()) {
    socket_->setParent(this);
    // The parser refuses a request before it can outgrow this; the rest stays in the kernel.
    const auto& limits = settings_.limits;
    socket_->setReadBufferSize(static_cast<qint64>(limits.maxTargetBytes + limits.maxHeaderBytes +
                                                   limits.maxBodyBytes + 8 * 1024));
    requestTimer_.setSingleShot(true);
    idleTimer_.setSingleShot(true);
    lingerTimer_.setSingleShot(true);
    connect(&requestTimer_, &QTimer::timeout, this,
            [this] { refuse(408, PageReason::Timeout, "request not complete in time"); });
    connect(&idleTimer_, &QTimer::timeout, this, [this] { abort(); });
    connect(&lingerTimer_, &QTimer::timeout, this, [this] { abort(); });
    connect(socket_, &QTcpSocket::readyRead, this, [this] {
        if (closing_)
            socket_->skip(socket_->bytesAvailable());
        else if (!awaiting_)
            readBuffered();
    });
    connect(socket_, &QTcpSocket::bytesWritten, this, [this] {
        if (closing_ && socket_->bytesToWrite() == 0) lingerAfterShutdown();
        if (!closing_ && !awaiting_ && socket_->bytesToWrite() <= kMaxUnsentBytes) readBuffered();
    });
    connect(socket_, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    idleTimer_.start(settings_.timeouts.idle);
    if (socket_->bytesAvailable() > 0) readBuffered();
}

HttpConnection::~HttpConnection() = default;

quint16 HttpConnection::localPort() const {
    return socket_ ? socket_->localPort() : 0;
}

void HttpConnection::readBuffered() {
    readScheduled_ = false;
    if (closing_ || awaiting_ || finished_) return;
    if (socket_->bytesToWrite() > kMaxUnsentBytes) return;  // bytesWritten reads on
    // Peeked, not read: the bytes of a request stay in the socket until it is complete, so an
    // upgrade can be handed on with its handshake unread.
    const QByteArray buffered = socket_->peek(socket_->bytesAvailable());
    if (static_cast<std::size_t>(buffered.size()) <= fed_) return;
    if (parser_.state() == HttpRequestParser::State::Waiting) beginRequestTimer();
    const std::string_view fresh(buffered.constData() + fed_, buffered.size() - fed_);
    fed_ += parser_.feed(fresh);

    if (parser_.state() == HttpRequestParser::State::Failed) {
        const int status = parser_.failureStatus();
        const bool tooLarge = status == 413 || status == 414 || status == 431;
        refuse(status, tooLarge ? PageReason::TooLarge : PageReason::MalformedRequest,
               parser_.failureDetail());
        return;
    }
    if (parser_.state() != HttpRequestParser::State::Complete) return;

    requestTimer_.stop();
    unreadRequest_ = fed_;
    fed_ = 0;
    const HttpRequest request = parser_.request();
    parser_.reset();
    awaiting_ = true;
    ++serial_;
    keepAlive_ = request.keepAlive;
    headRequest_ = request.method == "HEAD";
    interimAllowed_ = request.atLeastHttp11();
    QPointer<HttpConnection> alive(this);
    onRequest_(*this, request);
    if (alive && !finished_ && unreadRequest_ > 0) {
        socket_->skip(static_cast<qint64>(unreadRequest_));
        unreadRequest_ = 0;
    }
}

QTcpSocket* HttpConnection::takeSocket(quint64 serial) {
    if (!awaiting_ || serial != serial_ || closing_ || finished_) return nullptr;
    QTcpSocket* socket = socket_;
    disconnect(socket, nullptr, this, nullptr);
    socket->setReadBufferSize(0);
    socket->setParent(nullptr);
    socket_ = nullptr;
    unreadRequest_ = 0;
    awaiting_ = false;
    finish();
    return socket;
}

void HttpConnection::beginRequestTimer() {
    idleTimer_.stop();
    requestTimer_.start(settings_.timeouts.untilEndOfHeaders);
}

bool HttpConnection::sendInterim(quint64 serial, int status) {
    if (!awaiting_ || serial != serial_ || closing_ || !interimAllowed_) return false;
    socket_->write(QByteArray::fromStdString(serializeInterim(status)));
    return true;
}

bool HttpConnection::respond(quint64 serial, HttpResponse response) {
    if (!awaiting_ || serial != serial_ || closing_ || finished_) return false;
    awaiting_ = false;
    const bool keepAlive = keepAlive_ && !response.closeConnection;
    const ResponseFraming framing{settings_.serverToken, keepAlive, headRequest_,
                                  std::time(nullptr)};
    socket_->write(QByteArray::fromStdString(serialize(response, framing)));
    if (!keepAlive) {
        closeGracefully();
        return true;
    }
    idleSince_ = std::chrono::steady_clock::now();
    idleTimer_.start(settings_.timeouts.idle);
    // A pipelined request may already wait in the buffer; read it from the event loop so an
    // answer given inside the handler does not recurse.
    if (!readScheduled_) {
        readScheduled_ = true;
        QMetaObject::invokeMethod(this, &HttpConnection::readBuffered, Qt::QueuedConnection);
    }
    return true;
}

void HttpConnection::refuse(int status, PageReason reason, const std::string& detail,
                            PageLanguage language) {
    if (closing_ || finished_) return;
    qCInfo(lcService).noquote() << "refused with" << status << QString::fromStdString(detail);
    HttpResponse response = errorPage(status, reason, language);
    response.closeConnection = true;
    const ResponseFraming framing{settings_.serverToken, false, false, std::time(nullptr)};
    socket_->write(QByteArray::fromStdString(serialize(response, framing)));
    awaiting_ = false;
    closeGracefully();
}

void HttpConnection::closeGracefully() {
    closing_ = true;
    unreadRequest_ = 0;
    requestTimer_.stop();
    idleTimer_.stop();
    lingerTimer_.start(kLinger);
    socket_->skip(socket_->bytesAvailable());
    if (socket_->bytesToWrite() == 0) lingerAfterShutdown();
}

void HttpConnection::lingerAfterShutdown() {
    // Half-close: the browser sees the end of our answer, and what it still sends is discarded
    // until it closes too (or the linger time ends), instead of the kernel resetting the answer.
    socket_->flush();
    if (socket_->bytesToWrite() == 0 && socket_->socketDescriptor() >= 0)
        ::shutdown(static_cast<int>(socket_->socketDescriptor()), SHUT_WR);
}

void HttpConnection::abort() {
    if (finished_) return;
    if (socket_) socket_->abort();
    finish();
}

void HttpConnection::finish() {
    if (finished_) return;
    finished_ = true;
    requestTimer_.stop();
    idleTimer_.stop();
    lingerTimer_.stop();
    emit closed();
    deleteLater();
}

}  // namespace oa::service
