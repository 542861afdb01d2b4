#include "app/SdkClientStatus.h"

#include "service/SdkWebSocketEndpoint.h"

namespace oa {
namespace {

// A User-Agent is chosen by the client: keep it short and printable before showing it.
QString shownName(const QString& userAgent) {
    QString name;
    for (const QChar c : userAgent.left(80))
        if (c.isPrint()) name += c;
    return name.trimmed();
}

}  // namespace

SdkClientStatus::SdkClientStatus(QObject* parent) : QObject(parent) {}

void SdkClientStatus::follow(service::SdkWebSocketEndpoint& endpoint) {
    connect(&endpoint, &service::SdkWebSocketEndpoint::clientChanged, this,
            &SdkClientStatus::update);
}

void SdkClientStatus::update(bool connected, const QString& userAgent) {
    connected_ = connected;
    application_ = connected ? shownName(userAgent) : QString();
    emit changed();
}

}  // namespace oa
