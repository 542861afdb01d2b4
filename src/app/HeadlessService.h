#pragma once

#include <QObject>
#include <optional>
#include <vector>

#include "app/AutomaticActivation.h"
#include "app/ReaderBackends.h"
#include "app/ReaderFeed.h"
#include "app/SdkService.h"
#include "service/EidClientService.h"
#include "service/UnavailableActivation.h"

namespace oa {

// The services without a window: the browser's eID-Client listener, the SDK on /eID-Kernel and
// reader monitoring.
class HeadlessService : public QObject {
    Q_OBJECT
public:
    // Takes ownership of the feeds.
    HeadlessService(std::vector<ReaderFeed*> feeds, service::LocalHttpServerSettings listener,
                    QObject* parent = nullptr);
    ~HeadlessService() override;

    // The exit status when the process must end at once: 0 when another OpenAusweis already
    // runs (it was asked to show itself), service::kExitPortUnavailable when the port is taken.
    std::optional<int> start();

private:
    // Without a window, activations run only in automatic mode (AutomaticActivation); otherwise
    // they end with an error page.
    WorkflowReaders readers_;  // shared by the SDK and automatic activations
    service::UnavailableActivation unavailable_;
    std::unique_ptr<AutomaticActivation> automatic_;
    SdkService sdk_;  // outlives the listener that hands it upgrades
    service::EidClientService eidClient_;
    std::vector<ReaderFeed*> feeds_;
};

// Ends the process's start when the listener cannot run; nothing when it listens.
std::optional<int> exitStatusFor(const service::ServiceLaunch& launch);

}  // namespace oa
