#include "app/HeadlessService.h"

#include "app/ReaderEventLog.h"

namespace oa {

HeadlessService::HeadlessService(std::vector<ReaderFeed*> feeds, QObject* parent)
    : QObject(parent), feeds_(std::move(feeds)) {
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

void HeadlessService::start() {
    qCInfo(lcReaders) << "watching" << feeds_.size() << "reader backend(s)";
    for (ReaderFeed* feed : feeds_)
        feed->start();
}

}  // namespace oa
