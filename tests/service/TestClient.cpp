#include "TestClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>

namespace oa::service::test {

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > limit.count()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

std::string RawResponse::header(const std::string& lowerName) const {
    const auto found = headers.find(lowerName);
    return found == headers.end() ? std::string() : found->second;
}

TestClient::TestClient(quint16 port, const QHostAddress& address) {
    socket_.connectToHost(address, port);
}

bool TestClient::isConnected() {
    return waitUntil([this] {
               return socket_.state() == QAbstractSocket::ConnectedState ||
                      socket_.state() == QAbstractSocket::UnconnectedState;
           }) &&
           socket_.state() == QAbstractSocket::ConnectedState;
}

void TestClient::send(const std::string& bytes) {
    socket_.write(bytes.data(), static_cast<qint64>(bytes.size()));
    socket_.flush();
}

std::optional<RawResponse> TestClient::takeResponse() {
    const qsizetype end = buffer_.indexOf("\r\n\r\n");
    if (end < 0) return std::nullopt;
    RawResponse response;
    const QList<QByteArray> lines = buffer_.left(end).split('\n');
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    if (statusLine.size() < 2) return std::nullopt;
    response.status = statusLine[1].toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        response.headers[line.left(colon).toLower().toStdString()] =
            line.mid(colon + 1).trimmed().toStdString();
    }
    qsizetype length = 0;
    if (response.status >= 200 && response.status != 204)
        length = QByteArray::fromStdString(response.header("content-length")).toLongLong();
    if (buffer_.size() < end + 4 + length) return std::nullopt;
    response.body = buffer_.mid(end + 4, length).toStdString();
    buffer_.remove(0, end + 4 + length);
    return response;
}

std::optional<RawResponse> TestClient::next(std::chrono::milliseconds limit) {
    std::optional<RawResponse> response;
    waitUntil(
        [&] {
            buffer_ += socket_.readAll();
            response = takeResponse();
            return response.has_value() || (socket_.state() == QAbstractSocket::UnconnectedState &&
                                            socket_.bytesAvailable() == 0);
        },
        limit);
    return response;
}

bool TestClient::waitClosed(std::chrono::milliseconds limit) {
    return waitUntil(
        [this] {
            buffer_ += socket_.readAll();
            return socket_.state() == QAbstractSocket::UnconnectedState;
        },
        limit);
}

std::string get(const std::string& target, quint16 port, const std::string& extraHeaders) {
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n" +
           extraHeaders + "\r\n";
}

std::optional<RawResponse> roundTrip(quint16 port, const std::string& request) {
    TestClient client(port);
    if (!client.isConnected()) return std::nullopt;
    client.send(request);
    return client.next();
}

void FakeActivation::start(const QUrl& tcTokenUrl, Completion done) {
    ++started;
    lastUrl = tcTokenUrl;
    pending = std::move(done);
}

void FakeActivation::finish(const ActivationOutcome& outcome) {
    Completion done = std::move(pending);
    pending = nullptr;
    if (done) done(outcome);
}

}  // namespace oa::service::test
