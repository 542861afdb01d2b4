#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QTcpSocket>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "service/ActivationHandler.h"

namespace oa::service::test {

// Runs the event loop until `condition` holds or `limit` passes (a guard against hanging, not a
// measurement).
bool waitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds limit = std::chrono::seconds(10));

struct RawResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;
    std::string header(const std::string& lowerName) const;
};

// A browser stand-in on a raw socket in the test's own thread, so the bytes on the wire are exactly
// what the test writes.
class TestClient {
public:
    explicit TestClient(quint16 port, const QHostAddress& address = QHostAddress::LocalHost);
    bool isConnected();
    void send(const std::string& bytes);
    // The next response (1xx interim responses count as responses), or nothing if none came.
    std::optional<RawResponse> next(std::chrono::milliseconds limit = std::chrono::seconds(10));
    bool waitClosed(std::chrono::milliseconds limit = std::chrono::seconds(10));
    void close() { socket_.abort(); }
    QTcpSocket& socket() { return socket_; }

private:
    std::optional<RawResponse> takeResponse();
    QTcpSocket socket_;
    QByteArray buffer_;
};

std::string get(const std::string& target, quint16 port, const std::string& extraHeaders = {});
// One request on a fresh connection; its response.
std::optional<RawResponse> roundTrip(quint16 port, const std::string& request);

// The authentication workflow's stand-in: remembers the start and finishes when the test says.
class FakeActivation : public ActivationHandler {
public:
    void start(const QUrl& tcTokenUrl, Completion done) override;
    void cancel() override { ++cancelled; }
    void finish(const ActivationOutcome& outcome);

    int started = 0;
    int cancelled = 0;
    QUrl lastUrl;
    Completion pending;
};

}  // namespace oa::service::test
