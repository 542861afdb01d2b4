#pragma once

#include <QObject>
#include <memory>

#include "card/CompositeReaderBackend.h"
#include "service/EidClientService.h"
#include "service/SdkWebSocketEndpoint.h"

namespace oa {

class SimulatorBackend;

// The AusweisApp-compatible SDK on ws://…:24727/eID-Kernel for the app: its own view of every
// reader backend this build has (PC/SC, NFC, the Simulator for SET_CARD) and the trust the
// workflows need (production CSCAs; the test CSCA too when a client asks for developer mode).
class SdkService : public QObject {
    Q_OBJECT
public:
    explicit SdkService(QObject* parent = nullptr);
    ~SdkService() override;

    // Upgrade requests to /eID-Kernel on the eID-Client listener go to the SDK from now on.
    void attachTo(service::EidClientService& eidClient);
    service::SdkWebSocketEndpoint& endpoint() { return *endpoint_; }

private:
    std::unique_ptr<CompositeReaderBackend> readers_;
    SimulatorBackend* simulator_ = nullptr;
    std::unique_ptr<service::SdkWebSocketEndpoint> endpoint_;
};

}  // namespace oa
