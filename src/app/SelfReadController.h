#pragma once

#include <QtQml/qqmlregistration.h>
#include <memory>
#include <optional>

#include "app/CardOperation.h"
#include "app/EidDataListModel.h"
#include "eid/SelfAuthentication.h"
#include "eid/TerminalIdentity.h"

namespace oa {

// "My data": self-authentication with the built-in test terminal identity against the chosen
// reader (in demo mode the in-process simulator card), the data as a list model. The test
// CSCA is trusted for the simulator's card, and for every card in developer mode; otherwise a real
// card must pass under the production CSCAs.
class SelfReadController : public oa::CardOperation {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(oa::EidDataListModel* data READ data CONSTANT)
    // After a failure that concerns the PIN: eid::toString(PinStatus), else empty.
    Q_PROPERTY(QString pinStatus READ pinStatus NOTIFY stateChanged)
public:
    enum Step { Idle, Connecting, Pace, TerminalAuthentication, ChipAuthentication, Reading, Done };
    Q_ENUM(Step)

    explicit SelfReadController(CardChooser chooseCard, QObject* parent = nullptr);

    EidDataListModel* data() { return &data_; }
    QString pinStatus() const { return pinStatus_; }

    // `pin`: 6 digits; `can`: empty or 6 digits, for a suspended PIN. Outcomes: "dataRead",
    // "failed", "noCard", "wrongInput".
    Q_INVOKABLE bool read(const QString& pin, const QString& can = {});
    // On a comfort reader: the PIN (and the CAN first, with `withCan`) is typed on its pinpad.
    Q_INVOKABLE bool readOnPinpad(bool withCan);

    // Developer mode: the test CSCA is trusted for every card, not only the simulator's. Applies
    // from the next read on.
    void setDeveloperMode(bool on) { developerMode_ = on; }
    bool developerMode() const { return developerMode_; }

private:
    bool run(std::shared_ptr<eid::SelfAuthenticationRequest> request);

    EidDataListModel data_;
    QString pinStatus_;
    bool developerMode_ = false;
    std::shared_ptr<const eid::TerminalIdentity> terminal_;  // made on the worker, once
};

}  // namespace oa
