#include "app/WindowPinLetter.h"

#include "app/Desktop.h"
#include "app/WindowAuthentication.h"

namespace oa {

PinLetterController::Environment windowPinLetterEnvironment(Desktop& desktop,
                                                            std::shared_ptr<DemoWorld> demo) {
    const auto demoService = [&desktop] {
        return desktop.settings().pinLetterServiceUrl().isEmpty() && desktop.readers().demoActive();
    };
    const auto running = [demo, demoService]() -> const DemoWorld::Endpoint* {
        return demoService() && demo->endpoint() ? &*demo->endpoint() : nullptr;
    };
    PinLetterController::Environment environment;
    environment.demo = demoService;
    environment.service = [&desktop, demoService, running] {
        if (!demoService()) return desktop.settings().pinLetterServiceUrl();
        return running() ? running()->pinLetterService : QUrl();
    };
    environment.prepare = [demo, demoService](std::function<void(bool)> ready) {
        if (!demoService()) {
            ready(true);
            return;
        }
        demo->whenRunning([ready](const std::optional<DemoWorld::Endpoint>& endpoint) {
            ready(endpoint.has_value());
        });
    };
    environment.settings = [&desktop, running] {
        workflows::PinLetterSettings settings;
        settings.service = desktop.settings().pinLetterServiceUrl();
        settings.caCertificates = windowAuthSettings(false).caCertificates;
        if (const auto* world = running()) {
            settings.service = world->pinLetterService;
            settings.caCertificates = {world->caCertificate};
        }
        return settings;
    };
    environment.authSettings = [&desktop, running] {
        const bool developerMode = desktop.settings().developerMode();
        auto settings = windowAuthSettings(developerMode || desktop.readers().demoActive());
        settings.developerMode = developerMode;
        if (const auto* world = running()) {
            settings.caCertificates = {world->caCertificate};
            settings.developerMode = true;  // the demo world's terminal is of the test PKI
        }
        return settings;
    };
    return environment;
}

void followWindowService(PinLetterController& controller, Desktop& desktop) {
    QObject::connect(&desktop.readers(), &ReaderListModel::readersChanged, &controller,
                     &PinLetterController::serviceChanged);
    QObject::connect(&desktop.settings(), &AppSettings::pinLetterServiceChanged, &controller,
                     &PinLetterController::serviceChanged);
}

}  // namespace oa
