#include "service/EidClientService.h"

#include "service/OpenFileLimit.h"
#include "service/ServiceLog.h"

namespace oa::service {

EidClientService::EidClientService(ActivationHandler& activation, LocalHttpServerSettings settings,
                                   QObject* parent)
    : QObject(parent),
      settings_(std::move(settings)),
      endpoint_(activation, settings_.identity),
      server_(settings_, endpoint_) {}

ServiceLaunch EidClientService::start() {
    // Before the cap is derived from it: the cap must stay below what the process may open.
    raiseOpenFileLimit();
    const ServiceLaunch launch = launchLocalService(server_, settings_.addresses, settings_.port);
    const QString line = QString::fromStdString(launch.message);
    switch (launch.outcome) {
        case ServiceLaunch::Outcome::Listening:
        case ServiceLaunch::Outcome::HandedOver:
            qCInfo(lcService).noquote() << line;
            break;
        case ServiceLaunch::Outcome::PortTaken:
        case ServiceLaunch::Outcome::Failed:
            qCCritical(lcService).noquote() << line;
            break;
    }
    return launch;
}

}  // namespace oa::service
