#include "app/HeadlessService.h"

#include "app/ReaderEventLog.h"
#include "service/ServiceLog.h"

namespace oa {
namespace {

std::unique_ptr<AutomaticActivation> automaticActivationIfAsked(ReaderBackend& readers) {
    auto settings = AutomaticActivation::fromEnvironment();
    return settings ? std::make_unique<AutomaticActivation>(std::move(*settings), readers)
                    : nullptr;
}

}  // namespace

HeadlessService::HeadlessService(std::vector<ReaderFeed*> feeds,
                                 service::LocalHttpServerSettings listener, QObject* parent)
    : QObject(parent),
      readers_(createWorkflowReaders()),
      automatic_(automaticActivationIfAsked(*readers_.all)),
      sdk_(*readers_.all, readers_.simulator),
      eidClient_(automatic_ ? static_cast<service::ActivationHandler&>(*automatic_) : unavailable_,
                 std::move(listener)),
      feeds_(std::move(feeds)) {
    sdk_.attachTo(eidClient_);
    connect(&eidClient_.endpoint(), &service::EidClientEndpoint::showUiRequested, this,
            [](const QString& module) {
                qCInfo(service::lcService) << "asked to show" << module << "(no window: headless)";
            });
    for (ReaderFeed* feed : feeds_) {
        feed->setParent(this);
        connect(feed, &ReaderFeed::eventsOccurred, this,
                [feed](const auto& events) { logReaderEvents(feed->source(), events); });
    }
}

HeadlessService::~HeadlessService() {
    for (ReaderFeed* feed : feeds_)
        feed->stop();
}

std::optional<int> exitStatusFor(const service::ServiceLaunch& launch) {
    switch (launch.outcome) {
        case service::ServiceLaunch::Outcome::Listening:
            return std::nullopt;
        case service::ServiceLaunch::Outcome::HandedOver:
            return 0;
        case service::ServiceLaunch::Outcome::PortTaken:
        case service::ServiceLaunch::Outcome::Failed:
            break;
    }
    return service::kExitPortUnavailable;
}

std::optional<int> HeadlessService::start() {
    if (const auto status = exitStatusFor(eidClient_.start())) return status;
    qCInfo(lcReaders) << "watching" << feeds_.size() << "reader backend(s)";
    for (ReaderFeed* feed : feeds_)
        feed->start();
    return std::nullopt;
}

}  // namespace oa
