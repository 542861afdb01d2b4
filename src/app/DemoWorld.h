#pragma once

#include <QObject>
#include <QSslCertificate>
#include <QThread>
#include <QUrl>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "base/Result.h"

namespace oa {
namespace sim {
class World;
}

// The local simulation world of demo mode on a thread of its own: started at the first request,
// its listeners are made and serve there, so the GUI thread never waits for TLS keys or requests.
// Stopped (on its thread) by stop() or the destructor. Use from the thread that made it.
class DemoWorld : public QObject {
    Q_OBJECT
public:
    // What a client needs of the running world.
    struct Endpoint {
        QUrl pinLetterService;
        QSslCertificate caCertificate;
    };
    // Runs on the world's thread; default: sim::World::start with default options.
    using Factory = std::function<Result<std::unique_ptr<sim::World>>()>;

    explicit DemoWorld(Factory factory = {}, QObject* parent = nullptr);
    ~DemoWorld() override;

    // Starts the world unless it runs or is starting; `ready` is called on this object's thread
    // once it is up (the endpoint) or could not start (nullopt), at once if it already runs.
    void whenRunning(std::function<void(std::optional<Endpoint>)> ready);
    // Set while the world runs.
    const std::optional<Endpoint>& endpoint() const { return endpoint_; }
    bool starting() const { return starting_; }
    // Ends the world on its thread, then the thread; whoever waits for a start gets nullopt. A
    // later whenRunning() starts a new world.
    void stop();
    // The thread the world's objects live and serve on (for diagnosis and tests).
    const QThread& worldThread() const { return thread_; }

private:
    void started(std::optional<Endpoint> endpoint);
    void halt();

    Factory factory_;
    QThread thread_;
    QObject* context_;  // lives on thread_: queued calls to it run there
    // Touched only on thread_.
    std::unique_ptr<sim::World> world_;
    // This object's thread only.
    std::optional<Endpoint> endpoint_;
    bool starting_ = false;
    std::vector<std::function<void(std::optional<Endpoint>)>> waiting_;
};

}  // namespace oa
