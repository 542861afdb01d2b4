#include "app/ShowUi.h"

#include <QQuickWindow>
#include <QVariant>

#include "app/LogBook.h"

namespace oa {

void showRequestedScreen(QQuickWindow* window, const QString& module) {
    if (!window) return;
    QVariant shown;
    QMetaObject::invokeMethod(window, "showModule", Q_RETURN_ARG(QVariant, shown),
                              Q_ARG(QVariant, module));
    qCInfo(lcApp).noquote() << "showing" << module << "->" << shown.toString();
    window->show();
    window->raise();
    window->requestActivate();
}

}  // namespace oa
