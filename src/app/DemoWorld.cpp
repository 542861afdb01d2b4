#include "app/DemoWorld.h"

#include <QLoggingCategory>

#include "sim/world/World.h"

namespace oa {
namespace {

Q_LOGGING_CATEGORY(lcDemoWorld, "openausweis.demo")

}  // namespace

DemoWorld::DemoWorld(Factory factory, QObject* parent)
    : QObject(parent), factory_(std::move(factory)), context_(new QObject) {
    if (!factory_) factory_ = [] { return sim::World::start({}); };
    thread_.setObjectName(QStringLiteral("demo world"));
    context_->moveToThread(&thread_);
}

DemoWorld::~DemoWorld() {
    halt();  // without calling back: whoever waits may be going away with this
    delete context_;
}

void DemoWorld::whenRunning(std::function<void(std::optional<Endpoint>)> ready) {
    if (endpoint_) {
        ready(endpoint_);
        return;
    }
    waiting_.push_back(std::move(ready));
    if (starting_) return;
    starting_ = true;
    if (!thread_.isRunning()) thread_.start();
    QMetaObject::invokeMethod(context_, [this] {
        std::optional<Endpoint> endpoint;
        if (auto made = factory_()) {
            world_ = std::move(*made);
            endpoint = Endpoint{world_->pinLetterService().origin(), world_->caCertificate()};
        } else {
            qCWarning(lcDemoWorld)
                << "the demo world did not start:" << made.error().detail.c_str();
        }
        // Queued to this object's thread; dropped there if this object is gone by then.
        QMetaObject::invokeMethod(
            this, [this, endpoint] { started(endpoint); }, Qt::QueuedConnection);
    });
}

void DemoWorld::started(std::optional<Endpoint> endpoint) {
    if (!starting_) return;  // stopped meanwhile
    starting_ = false;
    endpoint_ = endpoint;
    if (endpoint_)
        qCInfo(lcDemoWorld) << "demo PIN letter service at"
                            << endpoint_->pinLetterService.toString() << "on its own thread";
    auto waiting = std::move(waiting_);
    waiting_.clear();
    for (auto& ready : waiting)
        ready(endpoint_);
}

void DemoWorld::stop() {
    const bool wasStarting = starting_;
    auto waiting = std::move(waiting_);
    halt();
    if (wasStarting)
        for (auto& ready : waiting)
            ready(std::nullopt);
}

void DemoWorld::halt() {
    if (thread_.isRunning()) {
        // The listeners belong to the world's thread: they are closed and freed there.
        QMetaObject::invokeMethod(
            context_, [this] { world_.reset(); }, Qt::BlockingQueuedConnection);
        thread_.quit();
        thread_.wait();
        qCInfo(lcDemoWorld) << "demo world stopped";
    }
    starting_ = false;
    endpoint_.reset();
    waiting_.clear();
}

}  // namespace oa
