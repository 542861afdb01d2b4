#include "app/WindowPinLetter.h"

#include <QLoggingCategory>
#include <memory>

#include "app/Desktop.h"
#include "app/WindowAuthentication.h"
#include "sim/world/World.h"

namespace oa {
namespace {

Q_LOGGING_CATEGORY(lcPinLetter, "openausweis.pinletter")

// Started at the first demo order, stopped with the controller.
struct DemoWorld {
    std::unique_ptr<sim::World> world;

    sim::World* get() {
        if (world) return world.get();
        auto started = sim::World::start({});
        if (!started) {
            qCWarning(lcPinLetter)
                << "the demo PIN letter service did not start:" << started.error().detail.c_str();
            return nullptr;
        }
        world = std::move(*started);
        qCInfo(lcPinLetter) << "demo PIN letter service at"
                            << world->pinLetterService().origin().toString();
        return world.get();
    }
};

}  // namespace

PinLetterController::Environment windowPinLetterEnvironment(Desktop& desktop) {
    auto demo = std::make_shared<DemoWorld>();
    const auto demoService = [&desktop] {
        return PinLetterController::configuredService().isEmpty() && desktop.readers().demoActive();
    };
    PinLetterController::Environment environment;
    environment.demo = demoService;
    environment.service = [demo, demoService] {
        if (!demoService()) return PinLetterController::configuredService();
        return demo->world ? demo->world->pinLetterService().origin() : QUrl();
    };
    environment.settings = [demo, demoService] {
        workflows::PinLetterSettings settings;
        settings.service = PinLetterController::configuredService();
        settings.caCertificates = windowAuthSettings(false).caCertificates;
        if (demoService()) {
            if (sim::World* world = demo->get()) {
                settings.service = world->pinLetterService().origin();
                settings.caCertificates = {world->caCertificate()};
            }
        }
        return settings;
    };
    environment.authSettings = [demo, demoService, &desktop] {
        const bool developerMode = desktop.settings().developerMode();
        auto settings = windowAuthSettings(developerMode || desktop.readers().demoActive());
        settings.developerMode = developerMode;
        if (demoService() && demo->world) {
            settings.caCertificates = {demo->world->caCertificate()};
            settings.developerMode = true;  // the demo world's terminal is of the test PKI
        }
        return settings;
    };
    return environment;
}

}  // namespace oa
