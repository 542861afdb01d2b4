#pragma once

#include <QCoreApplication>
#include <QQuickStyle>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringList>
#include <cstdio>

#include "app/CardOperation.h"

namespace oa::test {

// QML warnings seen since the test began; a gui test fails in cleanup() when any are left.
inline QStringList qmlWarnings;

inline void collectQmlWarnings(QtMsgType type, const QMessageLogContext& context,
                               const QString& message) {
    const QByteArray category = context.category ? context.category : "";
    const bool fromQml = category == "qml" || category == "js" || message.contains("qrc:/");
    if (type != QtDebugMsg && type != QtInfoMsg && fromQml) qmlWarnings << message;
    if (type != QtDebugMsg) fprintf(stderr, "%s\n", qPrintable(message));
}

// The setting every window test starts from: its own settings in test mode, the Material style,
// QML warnings collected.
inline void startGuiTestCase(const char* applicationName) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("OpenAusweisTest");
    QCoreApplication::setApplicationName(applicationName);
    QQuickStyle::setStyle("Material");
    qInstallMessageHandler(collectQmlWarnings);
}

// Generous: a card operation on the in-process card takes milliseconds; this only ends a hang.
inline constexpr int kOperationLimitMs = 30000;

inline bool waitUntilFinished(CardOperation& operation) {
    if (!operation.busy()) return true;
    QSignalSpy finished(&operation, &CardOperation::finished);
    return finished.wait(kOperationLimitMs);
}

}  // namespace oa::test
