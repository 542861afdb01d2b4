#include "net/HttpsExchange.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QSslPreSharedKeyAuthenticator>
#include <QTimer>
#include <cstring>
#include <optional>

namespace oa::net {
namespace {

constexpr qint64 kReadChunk = 64 * 1024;

std::string describe(QNetworkReply& reply, const QStringList& sslErrors) {
    std::string detail = reply.errorString().toStdString() + " (QNetworkReply error " +
                         std::to_string(static_cast<int>(reply.error())) + ")";
    for (const QString& sslError : sslErrors)
        detail += "; " + sslError.toStdString();
    return detail;
}

HttpsOutcome failed(ServerFailure failure, Error error) {
    return HttpsOutcome{Result<HttpsResponse>(std::move(error)), failure};
}

Error cancelledError(const QString& host) {
    return makeError(ErrorCode::Cancelled, "The operation was cancelled.",
                     "cancelled during the request to " + host.toStdString());
}

// Maps a transport failure to words about the server; status codes are not errors here.
HttpsOutcome transportFailure(QNetworkReply& reply, const QString& host,
                              const QStringList& sslErrors) {
    const std::string server = "The server " + host.toStdString();
    const std::string detail = describe(reply, sslErrors);
    switch (reply.error()) {
        case QNetworkReply::ConnectionRefusedError:
            return failed(ServerFailure::Refused,
                          serverFailureError(ServerFailure::Refused, host, detail));
        case QNetworkReply::TimeoutError:
            return failed(ServerFailure::Timeout,
                          serverFailureError(ServerFailure::Timeout, host, detail));
        case QNetworkReply::HostNotFoundError:
            return failed(ServerFailure::Other,
                          makeError(ErrorCode::Network, server + " could not be found.", detail));
        case QNetworkReply::RemoteHostClosedError:
        case QNetworkReply::ContentReSendError:  // dropped after the request; not sent again
            return failed(
                ServerFailure::Other,
                makeError(ErrorCode::Network, server + " closed the connection.", detail));
        case QNetworkReply::SslHandshakeFailedError:
            if (!sslErrors.isEmpty())
                return failed(ServerFailure::Other,
                              makeError(ErrorCode::AuthenticationFailed,
                                        server + " presented a certificate that cannot be "
                                                 "trusted; the connection was refused.",
                                        detail));
            return failed(ServerFailure::Other,
                          makeError(ErrorCode::AuthenticationFailed,
                                    "No secure connection to " + host.toStdString() +
                                        " could be established.",
                                    detail));
        default:
            return failed(
                ServerFailure::Other,
                makeError(ErrorCode::Network,
                          "The connection to " + host.toStdString() + " failed.", detail));
    }
}

QNetworkRequest buildRequest(const HttpsExchange::Request& request,
                             const HttpsExchange::Settings& settings) {
    QNetworkRequest networkRequest(request.url);
    networkRequest.setSslConfiguration(settings.tls);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                                QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute,
                                QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute,
                                QNetworkRequest::Manual);
    // Without this Qt asks for gzip and inflates behind our size limit.
    networkRequest.setRawHeader("Accept-Encoding", "identity");
    for (const auto& [name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    return networkRequest;
}

// Qt reports HTTP error statuses as errors too; those are answers. Anything else (connection
// dropped mid-body, broken chunking) means the answer is incomplete.
bool onlyStatusError(QNetworkReply::NetworkError error) {
    if (error == QNetworkReply::NoError) return true;
    if (error == QNetworkReply::ContentReSendError) return false;
    // Qt files HTTP 400 under its protocol errors; it is an answer with a body all the same.
    if (error == QNetworkReply::ProtocolInvalidOperationError) return true;
    const int code = static_cast<int>(error);
    return (code >= 201 && code <= 299) || (code >= 401 && code <= 499);
}

// Request body that can be read once and never rewound.
class OneShotUpload : public QIODevice {
public:
    explicit OneShotUpload(QByteArray data) : data_(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override {
        return data_.size() - position_ + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override {
        const qint64 count = std::min<qint64>(maxSize, data_.size() - position_);
        std::memcpy(data, data_.constData() + position_, static_cast<std::size_t>(count));
        position_ += count;
        return count == 0 && maxSize > 0 ? -1 : count;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray data_;
    qint64 position_ = 0;
};

// The state of one exchange while the local event loop runs.
class Exchange {
public:
    Exchange(QNetworkReply& reply, const QString& host, const HttpsExchange::Settings& settings)
        : reply_(reply), host_(host), settings_(settings) {}

    void watch(QEventLoop& loop, QTimer& handshakeTimer, QTimer& requestTimer, QTimer& cancelPoll) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [this] {
            if (settings_.cancelled && settings_.cancelled())
                stop(ServerFailure::Other, cancelledError(host_));
        });
        QObject::connect(&reply_, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&reply_, &QNetworkReply::sslErrors, &loop,
                         [this](const QList<QSslError>& errors) {
                             for (const QSslError& error : errors)
                                 sslErrors_.append(error.errorString());
                         });
        QObject::connect(&reply_, &QNetworkReply::encrypted, &loop, [this, &handshakeTimer] {
            handshakeTimer.stop();
            if (settings_.handshakeDone) settings_.handshakeDone();
            if (auto ok = settings_.check(host_, reply_.sslConfiguration()); !ok)
                return stop(ServerFailure::Other, ok.error());
            if (settings_.sessionCheck)
                if (auto ok = settings_.sessionCheck(reply_.sslConfiguration()); !ok)
                    return stop(ServerFailure::Other, ok.error());
            if (settings_.handshakeOnly) {
                handshake_ = reply_.sslConfiguration();
                reply_.abort();
            }
        });
        QObject::connect(&reply_, &QNetworkReply::preSharedKeyAuthenticationRequired, &loop,
                         [this](QSslPreSharedKeyAuthenticator* authenticator) {
                             if (settings_.psk) settings_.psk(authenticator);
                         });
        // A reused keep-alive connection may not report encrypted again; headers prove it is up.
        QObject::connect(&reply_, &QNetworkReply::metaDataChanged, &loop, [this, &handshakeTimer] {
            handshakeTimer.stop();
            const QVariant length = reply_.header(QNetworkRequest::ContentLengthHeader);
            if (length.isValid() && length.toLongLong() > settings_.maxBodyBytes) tooLarge();
        });
        QObject::connect(&reply_, &QNetworkReply::readyRead, &loop, [this] { readBody(); });
        QObject::connect(&handshakeTimer, &QTimer::timeout, &loop,
                         [this] { timedOut("no secure connection within the handshake timeout"); });
        QObject::connect(&requestTimer, &QTimer::timeout, &loop,
                         [this] { timedOut("no complete answer within the request timeout"); });
    }

    HttpsOutcome finish() {
        if (failure_) return std::move(*failure_);
        if (settings_.handshakeOnly) return handshakeResult();
        readBody();
        if (failure_) return std::move(*failure_);
        const QVariant status = reply_.attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid() || !onlyStatusError(reply_.error()))
            return transportFailure(reply_, host_, sslErrors_);
        HttpsResponse response;
        response.status = status.toInt();
        response.headers = reply_.rawHeaderPairs();
        response.body = std::move(body_);
        response.url = reply_.url();
        response.cipher = reply_.sslConfiguration().sessionCipher();
        response.ephemeralServerKey = reply_.sslConfiguration().ephemeralServerKey();
        response.tlsSession = reply_.sslConfiguration().sessionTicket();
        const QSslCertificate certificate = reply_.sslConfiguration().peerCertificate();
        if (!certificate.isNull()) response.certificates.append(certificate);
        return HttpsOutcome{std::move(response), ServerFailure::None};
    }

private:
    HttpsOutcome handshakeResult() {
        if (!handshake_) return transportFailure(reply_, host_, sslErrors_);
        HttpsResponse response;
        response.url = reply_.url();
        response.cipher = handshake_->sessionCipher();
        response.ephemeralServerKey = handshake_->ephemeralServerKey();
        response.tlsSession = handshake_->sessionTicket();
        response.certificates.append(handshake_->peerCertificate());
        return HttpsOutcome{std::move(response), ServerFailure::None};
    }

    void stop(ServerFailure failure, Error error) {
        if (failure_) return;
        failure_ = HttpsOutcome{Result<HttpsResponse>(std::move(error)), failure};
        reply_.abort();
    }

    void timedOut(const char* what) {
        stop(ServerFailure::Timeout, serverFailureError(ServerFailure::Timeout, host_, what));
    }

    void tooLarge() {
        stop(ServerFailure::Other,
             makeError(ErrorCode::InvalidInput,
                       "The server " + host_.toStdString() + " sent an answer that is too large.",
                       "body exceeds " + std::to_string(settings_.maxBodyBytes) + " bytes"));
    }

    void readBody() {
        while (!failure_ && reply_.bytesAvailable() > 0) {
            const QByteArray chunk = reply_.read(kReadChunk);
            if (body_.size() + chunk.size() > settings_.maxBodyBytes) return tooLarge();
            body_.append(chunk);
        }
    }

    QNetworkReply& reply_;
    const QString& host_;
    const HttpsExchange::Settings& settings_;
    QStringList sslErrors_;
    QByteArray body_;
    std::optional<HttpsOutcome> failure_;
    std::optional<QSslConfiguration> handshake_;
};

}  // namespace

HttpsOutcome HttpsExchange::run(QNetworkAccessManager& manager, const Request& request,
                                const Settings& settings) {
    const QString host = request.url.host();
    if (!request.url.isValid() || request.url.scheme() != QLatin1String("https") || host.isEmpty())
        return failed(ServerFailure::Other,
                      makeError(ErrorCode::InvalidInput,
                                "The address " + request.url.toDisplayString().toStdString() +
                                    " is not a secure (https) address.",
                                "refused scheme '" + request.url.scheme().toStdString() + "'"));

    if (settings.cancelled && settings.cancelled())
        return failed(ServerFailure::Other, cancelledError(host));

    // Qt 6.4 silently re-sends a request, POST included, when a kept-alive connection drops
    // before the answer; an upload that cannot be rewound makes that fail instead. A PAOS message
    // must never reach the eID-Server twice.
    auto* upload = new OneShotUpload(request.body);
    QNetworkRequest networkRequest = buildRequest(request, settings);
    QNetworkReply* reply = nullptr;
    if (request.method == "GET") {
        reply = manager.get(networkRequest);
    } else {
        networkRequest.setHeader(QNetworkRequest::ContentLengthHeader, request.body.size());
        networkRequest.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        reply = manager.sendCustomRequest(networkRequest, request.method, upload);
    }
    upload->setParent(reply);  // Qt may still hold it until the reply is gone
    reply->setReadBufferSize(kReadChunk);

    QEventLoop loop;
    QTimer handshakeTimer;
    QTimer requestTimer;
    handshakeTimer.setSingleShot(true);
    requestTimer.setSingleShot(true);
    QTimer cancelPoll;
    Exchange exchange(*reply, host, settings);
    exchange.watch(loop, handshakeTimer, requestTimer, cancelPoll);
    handshakeTimer.start(settings.timeouts.handshake);
    requestTimer.start(settings.timeouts.request);
    if (settings.cancelled) cancelPoll.start(kCancelPoll);
    if (!reply->isFinished()) loop.exec();
    HttpsOutcome outcome = exchange.finish();
    reply->disconnect();
    reply->deleteLater();
    return outcome;
}

}  // namespace oa::net
