#pragma once

#include <QObject>
#include <memory>

#include "card/ReaderBackend.h"
#include "service/EidClientService.h"
#include "service/SdkWebSocketEndpoint.h"

namespace oa {

class SimulatorBackend;

// The AusweisApp-compatible SDK on ws://…:24727/eID-Kernel for the app, over the workflows' reader
// list (`simulator`: the Simulator in it, for SET_CARD) with the trust the workflows need
// (production CSCAs; the test CSCA too when a client asks for developer mode).
class SdkService : public QObject {
    Q_OBJECT
public:
    // `readers` must outlive this.
    SdkService(ReaderBackend& readers, SimulatorBackend* simulator, QObject* parent = nullptr);
    ~SdkService() override;

    // Upgrade requests to /eID-Kernel on the eID-Client listener go to the SDK from now on.
    void attachTo(service::EidClientService& eidClient);
    service::SdkWebSocketEndpoint& endpoint() { return *endpoint_; }

private:
    std::unique_ptr<service::SdkWebSocketEndpoint> endpoint_;
};

}  // namespace oa
