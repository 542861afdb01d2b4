#include "sim/world/OpenSslHttpsListener.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/socket.h>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include "sim/world/HttpRequestReader.h"

namespace oa::sim {
namespace {

constexpr char kCiphers[] =
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";
constexpr char kGroups[] = "brainpoolP512r1:brainpoolP384r1:brainpoolP256r1:secp384r1:prime256v1";
constexpr unsigned char kSessionContext[] = "openausweis-attached";
constexpr int kReadChunk = 16 * 1024;

std::string openSslErrors() {
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        text += (text.empty() ? "" : "; ") + std::string(buffer);
    }
    return text.empty() ? "no OpenSSL error queued" : text;
}

Error setupError(const char* what) {
    return makeError(ErrorCode::Unknown, "The attached test eID-Server could not start",
                     std::string(what) + ": " + openSslErrors());
}

using BioPointer = std::unique_ptr<BIO, decltype(&BIO_free)>;

BioPointer memory(const QByteArray& pem) {
    return BioPointer(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())), &BIO_free);
}

}  // namespace

// One TCP connection: ciphertext moves between the socket and two memory BIOs, plaintext
// requests are cut out of the decrypted stream and answered in order.
class OpenSslHttpsListener::Connection : public QObject {
public:
    Connection(OpenSslHttpsListener& listener, QTcpSocket* socket)
        : QObject(&listener), listener_(listener), socket_(socket) {
        socket_->setParent(this);
        // Handshake flights and answers go out whole; waiting for ACKs only adds latency.
        socket_->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        ssl_.reset(SSL_new(listener.context_.get()));
        SSL_set_bio(ssl_.get(), BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()));
        SSL_set_accept_state(ssl_.get());
        connect(socket_, &QTcpSocket::readyRead, this, [this] { received(); });
        connect(socket_, &QTcpSocket::disconnected, this, [this] { end(); });
        if (socket_->bytesAvailable() > 0) received();
    }

private:
    using SslPointer = std::unique_ptr<SSL, decltype(&SSL_free)>;

    void received() {
        // After a resumed handshake the client's Finished and its first request arrive as two
        // writes; a delayed ACK would hold the second behind Nagle for up to 40 ms.
        const int on = 1;
        setsockopt(int(socket_->socketDescriptor()), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
        const QByteArray bytes = socket_->readAll();
        BIO_write(SSL_get_rbio(ssl_.get()), bytes.constData(), static_cast<int>(bytes.size()));
        if (!established_ && !handshake()) return;
        decrypt();
        flush();
        while (!closed_ && answerNext()) {
        }
    }

    // False while the handshake needs more bytes or when it failed (connection dropped).
    bool handshake() {
        const int result = SSL_do_handshake(ssl_.get());
        if (result == 1) {
            established_ = true;
            ++listener_.handshakes_;
            if (SSL_session_reused(ssl_.get())) ++listener_.resumed_;
            unsigned int length = 0;
            const unsigned char* id = SSL_SESSION_get_id(SSL_get_session(ssl_.get()), &length);
            sessionId_ = QByteArray(reinterpret_cast<const char*>(id), int(length)).toHex();
            resumed_ = SSL_session_reused(ssl_.get()) == 1;
            return true;
        }
        const int error = SSL_get_error(ssl_.get(), result);
        flush();  // the alert, if any
        if (error != SSL_ERROR_WANT_READ) {
            ERR_clear_error();
            ++listener_.failures_;
            close();
        }
        return false;
    }

    void decrypt() {
        char buffer[kReadChunk];
        for (;;) {
            const int count = SSL_read(ssl_.get(), buffer, sizeof buffer);
            if (count > 0) {
                plaintext_.append(buffer, count);
                continue;
            }
            const int error = SSL_get_error(ssl_.get(), count);
            if (error == SSL_ERROR_ZERO_RETURN) return end();
            if (error != SSL_ERROR_WANT_READ) {
                ERR_clear_error();
                close();
            }
            return;
        }
    }

    bool answerNext() {
        HttpRequestRead read = readHttpRequest(plaintext_);
        if (read.verdict == HttpRequestRead::Verdict::NeedMore) return false;
        if (read.verdict == HttpRequestRead::Verdict::TooLarge) {
            write(encodeHttpAnswer(HttpAnswer::html(read.status, "<p>Request too large</p>")));
            close();
            return false;
        }
        read.request.tlsSessionId = sessionId_;
        read.request.tlsResumed = resumed_;
        const HttpAnswer answer = listener_.handler_(read.request);
        if (answer.closeWithoutAnswer) {
            close();
            return false;
        }
        if (answer.delayMilliseconds > 0) {
            QPointer<Connection> guarded(this);
            QTimer::singleShot(answer.delayMilliseconds, this, [guarded, answer] {
                if (guarded && !guarded->closed_) guarded->write(encodeHttpAnswer(answer));
            });
            return !plaintext_.isEmpty();
        }
        write(encodeHttpAnswer(answer));
        return !plaintext_.isEmpty();
    }

    void write(const QByteArray& plaintext) {
        SSL_write(ssl_.get(), plaintext.constData(), static_cast<int>(plaintext.size()));
        flush();
    }

    void flush() {
        BIO* out = SSL_get_wbio(ssl_.get());
        char buffer[kReadChunk];
        while (BIO_ctrl_pending(out) > 0) {
            const int count = BIO_read(out, buffer, sizeof buffer);
            if (count <= 0) break;
            socket_->write(buffer, count);
        }
    }

    // The client is done (close_notify or TCP close after a complete handshake): the session
    // stays resumable. TLS 1.2 no longer ties resumption to a clean close (RFC 5246 7.2.1), and
    // clients often just drop kept-alive connections; OpenSSL would otherwise forget the
    // session when it is freed without a shutdown.
    void end() {
        if (closed_) return;
        if (established_) {
            SSL_set_quiet_shutdown(ssl_.get(), 1);
            SSL_shutdown(ssl_.get());
        }
        close();
    }

    void close() {
        if (closed_) return;
        closed_ = true;
        socket_->abort();
        deleteLater();
    }

    OpenSslHttpsListener& listener_;
    QTcpSocket* socket_;
    SslPointer ssl_{nullptr, &SSL_free};
    QByteArray plaintext_;
    QByteArray sessionId_;
    bool resumed_ = false;
    bool established_ = false;
    bool closed_ = false;
};

OpenSslHttpsListener::OpenSslHttpsListener(const TlsTestPki& pki, Options options, Handler handler,
                                           QObject* parent)
    : QObject(parent), handler_(std::move(handler)), options_(options), pki_(pki) {
    connect(&server_, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket* socket = server_.nextPendingConnection())
            new Connection(*this, socket);
    });
}

OpenSslHttpsListener::~OpenSslHttpsListener() {
    server_.close();
    // Connections are children and go before the context they point into.
    qDeleteAll(findChildren<Connection*>(Qt::FindDirectChildrenOnly));
}

Result<void> OpenSslHttpsListener::listen(const QHostAddress& address, quint16 port) {
    if (auto ok = configure(pki_, options_); !ok) return ok;
    if (!server_.listen(address, port))
        return makeError(
            ErrorCode::Network, "The attached test eID-Server could not start",
            "cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port));
    return {};
}

Result<void> OpenSslHttpsListener::configure(const TlsTestPki& pki, const Options& options) {
    context_.reset(SSL_CTX_new(TLS_server_method()));
    SSL_CTX* context = context_.get();
    if (context == nullptr) return setupError("SSL_CTX_new");
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(context, TLS1_2_VERSION);
    if (SSL_CTX_set_cipher_list(context, kCiphers) != 1) return setupError("cipher list");
    if (SSL_CTX_set1_groups_list(context, kGroups) != 1) return setupError("groups");
    SSL_CTX_set_options(context, SSL_OP_NO_TICKET | SSL_OP_NO_RENEGOTIATION);

    const QSslCertificate& certificate =
        options.hostnameMismatch ? pki.wrongHostCertificate() : pki.serverCertificate();
    const QByteArray certificateText = certificate.toPem();
    auto certificatePem = memory(certificateText);
    std::unique_ptr<X509, decltype(&X509_free)> x509(
        PEM_read_bio_X509(certificatePem.get(), nullptr, nullptr, nullptr), &X509_free);
    auto keyPem = memory(pki.serverKeyPem());
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(keyPem.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
    if (!x509 || !key) return setupError("server certificate or key");
    if (SSL_CTX_use_certificate(context, x509.get()) != 1 ||
        SSL_CTX_use_PrivateKey(context, key.get()) != 1 || SSL_CTX_check_private_key(context) != 1)
        return setupError("server certificate and key");

    // Without resumption the server still hands out session IDs (an ID-less session would be
    // refused by the client before it even tries) but never finds one again.
    SSL_CTX_set_session_cache_mode(
        context, options.resumption ? SSL_SESS_CACHE_SERVER
                                    : SSL_SESS_CACHE_SERVER | SSL_SESS_CACHE_NO_INTERNAL);
    SSL_CTX_set_session_id_context(context, kSessionContext, sizeof kSessionContext - 1);
    return {};
}

}  // namespace oa::sim
