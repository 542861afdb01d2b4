#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace oa::service {
class SdkWebSocketEndpoint;
}

namespace oa {

// Whether an application drives OpenAusweis through the SDK right now, for the window's banner:
// while one does, the user should know why the window's own workflows are refused.
class SdkClientStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    Q_PROPERTY(bool connected READ connected NOTIFY changed)
    Q_PROPERTY(QString application READ application NOTIFY changed)
public:
    explicit SdkClientStatus(QObject* parent = nullptr);

    void follow(service::SdkWebSocketEndpoint& endpoint);
    void update(bool connected, const QString& userAgent);

    bool connected() const { return connected_; }
    // The client's User-Agent as it named itself; empty if it sent none.
    QString application() const { return application_; }

signals:
    void changed();

private:
    bool connected_ = false;
    QString application_;
};

}  // namespace oa
