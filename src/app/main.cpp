#include <QtQml/qqmlextensionplugin.h>
#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QQuickStyle>
#include <QQuickWindow>
#include <cstdio>

#include "app/AppOptions.h"
#include "app/AuthController.h"
#include "app/Desktop.h"
#include "app/HeadlessService.h"
#include "app/LogBook.h"
#include "app/PinLetterController.h"
#include "app/ReaderBackends.h"
#include "app/ReaderEventLog.h"
#include "app/SdkClientStatus.h"
#include "app/SdkService.h"
#include "app/TerminationSignals.h"
#include "app/WindowAuthentication.h"
#include "app/WindowPinLetter.h"
#include "app/WindowShell.h"
#include "base/SecureBytes.h"
#include "base/Version.h"
#include "service/EidClientService.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("OpenAusweis"));
    QCoreApplication::setApplicationName(QStringLiteral("openausweis"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(oa::kVersion));
}

int runHeadless(int argc, char** argv, const oa::service::LocalHttpServerSettings& listener) {
    // Qt's own poll loop instead of GLib's: with 1,000 idle browser connections open, ?Status
    // throughput was 8.6k (GLib) vs 26.6k req/s (docs/benchmarks.md).
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB")) qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    describeApplication();
    oa::LogBook log{QString()};
    log.install();
    oa::TerminationSignals termination;
    QObject::connect(&termination, &oa::TerminationSignals::received, &app,
                     &QCoreApplication::quit);
    oa::HeadlessService service(oa::createReaderFeeds(nullptr), listener);
    if (const auto status = service.start()) return *status;
    log.writeToDirectory(oa::LogBook::defaultDirectory());
    const int status = app.exec();
    qCInfo(oa::lcReaders) << "stopped";
    return status;
}

int runWindow(int argc, char** argv, const oa::service::LocalHttpServerSettings& listener,
              bool background) {
    // QApplication, not QGuiApplication: the tray icon is a Qt Widgets class.
    QApplication app(argc, argv);
    describeApplication();
    oa::LogBook log{QString()};
    log.install();
    // Before any window: a second start only asks the running one to show itself.
    const oa::WorkflowReaders readers = oa::createWorkflowReaders();
    oa::SdkService sdk(*readers.all, readers.simulator);
    oa::Desktop* desktopShown = nullptr;
    oa::AuthController authentication(*readers.all, [&desktopShown] {
        // Developer mode (Settings) trusts the test PKI for real cards too.
        const bool developerMode = desktopShown && desktopShown->settings().developerMode();
        auto settings = oa::windowAuthSettings(
            developerMode || (desktopShown && desktopShown->readers().demoActive()));
        settings.developerMode = developerMode;
        return settings;
    });
    oa::service::EidClientService eidClient(authentication, listener);
    sdk.attachTo(eidClient);
    if (const auto status = oa::exitStatusFor(eidClient.start())) return *status;
    log.writeToDirectory(oa::LogBook::defaultDirectory());
    // Matches the desktop file and its StartupWMClass, so docks group the window correctly.
    QGuiApplication::setDesktopFileName(QStringLiteral("openausweis"));
    QGuiApplication::setWindowIcon(
        QIcon(QStringLiteral(":/OpenAusweis/resources/openausweis.svg")));
    QQuickStyle::setStyle(QStringLiteral("Material"));
    oa::TerminationSignals termination;
    QObject::connect(&termination, &oa::TerminationSignals::received, &app,
                     &QCoreApplication::quit);
    oa::Desktop desktop(oa::createReaderFeeds(nullptr));
    if (!desktop.start(!background)) return 1;
    oa::WindowShell shell(desktop, background);
    desktopShown = &desktop;
    oa::showAuthenticationIn(desktop, authentication);
    // The replacement PIN asks its card questions through the same authentication screen.
    oa::PinLetterController pinLetter(*readers.all, authentication,
                                      oa::windowPinLetterEnvironment(desktop),
                                      oa::workflows::PendingOrderStore::defaultPath());
    if (QQuickWindow* window = desktop.window())
        window->setProperty("pinLetter", QVariant::fromValue(&pinLetter));
    oa::followWindowService(pinLetter, desktop);
    oa::SdkClientStatus sdkClient;
    sdkClient.follow(sdk.endpoint());
    if (QQuickWindow* window = desktop.window())
        window->setProperty("sdkClient", QVariant::fromValue(&sdkClient));
    const auto raise = [&desktop] {
        if (QQuickWindow* window = desktop.window()) {
            window->show();
            window->raise();
            window->requestActivate();
        }
    };
    QObject::connect(&eidClient.endpoint(), &oa::service::EidClientEndpoint::showUiRequested,
                     &shell, &oa::WindowShell::showModule);
    QObject::connect(&authentication, &oa::AuthController::activationStarted, &desktop, raise);
    const int status = app.exec();
    desktopShown = nullptr;
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    if (const auto protection = oa::keepSecretsOutOfCoreDumps(); !protection)
        std::fprintf(stderr, "openausweis: warning: %s (%s)\n", protection.error().message.c_str(),
                     protection.error().detail.c_str());
    const oa::AppOptions options = oa::parseAppOptions(argc, argv);
    const auto listener = oa::listenerSettings(options);
    if (options.mode == oa::AppOptions::Mode::Invalid || !listener.ok()) {
        const std::string error = listener.ok() ? options.error : listener.error().message;
        std::fprintf(stderr, "openausweis: %s\n%s", error.c_str(), oa::usageText().c_str());
        return 2;
    }
    switch (options.mode) {
        case oa::AppOptions::Mode::Version:
            std::fputs(oa::versionText().c_str(), stdout);
            return 0;
        case oa::AppOptions::Mode::Help:
            std::fputs(oa::usageText().c_str(), stdout);
            return 0;
        case oa::AppOptions::Mode::Headless:
            return runHeadless(argc, argv, *listener);
        case oa::AppOptions::Mode::Window:
        case oa::AppOptions::Mode::Invalid:
            break;
    }
    return runWindow(argc, argv, *listener, options.background);
}
