#include "app/SdkService.h"

#include "eac/CscaTrustList.h"
#include "eid/SelfAuthentication.h"
#include "service/ServiceLog.h"
#include "sim/pki/EmbeddedTestPki.h"
#ifdef OA_HAVE_PCSC
#include "card/pcsc/PcscBackend.h"
#endif
#ifdef OA_HAVE_SIMULATOR
#include "card/sim/SimulatorBackend.h"
#endif
#ifdef OA_HAVE_NFC
#include "card/nfc/NfcBackend.h"
#endif

namespace oa {
namespace {

workflows::AuthSettings authSettingsFor(bool developerMode) {
    workflows::AuthSettings settings;
    eac::CscaTrustList trust = eac::CscaTrustList::production();
    if (developerMode) {
        if (auto pem = sim::embeddedTestPkiFile("csca.pem"))
            if (auto test = eac::CscaTrustList::fromPem(std::string(pem->begin(), pem->end())))
                trust.add(*test);
        settings.developerMode = true;
    }
    settings.verifyCardSecurity = eid::passiveAuthentication(std::move(trust));
    return settings;
}

}  // namespace

SdkService::SdkService(QObject* parent) : QObject(parent) {
    std::vector<std::unique_ptr<ReaderBackend>> backends;
#ifdef OA_HAVE_PCSC
    backends.push_back(std::make_unique<PcscBackend>());
#endif
#ifdef OA_HAVE_NFC
    backends.push_back(std::make_unique<NfcBackend>());
#endif
#ifdef OA_HAVE_SIMULATOR
    auto simulator = std::make_unique<SimulatorBackend>();
    simulator_ = simulator.get();
    backends.push_back(std::move(simulator));
#endif
    readers_ = std::make_unique<CompositeReaderBackend>(std::move(backends));

    service::SdkWebSocketEndpoint::Settings settings;
    settings.environment.backend = readers_.get();
    settings.environment.simulator = simulator_;
    settings.environment.authSettings = authSettingsFor;
    settings.originAllowList = service::sdkOriginAllowListFromEnvironment();
    settings.isUserWorkflowActive = [] { return false; };
    endpoint_ = std::make_unique<service::SdkWebSocketEndpoint>(std::move(settings));
    connect(endpoint_.get(), &service::SdkWebSocketEndpoint::clientChanged, this,
            [](bool connected, const QString& userAgent) {
                qCInfo(service::lcService)
                    << (connected ? "SDK client connected:" : "SDK client left:") << userAgent;
            });
}

SdkService::~SdkService() {
    endpoint_.reset();  // ends a running workflow before the readers go
}

void SdkService::attachTo(service::EidClientService& eidClient) {
    eidClient.endpoint().upgradeHandler = endpoint_.get();
}

}  // namespace oa
