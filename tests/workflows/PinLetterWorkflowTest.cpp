// The PIN letter workflow against a scripted service (no network, no card): bounded tries end in
// "try later" with the order kept, the next run resumes it with the same idempotency key, the
// countdown and cancel work, and the service cannot send the card elsewhere.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "workflows/PinLetterWorkflow.h"

using namespace oa;
using namespace oa::workflows;
using namespace std::chrono_literals;

namespace {

const QUrl kService("https://letters.example:8443");

net::HttpsOutcome jsonAnswer(int status, const QJsonObject& body) {
    net::HttpsResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return net::HttpsOutcome{std::move(response), net::ServerFailure::None};
}

net::HttpsOutcome unavailable() {
    net::HttpsResponse response;
    response.status = 503;
    return net::HttpsOutcome{std::move(response), net::ServerFailure::None};
}

QJsonObject order(const QString& status, const QString& base = kService.toString()) {
    return {{"order", "PRS-000007"},
            {"status", status},
            {"tcTokenUrl", base + "/tcToken?order=PRS-000007"},
            {"statusUrl", base + "/orders/PRS-000007"}};
}

// A scripted service: answers in order, records what it was sent.
struct Service {
    std::vector<net::HttpsOutcome> answers;
    std::vector<net::HttpsExchange::Request> received;
    bool downForever = false;

    net::HttpsOutcome operator()(const net::HttpsExchange::Request& request) {
        received.push_back(request);
        if (downForever || answers.empty()) return unavailable();
        auto next = std::move(answers.front());
        answers.erase(answers.begin());
        return next;
    }
    QByteArray keyOf(std::size_t index) const {
        for (const auto& [name, value] : received.at(index).headers)
            if (name == "Idempotency-Key") return value;
        return {};
    }
};

struct Harness {
    Service service;
    std::vector<std::chrono::milliseconds> slept;
    std::function<bool()> stopAfterSleep = [] { return false; };
    std::unique_ptr<net::ServiceClient> client;
    int authentications = 0;
    QUrl authenticatedAt;
    PinLetterSettings settings;

    Harness() {
        settings.service = kService;
        auto policy = std::make_shared<net::RetryPolicy>(
            settings.retry, [] { return 0.5; },
            [this](std::chrono::milliseconds delay) { slept.push_back(delay); });
        client = std::make_unique<net::ServiceClient>(
            [this](const net::HttpsExchange::Request& request) { return service(request); }, policy,
            nullptr);
    }
    PinLetterWorkflow::Authenticate authenticate(bool ok = true) {
        return [this, ok](const QUrl& url) {
            ++authentications;
            authenticatedAt = url;
            AuthOutcome outcome;
            if (ok)
                outcome.result = net::BrowserResult::success();
            else
                outcome.error = makeError(ErrorCode::AuthenticationFailed, "The CAN is wrong");
            return outcome;
        };
    }
};

}  // namespace

TEST_CASE("PIN letter workflow: a service down for good ends in try later, bounded, order kept",
          "[pinletter]") {
    QTemporaryDir directory;
    const QString path = directory.filePath("state/pin-letter.json");
    Harness harness;
    harness.service.downForever = true;
    PendingOrderStore store(path);
    std::vector<PinLetterStage> stages;
    std::vector<int> countdown;
    PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(), store,
                               {[&](PinLetterStage stage) { stages.push_back(stage); },
                                [&](int seconds) { countdown.push_back(seconds); }});
    const auto outcome = workflow.order();
    CHECK(outcome.stage == PinLetterStage::TryLater);
    CHECK(outcome.requestsSent == harness.settings.retry.maxAttempts);
    REQUIRE(outcome.error);
    CHECK(outcome.error->message.find("try again in a few minutes") != std::string::npos);
    CHECK(harness.authentications == 0);
    CHECK(stages.front() == PinLetterStage::Ordering);
    CHECK(stages.back() == PinLetterStage::TryLater);
    CHECK(std::count(stages.begin(), stages.end(), PinLetterStage::Waiting) ==
          harness.settings.retry.maxAttempts - 1);
    REQUIRE_FALSE(countdown.empty());
    CHECK(countdown.front() == 3);  // half of 6 s
    // Every try carried the same key, and that key is on disk.
    const QByteArray key = harness.service.keyOf(0);
    CHECK(key.size() == 36);
    for (std::size_t i = 0; i < harness.service.received.size(); ++i)
        CHECK(harness.service.keyOf(i) == key);
    PendingOrderStore reloaded(path);
    REQUIRE(reloaded.load());
    const auto pending = reloaded.pending(PendingOrderStore::Kind::Order, kService.toString());
    REQUIRE(pending);
    CHECK(pending->idempotencyKey == key);
}

TEST_CASE("PIN letter workflow: after a restart the pending order is resumed with its key",
          "[pinletter]") {
    QTemporaryDir directory;
    const QString path = directory.filePath("pin-letter.json");
    QByteArray firstKey;
    {
        Harness harness;
        harness.service.downForever = true;
        PendingOrderStore store(path);
        PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(),
                                   store);
        CHECK(workflow.order().stage == PinLetterStage::TryLater);
        firstKey = harness.service.keyOf(0);
    }
    Harness harness;
    harness.service.answers.push_back(jsonAnswer(200, order("awaiting-authentication")));
    harness.service.answers.push_back(jsonAnswer(200, order("letter-sent")));
    PendingOrderStore store(path);
    REQUIRE(store.load());
    PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(), store);
    const auto outcome = workflow.order();
    CHECK(outcome.stage == PinLetterStage::LetterOrdered);
    CHECK(outcome.orderReference == "PRS-000007");
    CHECK(outcome.requestsSent == 2);
    CHECK(harness.service.keyOf(0) == firstKey);
    CHECK(harness.service.received.at(1).method == "GET");
    CHECK(harness.authentications == 1);
    CHECK(harness.authenticatedAt.toString().endsWith("/tcToken?order=PRS-000007"));
    CHECK_FALSE(store.pending(PendingOrderStore::Kind::Order, kService.toString()));
    PendingOrderStore reloaded(path);
    REQUIRE(reloaded.load());
    REQUIRE(reloaded.ordered().size() == 1);
    CHECK(reloaded.ordered().front().reference == "PRS-000007");
}

TEST_CASE("PIN letter workflow: cancel during the countdown stops at once, order kept",
          "[pinletter]") {
    Harness harness;
    harness.service.downForever = true;
    PendingOrderStore store({});
    std::unique_ptr<PinLetterWorkflow> workflow;
    workflow = std::make_unique<PinLetterWorkflow>(
        harness.settings, *harness.client, harness.authenticate(), store,
        PinLetterObserver{{}, [&](int) { workflow->cancel(); }});
    const auto outcome = workflow->order();
    CHECK(outcome.stage == PinLetterStage::Cancelled);
    CHECK(outcome.requestsSent == 1);
    CHECK(store.pending(PendingOrderStore::Kind::Order, kService.toString()));
}

TEST_CASE("PIN letter workflow: a token URL off the service is refused before the card",
          "[pinletter]") {
    Harness harness;
    harness.service.answers.push_back(
        jsonAnswer(201, order("awaiting-authentication", "https://elsewhere.example")));
    PendingOrderStore store({});
    PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(), store);
    const auto outcome = workflow.order();
    CHECK(outcome.stage == PinLetterStage::Failed);
    CHECK(harness.authentications == 0);
    REQUIRE(outcome.error);
    CHECK(outcome.error->message.find("unexpected") != std::string::npos);
}

TEST_CASE("PIN letter workflow: a failed card part keeps the order for the next try",
          "[pinletter]") {
    Harness harness;
    harness.service.answers.push_back(jsonAnswer(201, order("awaiting-authentication")));
    PendingOrderStore store({});
    PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(false),
                               store);
    const auto outcome = workflow.order();
    CHECK(outcome.stage == PinLetterStage::Failed);
    REQUIRE(outcome.error);
    CHECK(outcome.error->message == "The CAN is wrong");
    const auto pending = store.pending(PendingOrderStore::Kind::Order, kService.toString());
    REQUIRE(pending);
    CHECK(pending->reference == "PRS-000007");
}

TEST_CASE("PIN letter workflow: an activation code the service does not know is a plain failure",
          "[pinletter]") {
    Harness harness;
    harness.service.answers.push_back(jsonAnswer(
        404,
        {{"error", "unknown-activation-code"}, {"message", "The activation code is not known"}}));
    PendingOrderStore store({});
    PinLetterWorkflow workflow(harness.settings, *harness.client, harness.authenticate(), store);
    const auto outcome = workflow.activate("ABCD-EFGH-JKMN");
    CHECK(outcome.stage == PinLetterStage::Failed);
    CHECK(outcome.requestsSent == 1);
    REQUIRE(outcome.error);
    CHECK(outcome.error->message.find("not known") != std::string::npos);
    const QJsonObject sent =
        QJsonDocument::fromJson(harness.service.received.front().body).object();
    CHECK(sent.value("activationCode").toString() == "ABCD-EFGH-JKMN");
}

TEST_CASE("Pending order store: an unreadable file is put aside, not in the way", "[pinletter]") {
    QTemporaryDir directory;
    const QString path = directory.filePath("pin-letter.json");
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("{\"version\":1,\"pendingOrders\":[{\"service\":3}]}");
    file.close();
    PendingOrderStore store(path);
    const auto loaded = store.load();
    REQUIRE_FALSE(loaded);
    CHECK(QFile::exists(path + ".unreadable"));
    CHECK_FALSE(QFile::exists(path));
    REQUIRE(store.setPending(
        PendingOrderStore::Kind::Order,
        {kService.toString(), "key-12345678", {}, QDateTime::currentDateTimeUtc()}));
    PendingOrderStore again(path);
    REQUIRE(again.load());
    CHECK(again.pending(PendingOrderStore::Kind::Order, kService.toString()));
}
