// Arbitrary bytes as SDK commands into one session (no socket, no workflow threads): each line is
// one command, so sequences reach the state rules too. Every command must be answered with
// exactly one JSON object carrying "msg".
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "card/sim/SimulatorBackend.h"
#include "service/SdkSession.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static oa::SimulatorBackend simulator;
    oa::service::SdkSession::Environment environment;
    environment.backend = &simulator;
    environment.simulator = &simulator;
    environment.runWorkflows = false;
    int answers = 0;
    oa::service::SdkSession session(environment, [&](const QByteArray& json) {
        const QJsonDocument document = QJsonDocument::fromJson(json);
        if (!document.isObject() || !document.object().value("msg").isString()) std::abort();
        ++answers;
    });
    const QByteArray input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const QByteArray& line : input.split('\n')) {
        const int before = answers;
        session.handleCommand(line);
        // Valid commands like ACCEPT answer nothing only inside a workflow, which never asks here.
        if (answers == before && !session.workflowRunning()) std::abort();
    }
    return 0;
}
