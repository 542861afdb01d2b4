#include "app/SelfReadController.h"

#include "app/SecretText.h"
#include "app/StepObservingCard.h"
#include "eac/CscaTrustList.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/PinManagement.h"
#include "eid/SelfAuthentication.h"
#include "sim/pki/TestPki.h"

namespace oa {
namespace {

std::vector<eid::DataGroup> everyDataGroup() {
    std::vector<eid::DataGroup> groups;
    for (auto group : eid::allDataGroups())
        if (group != eid::DataGroup::DG16) groups.push_back(group);
    return groups;
}

Result<std::shared_ptr<const eid::TerminalIdentity>> builtInTerminal() {
    const auto& pki = sim::TestPki::builtIn();
    auto identity = eid::TerminalIdentity::fromMemory(pki.terminalChain(), pki.terminalKeyPkcs8());
    if (!identity) return identity.error();
    return std::make_shared<const eid::TerminalIdentity>(std::move(*identity));
}

}  // namespace

SelfReadController::SelfReadController(CardChooser chooseCard, QObject* parent)
    : CardOperation(std::move(chooseCard), parent) {}

bool SelfReadController::read(const QString& pin, const QString& can) {
    auto request = std::make_shared<eid::SelfAuthenticationRequest>();
    request->dataGroups = everyDataGroup();
    request->pin = secretFromText(pin);
    if (!can.isEmpty()) request->can = secretFromText(can);
    if (!eid::isDigits(request->pin, 6, 6) ||
        (request->can && !eid::isDigits(*request->can, 6, 6))) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    return run(std::move(request));
}

// Empty secrets let the reader ask on its pinpad.
bool SelfReadController::readOnPinpad(bool withCan) {
    lookAtReaders();
    if (!pinpad()) {
        refuse(QStringLiteral("wrongInput"));
        return false;
    }
    auto request = std::make_shared<eid::SelfAuthenticationRequest>();
    request->dataGroups = everyDataGroup();
    if (withCan) request->can = SecureBytes();
    return run(std::move(request));
}

bool SelfReadController::run(std::shared_ptr<eid::SelfAuthenticationRequest> request) {
    data_.clear();
    pinStatus_.clear();
    // The simulator's card carries the test PKI; real cards need developer mode for it.
    return start([this, request, developerMode = developerMode_](Card& card, bool simulated) {
        if (!terminal_) {
            auto made = builtInTerminal();
            if (!made) {
                const Error error = made.error();
                finish([this, error] {
                    setOutcome(false, QStringLiteral("failed"), detailOf(error));
                });
                return;
            }
            terminal_ = *made;
        }
        StepObservingCard observed(card, StepObservingCard::selfAuthenticationSteps(),
                                   [this](int step) { reportStep(step); });
        observed.setPinpadListener(
            [this](int passwordId, bool done, bool) { reportPinpad(passwordId, done); });
        eid::SelfAuthentication session(
            observed, *terminal_,
            eid::passiveAuthentication(eid::cscaTrust(simulated || developerMode)));
        auto result = session.run(*request);
        request->pin.clear();
        request->can.reset();
        const auto pinStatus = session.pinStatus();
        // A failure leaves the step list where it stopped: no data was read.
        if (result) reportStep(Done);
        if (!result) {
            const Error error = result.error();
            finish([this, error, pinStatus] {
                if (pinStatus) pinStatus_ = QString::fromLatin1(eid::toString(*pinStatus));
                setOutcome(false, QStringLiteral("failed"), detailOf(error));
            });
            return;
        }
        auto rows = result->data.describe();
        finish([this, rows = std::move(rows)] {
            data_.setRows(rows);
            setOutcome(true, QStringLiteral("dataRead"));
        });
    });
}

}  // namespace oa
