#include "app/SdkService.h"

#include "eac/CscaTrustList.h"
#include "eid/DeveloperModeTrust.h"
#include "eid/SelfAuthentication.h"
#include "service/ServiceLog.h"
#include "workflows/UserWorkflowGuard.h"
namespace oa {
namespace {

workflows::AuthSettings authSettingsFor(bool developerMode) {
    workflows::AuthSettings settings;
    settings.developerMode = developerMode;
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(developerMode));
    return settings;
}

}  // namespace

SdkService::SdkService(ReaderBackend& readers, SimulatorBackend* simulator, QObject* parent)
    : QObject(parent) {
    service::SdkWebSocketEndpoint::Settings settings;
    settings.environment.backend = &readers;
    settings.environment.simulator = simulator;
    settings.environment.authSettings = authSettingsFor;
    settings.originAllowList = service::sdkOriginAllowListFromEnvironment();
    settings.isUserWorkflowActive = [] {
        return workflows::UserWorkflowGuard::app().userWorkflowActive();
    };
    endpoint_ = std::make_unique<service::SdkWebSocketEndpoint>(std::move(settings));
    connect(endpoint_.get(), &service::SdkWebSocketEndpoint::clientChanged, this,
            [](bool connected, const QString& userAgent) {
                workflows::UserWorkflowGuard::app().setSdkClientConnected(connected);
                qCInfo(service::lcService)
                    << (connected ? "SDK client connected:" : "SDK client left:") << userAgent;
            });
}

SdkService::~SdkService() {
    endpoint_.reset();  // ends a running workflow
}

void SdkService::attachTo(service::EidClientService& eidClient) {
    eidClient.endpoint().upgradeHandler = endpoint_.get();
}

}  // namespace oa
