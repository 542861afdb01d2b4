#include "app/WindowAuthentication.h"

#include <QQuickWindow>
#include <QSslCertificate>
#include <QSslConfiguration>

#include "app/AuthController.h"
#include "app/Desktop.h"
#include "eid/DeveloperModeTrust.h"

namespace oa {

workflows::AuthSettings windowAuthSettings(bool demoActive) {
    workflows::AuthSettings settings;
    const QString caFile = qEnvironmentVariable("OPENAUSWEIS_CA_FILE");
    if (!caFile.isEmpty()) {
        settings.caCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        settings.caCertificates += QSslConfiguration::systemCaCertificates();
    }
    settings.verifyCardSecurity = eid::passiveAuthentication(eid::cscaTrust(demoActive));
    return settings;
}

void showAuthenticationIn(Desktop& desktop, AuthController& authentication) {
    const auto follow = [&desktop, &authentication] {
        authentication.setSimulatorAllowed(desktop.readers().demoActive());
        authentication.setSimulatorOnly(desktop.readers().demoActive() &&
                                        desktop.readers().names().size() == 1);
    };
    follow();
    QObject::connect(&desktop.readers(), &ReaderListModel::readersChanged, &authentication, follow);
    if (QQuickWindow* window = desktop.window())
        window->setProperty("authentication", QVariant::fromValue(&authentication));
}

}  // namespace oa
