#include <QtQml/qqmlextensionplugin.h>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QQuickStyle>
#include <cstdio>

#include "app/AppOptions.h"
#include "app/Desktop.h"
#include "app/HeadlessService.h"
#include "app/ReaderBackends.h"
#include "app/ReaderEventLog.h"
#include "app/TerminationSignals.h"
#include "base/Version.h"

Q_IMPORT_QML_PLUGIN(OpenAusweisPlugin)

namespace {

void describeApplication() {
    QCoreApplication::setOrganizationName(QStringLiteral("OpenAusweis"));
    QCoreApplication::setApplicationName(QStringLiteral("openausweis"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(oa::kVersion));
}

int runHeadless(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    describeApplication();
    oa::TerminationSignals termination;
    QObject::connect(&termination, &oa::TerminationSignals::received, &app,
                     &QCoreApplication::quit);
    oa::HeadlessService service(oa::createReaderFeeds(nullptr));
    service.start();
    const int status = app.exec();
    qCInfo(oa::lcReaders) << "stopped";
    return status;
}

int runWindow(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    describeApplication();
    // Matches the desktop file and its StartupWMClass, so docks group the window correctly.
    QGuiApplication::setDesktopFileName(QStringLiteral("openausweis"));
    QGuiApplication::setWindowIcon(
        QIcon(QStringLiteral(":/OpenAusweis/resources/openausweis.svg")));
    QQuickStyle::setStyle(QStringLiteral("Material"));
    oa::TerminationSignals termination;
    QObject::connect(&termination, &oa::TerminationSignals::received, &app,
                     &QCoreApplication::quit);
    oa::Desktop desktop(oa::createReaderFeeds(nullptr));
    if (!desktop.start()) return 1;
    return app.exec();
}

}  // namespace

int main(int argc, char** argv) {
    switch (oa::parseAppOptions(argc, argv).mode) {
        case oa::AppOptions::Mode::Version:
            std::fputs(oa::versionText().c_str(), stdout);
            return 0;
        case oa::AppOptions::Mode::Help:
            std::fputs(oa::usageText().c_str(), stdout);
            return 0;
        case oa::AppOptions::Mode::Headless:
            return runHeadless(argc, argv);
        case oa::AppOptions::Mode::Window:
            break;
    }
    return runWindow(argc, argv);
}
