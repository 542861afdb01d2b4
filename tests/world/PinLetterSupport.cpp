#include "PinLetterSupport.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <catch2/catch.hpp>

#include "net/TlsConfiguration.h"

#include "eid/DeveloperModeTrust.h"
#include "eid/PinManagement.h"

namespace oa::sim::test {
namespace {

SecureBytes secret(const std::string& digits) {
    return SecureBytes(
        ByteView(reinterpret_cast<const std::uint8_t*>(digits.data()), digits.size()));
}

}  // namespace

workflows::PinLetterSettings pinLetterSettings(World& world) {
    workflows::PinLetterSettings settings;
    settings.service = world.pinLetterService().origin();
    settings.caCertificates = {world.caCertificate()};
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
    settings.requestsPerMinute = 600;
    settings.requestBurst = 100;
    return settings;
}

std::shared_ptr<net::RetryPolicy> instantRetry(net::RetrySettings settings) {
    return std::make_shared<net::RetryPolicy>(
        settings, [] { return 0.5; }, [](std::chrono::milliseconds) {});
}

std::unique_ptr<net::ServiceClient> instantServiceClient(World& world,
                                                         net::RetrySettings settings) {
    const auto pinLetter = pinLetterSettings(world);
    net::HttpsExchange::Settings exchange;
    exchange.tls = net::TlsConfiguration::eServiceChannel(pinLetter.caCertificates);
    exchange.timeouts = pinLetter.timeouts;
    return std::make_unique<net::ServiceClient>(exchange, instantRetry(settings),
                                                std::make_shared<net::RequestBudget>(600, 100));
}

workflows::AuthSettings pinResetAuthSettings(World& world) {
    workflows::AuthSettings settings;
    settings.caCertificates = {world.caCertificate()};
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(true));
    settings.retry = instantRetry();
    settings.cardWait = std::chrono::milliseconds(2000);
    // The PIN reset terminal of the test PKI counts for CAN-allowed only in developer mode.
    settings.developerMode = true;
    return settings;
}

workflows::PinLetterWorkflow::Authenticate Citizen::authenticate(World& world) {
    interaction = std::make_unique<workflows::ScriptedInteraction>(script);
    return workflows::PinLetterWorkflow::authenticateWith(backend, *interaction,
                                                          pinResetAuthSettings(world));
}

net::HttpsOutcome serviceRequest(World& world, const QByteArray& method, const QString& path,
                                 const QByteArray& idempotencyKey, const QByteArray& body) {
    net::HttpsExchange::Request request;
    request.method = method;
    request.url = QUrl(world.pinLetterService().origin().toString() + path);
    if (!idempotencyKey.isEmpty())
        request.headers.append(qMakePair(QByteArray("Idempotency-Key"), idempotencyKey));
    request.body = body;
    net::HttpsExchange::Settings settings;
    settings.tls = net::TlsConfiguration::eServiceChannel({world.caCertificate()});
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
    QNetworkAccessManager manager;
    return net::HttpsExchange::run(manager, request, settings);
}

QJsonObject jsonOf(const net::HttpsOutcome& outcome) {
    if (!outcome.result) return {};
    return QJsonDocument::fromJson(outcome.result->body).object();
}

void blockPin(SimulatorBackend& backend) {
    auto card = backend.connect(SimulatorBackend::kReaderName);
    REQUIRE(card);
    eid::PinManagement pins(**card);
    CHECK_FALSE(pins.authenticateWithPin(secret("111111")));
    CHECK_FALSE(pins.authenticateWithPin(secret("222222")));
    CHECK_FALSE(pins.authenticateWithPin(secret("333333"), secret("500540")));
    auto status = pins.status();
    REQUIRE(status);
    REQUIRE(status->status == eid::PinStatus::Blocked);
}

}  // namespace oa::sim::test
