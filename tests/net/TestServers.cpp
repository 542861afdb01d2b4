#include "TestServers.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSslCipher>
#include <QSslEllipticCurve>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTcpServer>
#include <stdexcept>

namespace oa::net::test {
namespace {

void openssl(const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start("openssl", arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        throw std::runtime_error("openssl " + arguments.join(' ').toStdString() +
                                 " failed: " + process.readAll().toStdString());
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error("cannot write " + path.toStdString());
    file.write(content);
}

struct IdentitySpec {
    QString name;
    QStringList newKey;
    QString subjectAltName;
    QString ca;
};

IdentitySpec spec(ServerIdentity identity) {
    const QStringList ec = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"};
    const QString localhost = "DNS:localhost,IP:127.0.0.1";
    switch (identity) {
        case ServerIdentity::EcLocalhost:
            return {"ec-localhost", ec, localhost, "ca"};
        case ServerIdentity::RsaLocalhost:
            return {"rsa-localhost", {"-newkey", "rsa:3072"}, localhost, "ca"};
        case ServerIdentity::SmallRsa:
            return {"rsa2048-localhost", {"-newkey", "rsa:2048"}, localhost, "ca"};
        case ServerIdentity::EcWrongHost:
            return {"ec-wrong-host", ec, "DNS:wrong.example", "ca"};
        case ServerIdentity::EcUntrusted:
            return {"ec-untrusted", ec, localhost, "other-ca"};
    }
    throw std::logic_error("unknown identity");
}

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
        case 429:
            return "Too Many Requests";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

}  // namespace

TestPki& TestPki::instance() {
    static TestPki pki;
    return pki;
}

TestPki::TestPki() {
    if (!directory_.isValid()) throw std::runtime_error("no temporary directory");
}

void TestPki::makeCa(const QString& name) {
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
             "-keyout", path(name + ".key"), "-out", path(name + ".pem"), "-days", "2", "-subj",
             "/CN=OpenAusweis test " + name, "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign"});
}

QSslCertificate TestPki::caCertificate() {
    if (!caMade_) {
        makeCa("ca");
        caMade_ = true;
    }
    return QSslCertificate(readFile(path("ca.pem")), QSsl::Pem);
}

void TestPki::makeServer(ServerIdentity identity) {
    const IdentitySpec s = spec(identity);
    if (s.ca == "ca") caCertificate();
    if (s.ca == "other-ca" && !otherCaMade_) {
        makeCa("other-ca");
        otherCaMade_ = true;
    }
    openssl(QStringList{"req", "-new", "-nodes"} + s.newKey +
            QStringList{"-keyout", path(s.name + ".key"), "-out", path(s.name + ".csr"), "-subj",
                        "/CN=" + s.name});
    writeFile(path(s.name + ".ext"),
              ("subjectAltName=" + s.subjectAltName +
               "\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,"
               "keyEncipherment\nextendedKeyUsage=serverAuth\n")
                  .toUtf8());
    const QString serial =
        "0x" + QString::number(QRandomGenerator::global()->generate64() >> 2, 16);
    openssl({"x509", "-req", "-in", path(s.name + ".csr"), "-CA", path(s.ca + ".pem"), "-CAkey",
             path(s.ca + ".key"), "-set_serial", serial, "-days", "2", "-sha256", "-extfile",
             path(s.name + ".ext"), "-out", path(s.name + ".pem")});
    made_[identity] = CertificateFiles{path(s.name + ".pem"), path(s.name + ".key")};
}

CertificateFiles TestPki::files(ServerIdentity identity) {
    if (!made_.count(identity)) makeServer(identity);
    return made_.at(identity);
}

QSslCertificate TestPki::certificate(ServerIdentity identity) {
    return QSslCertificate(readFile(files(identity).certificate), QSsl::Pem);
}

QSslKey TestPki::key(ServerIdentity identity) {
    const QByteArray pem = readFile(files(identity).key);
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    return key;
}

QByteArray TestRequest::header(QByteArrayView name) const {
    for (const auto& [key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
    return {};
}

TestAnswer TestAnswer::http(int status, const QByteArray& body,
                            const QList<QPair<QByteArray, QByteArray>>& headers) {
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + " " + reasonPhrase(status) +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [name, value] : headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n" + body;
    return TestAnswer{raw};
}

TestAnswer TestAnswer::redirect(int status, const QByteArray& location) {
    return http(status, {}, {{"Location", location}});
}

TestHttpsServer::TestHttpsServer(ServerIdentity identity, Handler handler,
                                 QSsl::SslProtocol protocol)
    : handler_(std::move(handler)) {
    TestPki& pki = TestPki::instance();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(pki.certificate(identity));
    configuration.setPrivateKey(pki.key(identity));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(protocol);
    // The client's curve preference decides, among curves in the reverse of its order.
    configuration.setSslOption(QSsl::SslOptionDisableServerCipherPreference, true);
    QList<QSslEllipticCurve> curves;
    for (const char* name : {"prime256v1", "secp384r1", "brainpoolP256r1", "brainpoolP512r1"})
        curves.append(QSslEllipticCurve::fromShortName(name));
    configuration.setEllipticCurves(curves);
    start(configuration);
}

TestHttpsServer::TestHttpsServer(ServerIdentity identity, QByteArray pskIdentity, QByteArray psk,
                                 Handler handler)
    : handler_(std::move(handler)), pskIdentity_(std::move(pskIdentity)), psk_(std::move(psk)) {
    TestPki& pki = TestPki::instance();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(pki.certificate(identity));
    configuration.setPrivateKey(pki.key(identity));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2);
    configuration.setCiphers({QSslCipher("RSA-PSK-AES256-GCM-SHA384", QSsl::TlsV1_2),
                              QSslCipher("RSA-PSK-AES128-GCM-SHA256", QSsl::TlsV1_2)});
    QObject::connect(&server_, &QSslServer::preSharedKeyAuthenticationRequired, &server_,
                     [this](QSslSocket*, QSslPreSharedKeyAuthenticator* authenticator) {
                         pskIdentities_.append(authenticator->identity());
                         if (authenticator->identity() == pskIdentity_)
                             authenticator->setPreSharedKey(psk_);
                     });
    start(configuration);
}

TestHttpsServer::~TestHttpsServer() {
    server_.close();
}

void TestHttpsServer::start(QSslConfiguration configuration) {
    server_.setSslConfiguration(configuration);
    QObject::connect(&server_, &QTcpServer::pendingConnectionAvailable, &server_, [this] {
        while (QTcpSocket* socket = server_.nextPendingConnection()) {
            ++handshakes_;
            serve(static_cast<QSslSocket*>(socket));
        }
    });
    if (!server_.listen(QHostAddress::LocalHost, 0))
        throw std::runtime_error("test server cannot listen");
}

QUrl TestHttpsServer::url(const QString& path, const QString& host) const {
    return QUrl("https://" + host + ":" + QString::number(port()) + path);
}

void TestHttpsServer::serve(QSslSocket* socket) {
    auto buffer = std::make_shared<QByteArray>();
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        const QByteArray incoming = socket->readAll();
        bytesReceived_ += incoming.size();
        buffer->append(incoming);
        for (;;) {
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) return;
            TestRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            qsizetype length = 0;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon < 0) continue;
                const QByteArray name = lines[i].left(colon).trimmed();
                const QByteArray value = lines[i].mid(colon + 1).trimmed();
                request.headers.append({name, value});
                if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
                    length = value.toLongLong();
            }
            if (buffer->size() < end + 4 + length) return;
            request.body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            requests_.append(request);
            const TestAnswer answer = handler_(request);
            if (answer.close) {
                if (answer.raw.isEmpty()) return socket->abort();
                socket->write(answer.raw);
                return socket->disconnectFromHost();
            }
            if (answer.hold) return;
            socket->write(answer.raw);
        }
    });
}

OpensslServer::OpensslServer(ServerIdentity identity, const QStringList& extraArguments) {
    const CertificateFiles files = TestPki::instance().files(identity);
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start("openssl", QStringList{"s_server", "-accept", "127.0.0.1:0", "-cert",
                                          files.certificate, "-key", files.key, "-www"} +
                                  extraArguments);
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && process_.state() != QProcess::NotRunning) {
        process_.waitForReadyRead(100);
        output_ += QString::fromUtf8(process_.readAll());
        const qsizetype at = output_.indexOf("ACCEPT 127.0.0.1:");
        const qsizetype lineEnd = output_.indexOf('\n', at);
        if (at >= 0 && lineEnd > at) {
            port_ = output_.mid(at + 17, lineEnd - at - 17).trimmed().toUShort();
            return;
        }
    }
}

OpensslServer::~OpensslServer() {
    process_.kill();
    process_.waitForFinished(5000);
}

QUrl OpensslServer::url(const QString& host) const {
    return QUrl("https://" + host + ":" + QString::number(port_) + "/");
}

quint16 closedPort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

}  // namespace oa::net::test
