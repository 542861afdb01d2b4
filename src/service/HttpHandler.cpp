#include "service/HttpHandler.h"

namespace oa::service {

bool HttpResponder::sendInterim(int status) const {
    return connection_ && connection_->sendInterim(serial_, status);
}

bool HttpResponder::send(HttpResponse response) const {
    return connection_ && connection_->respond(serial_, std::move(response));
}

QTcpSocket* HttpResponder::takeSocket() const {
    return connection_ ? connection_->takeSocket(serial_) : nullptr;
}

QMetaObject::Connection HttpResponder::whenClosed(QObject* context,
                                                  std::function<void()> onClosed) const {
    if (!connection_) {
        QMetaObject::invokeMethod(context, std::move(onClosed), Qt::QueuedConnection);
        return {};
    }
    return QObject::connect(connection_.data(), &HttpConnection::closed, context,
                            std::move(onClosed));
}

}  // namespace oa::service
