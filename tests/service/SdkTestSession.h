#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <deque>
#include <memory>

#include "TestClient.h"
#include "card/sim/SimulatorBackend.h"
#include "service/SdkSession.h"

namespace oa::service::test {

// An SDK client talking straight to a session (no socket): send a command, read the messages.
struct SdkTestSession {
    explicit SdkTestSession(
        std::shared_ptr<SimulatorBackend> simulator = std::make_shared<SimulatorBackend>(),
        bool runWorkflows = true, std::function<workflows::AuthSettings(bool)> authSettings = {})
        : backend(std::move(simulator)) {
        SdkSession::Environment environment;
        environment.backend = backend.get();
        environment.simulator = backend.get();
        environment.runWorkflows = runWorkflows;
        environment.authSettings = std::move(authSettings);
        environment.cardWait = std::chrono::seconds(20);
        start(environment);
    }
    // Over any backend (a comfort reader's, say), without the Simulator reader's SET_CARD.
    SdkTestSession(ReaderBackend& readers,
                   std::function<workflows::AuthSettings(bool)> authSettings) {
        SdkSession::Environment environment;
        environment.backend = &readers;
        environment.authSettings = std::move(authSettings);
        environment.cardWait = std::chrono::seconds(20);
        start(environment);
    }
    void start(const SdkSession::Environment& environment) {
        session = std::make_unique<SdkSession>(environment, [this](const QByteArray& json) {
            messages.push_back(QJsonDocument::fromJson(json).object());
        });
    }

    void send(const QByteArray& text) { session->handleCommand(text); }
    void command(const char* cmd, QJsonObject fields = {}) {
        fields.insert("cmd", QString::fromLatin1(cmd));
        send(QJsonDocument(fields).toJson(QJsonDocument::Compact));
    }
    // The next message, waiting for workflow events; an empty object if none came.
    QJsonObject next() {
        waitUntil([&] { return !messages.empty(); });
        if (messages.empty()) return {};
        QJsonObject message = messages.front();
        messages.pop_front();
        return message;
    }
    // The next message that is not a STATUS update.
    QJsonObject nextSkippingStatus() {
        for (;;) {
            QJsonObject message = next();
            if (message.value("msg").toString() != "STATUS") return message;
        }
    }
    QJsonObject ask(const char* cmd, QJsonObject fields = {}) {
        command(cmd, std::move(fields));
        return next();
    }

    std::shared_ptr<SimulatorBackend> backend;
    std::deque<QJsonObject> messages;
    std::unique_ptr<SdkSession> session;
};

inline std::shared_ptr<SimulatorBackend> emptySimulator() {
    return std::make_shared<SimulatorBackend>(nullptr);
}

}  // namespace oa::service::test
