// The fault matrix (fault x APDU) on the in-process backend: an online authentication against the
// simulation world and a PIN change, with the card pulled, the reader unplugged, a card that stops
// answering, a slow card, a short-APDU-only reader and garbage answers, at every APDU. Each cell
// must end with a message for the user, and the next attempt on the same backend must succeed.
//
// `OA_FAULT_MATRIX_OUT=docs-table.md workflows_tests "[.faultmatrix]"` writes the table recorded in
// docs/reliability.md.
#include <QUrlQuery>
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "FaultInjection.h"
#include "TestWorldSettings.h"
#include "eid/PinManagement.h"
#include "sim/world/World.h"
#include "workflows/AuthWorkflow.h"
#include "workflows/ScriptedInteraction.h"

using namespace oa;
using namespace oa::test;
using namespace oa::workflows;
using namespace std::chrono_literals;

namespace {

constexpr auto kSlowApdu = 1500ms;

struct Cell {
    std::string flow;
    Fault fault;
    int apdu = 0;
    std::string step;
    std::string command;
    bool passed = false;
    std::string message;  // what the user is told
    std::string detail;
};

std::string commandName(const std::string& headerHex) {
    const std::string ins = headerHex.substr(2, 2);
    const std::string p1p2 = headerHex.substr(4, 4);
    static const std::map<std::string, std::string> names = {
        {"A4", "SELECT"},
        {"B0", "READ BINARY"},
        {"B1", "READ BINARY"},
        {"86", "GENERAL AUTHENTICATE"},
        {"84", "GET CHALLENGE"},
        {"2A", "PSO:VERIFY CERTIFICATE"},
        {"82", "EXTERNAL AUTHENTICATE"},
        {"2C", "RESET RETRY COUNTER"},
        {"C0", "GET RESPONSE"},
    };
    if (ins == "22") {
        if (p1p2 == "C1A4") return "MSE:SET AT (PACE)";
        if (p1p2 == "81A4") return "MSE:SET AT (TA)";
        if (p1p2 == "41A4") return "MSE:SET AT (CA)";
        if (p1p2 == "81B6") return "MSE:SET DST";
        return "MSE:SET";
    }
    auto found = names.find(ins);
    return found == names.end() ? "INS " + ins : found->second;
}

bool faultEndsInSuccess(Fault fault) {
    return fault == Fault::SlowCard || fault == Fault::ShortApdusOnly;
}

// --- online authentication against the world ----------------------------------------------

AuthOutcome authenticate(sim::World& world, FaultyBackend& backend) {
    ScriptedInteraction::Script script;
    script.pins = {"123456"};
    auto plan = backend.plan();
    script.onProgress = [plan](AuthStep step) {
        std::lock_guard lock(plan->mutex);
        plan->currentStep = toString(step);
    };
    ScriptedInteraction interaction(script);
    AuthWorkflow workflow(backend, interaction, authSettingsFor(world, 300ms));
    return workflow.run(world.eService().tcTokenUrl());
}

std::string describe(const AuthOutcome& outcome) {
    if (!outcome.error) return "ok";
    return outcome.error->message + " | " + outcome.error->detail;
}

// Runs one cell: the fault at `apdu`, then the repaired next attempt.
Cell authenticationCell(sim::World& world, FaultyBackend& backend, Fault fault, int apdu) {
    auto plan = backend.arm(fault, apdu, kSlowApdu);
    const auto outcome = authenticate(world, backend);
    Cell cell{"online authentication",         fault, apdu, plan->firedStep,
              commandName(plan->firedCommand), false, {},   {}};
    if (!plan->fired) cell.step = "-";
    if (fault == Fault::ShortApdusOnly) {
        cell.step = "whole flow";
        cell.command =
            "every command, " + std::to_string(plan->extendedRefused) + " extended refused";
    }
    if (outcome.error) {
        cell.message = outcome.error->message;
        cell.detail = outcome.error->detail;
    }
    const bool browserToldSomething = !outcome.redirectUrl.isEmpty() || outcome.errorPageStatus;
    const bool endedAsExpected = faultEndsInSuccess(fault)
                                     ? outcome.ok()
                                     : (!outcome.ok() && outcome.error &&
                                        !outcome.error->message.empty() && browserToldSomething);
    backend.repair();
    const auto next = authenticate(world, backend);
    INFO(toString(fault) << " at APDU " << apdu << " (" << cell.step << ", " << cell.command
                         << "): " << describe(outcome) << "; next attempt: " << describe(next));
    CHECK(plan->fired);
    CHECK(endedAsExpected);
    CHECK(plan->extendedRefused == 0);
    CHECK(next.ok());
    cell.passed = plan->fired && endedAsExpected && next.ok();
    if (faultEndsInSuccess(fault)) cell.message = outcome.ok() ? "(succeeds)" : cell.message;
    return cell;
}

int countApdus(const std::function<void(FaultyBackend&)>& flow, FaultyBackend& backend) {
    auto plan = backend.arm(Fault::CardRemoved, 0);
    flow(backend);
    return plan->sent;
}

// --- PIN change ------------------------------------------------------------------------------

struct PinChangeRun {
    bool ok = false;
    std::optional<Error> error;
};

PinChangeRun changePin(FaultyBackend& backend) {
    {
        std::lock_guard lock(backend.plan()->mutex);
        backend.plan()->currentStep = "PIN change";
    }
    auto card = backend.connect(SimulatorBackend::kReaderName);
    if (!card) return {false, card.error()};
    eid::PinManagement pins(**card);
    auto changed =
        pins.changePin(SecureBytes::fromAscii("123456"), SecureBytes::fromAscii("123456"));
    if (!changed) return {false, changed.error()};
    return {true, std::nullopt};
}

Cell pinChangeCell(FaultyBackend& backend, Fault fault, int apdu) {
    auto plan = backend.arm(fault, apdu, kSlowApdu);
    const auto run = changePin(backend);
    const std::string command = commandName(plan->firedCommand);
    Cell cell{
        "PIN change", fault,
        apdu,         command == "RESET RETRY COUNTER" ? "new PIN under secure messaging" : "PACE",
        command,      false,
        {},           {}};
    if (fault == Fault::ShortApdusOnly) {
        cell.step = "whole flow";
        cell.command =
            "every command, " + std::to_string(plan->extendedRefused) + " extended refused";
    }
    if (run.error) {
        cell.message = run.error->message;
        cell.detail = run.error->detail;
    }
    const bool endedAsExpected =
        faultEndsInSuccess(fault) ? run.ok : (!run.ok && run.error && !run.error->message.empty());
    backend.repair();
    const auto next = changePin(backend);
    INFO(toString(fault) << " at APDU " << apdu << " (" << cell.command << "): "
                         << (run.error ? run.error->message + " | " + run.error->detail : "ok")
                         << "; next attempt: "
                         << (next.error ? next.error->message + " | " + next.error->detail : "ok"));
    CHECK(plan->fired);
    CHECK(endedAsExpected);
    CHECK(next.ok);
    cell.passed = plan->fired && endedAsExpected && next.ok;
    if (faultEndsInSuccess(fault)) cell.message = run.ok ? "(succeeds)" : cell.message;
    return cell;
}

// Which APDUs a fault is tried at: every one, except for the slow card (one per command kind and
// step, as each slow cell costs real seconds) and the short-only reader (a property of the reader).
std::vector<int> apdusFor(Fault fault, const std::vector<std::string>& labels) {
    std::vector<int> chosen;
    if (fault == Fault::ShortApdusOnly) return {1};
    std::set<std::string> seen;
    for (int i = 1; i <= static_cast<int>(labels.size()); ++i) {
        if (fault == Fault::SlowCard && !seen.insert(labels[i - 1]).second) continue;
        chosen.push_back(i);
    }
    return chosen;
}

// The step and command of each APDU of a clean run, for choosing the slow cells.
std::vector<std::string> labelClean(FaultyBackend& backend,
                                    const std::function<void(FaultyBackend&)>& flow) {
    std::vector<std::string> labels;
    const int total = countApdus(flow, backend);
    for (int i = 1; i <= total; ++i) {
        auto plan = backend.arm(Fault::SlowCard, 0);
        // A zero-delay "slow" fault records step and command without changing anything.
        plan->atApdu = i;
        plan->slowDelay = 0ms;
        flow(backend);
        labels.push_back(plan->firedStep + " " + commandName(plan->firedCommand));
    }
    backend.repair();
    return labels;
}

std::vector<Cell> authenticationRow(Fault fault) {
    auto world = startTestWorld();
    FaultyBackend backend;
    const auto flow = [&world](FaultyBackend& b) { (void)authenticate(*world, b); };
    std::vector<std::string> labels;
    if (fault == Fault::SlowCard) {
        labels = labelClean(backend, flow);
    } else {
        labels.resize(countApdus(flow, backend));
    }
    REQUIRE(labels.size() > 20);
    std::vector<Cell> cells;
    for (int apdu : apdusFor(fault, labels))
        cells.push_back(authenticationCell(*world, backend, fault, apdu));
    return cells;
}

std::vector<Cell> pinChangeRow(Fault fault) {
    FaultyBackend backend;
    const auto flow = [](FaultyBackend& b) { (void)changePin(b); };
    std::vector<std::string> labels;
    if (fault == Fault::SlowCard) {
        labels = labelClean(backend, flow);
    } else {
        labels.resize(countApdus(flow, backend));
    }
    REQUIRE(labels.size() >= 8);
    std::vector<Cell> cells;
    for (int apdu : apdusFor(fault, labels))
        cells.push_back(pinChangeCell(backend, fault, apdu));
    return cells;
}

const std::vector<Fault> kFaults = {
    Fault::CardRemoved, Fault::ReaderUnplugged, Fault::CardSilent,
    Fault::SlowCard,    Fault::RandomBytes,     Fault::WrongStatusWord,
    Fault::Truncated,   Fault::Oversize,        Fault::ShortApdusOnly,
};

// One table line per flow, fault and step: the APDUs tried, how many passed, the messages.
void writeTable(const std::vector<Cell>& cells, std::ostream& out) {
    out << "| flow | fault | step (commands) | APDUs | passed | what the user is told |\n"
        << "|---|---|---|---|---|---|\n";
    struct Line {
        std::set<std::string> commands;
        int tried = 0, passed = 0;
        std::set<std::string> messages;
    };
    std::vector<std::pair<std::string, Line>> lines;
    for (const auto& cell : cells) {
        const std::string key = cell.flow + " | " + toString(cell.fault) + " | " + cell.step;
        auto it = std::find_if(lines.begin(), lines.end(),
                               [&key](const auto& line) { return line.first == key; });
        if (it == lines.end()) it = lines.insert(lines.end(), {key, Line{}});
        it->second.commands.insert(cell.command);
        ++it->second.tried;
        if (cell.passed) ++it->second.passed;
        it->second.messages.insert(cell.message.empty() ? "(none)" : cell.message);
    }
    const auto join = [](const std::set<std::string>& items) {
        std::string text;
        for (const auto& item : items)
            text += (text.empty() ? "" : "; ") + item;
        return text;
    };
    for (const auto& [key, line] : lines) {
        const std::string flowFault = key.substr(0, key.rfind(" | "));
        const std::string step = key.substr(key.rfind(" | ") + 3);
        out << "| " << flowFault << " | " << step << " (" << join(line.commands) << ") | "
            << line.tried << " | " << (line.passed == line.tried ? "pass" : "FAIL") << " "
            << line.passed << "/" << line.tried << " | " << join(line.messages) << " |\n";
    }
}

}  // namespace

// One test case per fault, so ctest runs the rows in parallel and each stays well inside the
// sanitizer build's time limit.
#define OA_AUTHENTICATION_ROW(fault, name)                                                \
    TEST_CASE("Fault matrix, online authentication: " name " at every APDU ends cleanly", \
              "[faults][world]") {                                                        \
        for (const auto& cell : authenticationRow(fault))                                 \
            CHECK(cell.passed);                                                           \
    }

OA_AUTHENTICATION_ROW(Fault::CardRemoved, "card removed")
OA_AUTHENTICATION_ROW(Fault::ReaderUnplugged, "reader unplugged")
OA_AUTHENTICATION_ROW(Fault::CardSilent, "card stops answering")
OA_AUTHENTICATION_ROW(Fault::SlowCard, "slow card")
OA_AUTHENTICATION_ROW(Fault::RandomBytes, "random bytes")
OA_AUTHENTICATION_ROW(Fault::WrongStatusWord, "wrong status word")
OA_AUTHENTICATION_ROW(Fault::Truncated, "truncated answer")
OA_AUTHENTICATION_ROW(Fault::Oversize, "oversize answer")
OA_AUTHENTICATION_ROW(Fault::ShortApdusOnly, "short APDUs only")

TEST_CASE("Fault matrix, PIN change: every fault at every APDU ends cleanly", "[faults]") {
    const Fault fault = GENERATE(from_range(kFaults));
    DYNAMIC_SECTION(toString(fault)) {
        for (const auto& cell : pinChangeRow(fault))
            CHECK(cell.passed);
    }
}

TEST_CASE("Fault matrix: the table for docs/reliability.md", "[.faultmatrix]") {
    std::vector<Cell> cells;
    for (Fault fault : kFaults) {
        auto row = authenticationRow(fault);
        cells.insert(cells.end(), row.begin(), row.end());
    }
    for (Fault fault : kFaults) {
        auto row = pinChangeRow(fault);
        cells.insert(cells.end(), row.begin(), row.end());
    }
    const char* path = std::getenv("OA_FAULT_MATRIX_OUT");
    std::ofstream out(path ? path : "fault-matrix.md");
    writeTable(cells, out);
    CHECK(out.good());
}
