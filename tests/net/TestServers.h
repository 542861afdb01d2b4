#pragma once

// Loopback TLS peers for the net tests: a test PKI made with the openssl CLI into a temporary
// directory, an HTTPS server on QSslServer with scripted answers (and PSK), and `openssl s_server`
// as an independent peer for the handshakes our client must refuse.

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <functional>
#include <map>
#include <memory>

namespace oa::net::test {

enum class ServerIdentity {
    EcLocalhost,   // P-256 for localhost and 127.0.0.1, issued by the test CA
    RsaLocalhost,  // RSA 3072 (RSA-PSK needs an RSA certificate)
    SmallRsa,      // RSA 2048: below the 3000 bit minimum
    EcWrongHost,   // P-256 for wrong.example only
    EcUntrusted,   // P-256 for localhost from a CA the client does not know
};

struct CertificateFiles {
    QString certificate;  // PEM
    QString key;          // PEM
};

class TestPki {
public:
    static TestPki& instance();

    QSslCertificate caCertificate();
    CertificateFiles files(ServerIdentity identity);
    QSslCertificate certificate(ServerIdentity identity);
    QSslKey key(ServerIdentity identity);
    QString path(const QString& name) const { return directory_.filePath(name); }

private:
    TestPki();
    void makeCa(const QString& name);
    void makeServer(ServerIdentity identity);

    QTemporaryDir directory_;
    std::map<ServerIdentity, CertificateFiles> made_;
    bool caMade_ = false;
    bool otherCaMade_ = false;
};

struct TestRequest {
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const;
};

struct TestAnswer {
    QByteArray raw;      // a complete HTTP response; empty with hold: never answer
    bool hold = false;   // keep the connection open without answering
    bool close = false;  // close the connection after raw (abort it if raw is empty)

    static TestAnswer http(int status, const QByteArray& body = {},
                           const QList<QPair<QByteArray, QByteArray>>& headers = {});
    static TestAnswer redirect(int status, const QByteArray& location);
};

// An HTTPS server on 127.0.0.1 with a scripted handler; HTTP/1.1 keep-alive, Content-Length only.
class TestHttpsServer {
public:
    using Handler = std::function<TestAnswer(const TestRequest&)>;

    explicit TestHttpsServer(ServerIdentity identity, Handler handler,
                             QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater);
    // Serves RSA-PSK over TLS 1.2 only, accepting exactly this identity and key.
    TestHttpsServer(ServerIdentity identity, QByteArray pskIdentity, QByteArray psk,
                    Handler handler);
    ~TestHttpsServer();

    quint16 port() const { return server_.serverPort(); }
    QUrl url(const QString& path = "/", const QString& host = "localhost") const;
    const QList<TestRequest>& requests() const { return requests_; }
    qint64 bytesReceived() const { return bytesReceived_; }
    int handshakes() const { return handshakes_; }
    QList<QByteArray> pskIdentitiesSeen() const { return pskIdentities_; }

private:
    void start(QSslConfiguration configuration);
    void serve(QSslSocket* socket);

    QSslServer server_;
    Handler handler_;
    QList<TestRequest> requests_;
    qint64 bytesReceived_ = 0;
    int handshakes_ = 0;
    QByteArray pskIdentity_;
    QByteArray psk_;
    QList<QByteArray> pskIdentities_;
};

// `openssl s_server -www` with extra arguments on 127.0.0.1 and a free port.
class OpensslServer {
public:
    OpensslServer(ServerIdentity identity, const QStringList& extraArguments);
    ~OpensslServer();
    bool running() const { return port_ != 0; }
    quint16 port() const { return port_; }
    QUrl url(const QString& host = "localhost") const;
    QString output() {
        output_ += QString::fromUtf8(process_.readAll());
        return output_;
    }

private:
    QProcess process_;
    quint16 port_ = 0;
    QString output_;
};

// A port on 127.0.0.1 nobody listens on (bound once, then closed).
quint16 closedPort();

}  // namespace oa::net::test
