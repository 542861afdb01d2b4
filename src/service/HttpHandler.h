#pragma once

#include <QMetaObject>
#include <QPointer>
#include <functional>

#include "service/HttpConnection.h"
#include "service/HttpRequest.h"
#include "service/HttpResponse.h"

namespace oa::service {

// The way back to the browser for one request. Cheap to copy and safe to keep: once the browser
// has gone (or the request was answered) every call does nothing.
class HttpResponder {
public:
    HttpResponder() = default;
    HttpResponder(HttpConnection* connection, quint64 serial)
        : connection_(connection), serial_(serial) {}

    bool connected() const { return connection_ && !connection_->isClosing(); }
    bool sendInterim(int status) const;
    bool send(HttpResponse response) const;
    // For an upgrade: the socket with the request still unread; the caller owns it. Null if the
    // browser has gone or the request was answered.
    QTcpSocket* takeSocket() const;
    // Calls `onClosed` (in `context`'s thread, while `context` lives) when the browser leaves.
    QMetaObject::Connection whenClosed(QObject* context, std::function<void()> onClosed) const;

private:
    QPointer<HttpConnection> connection_;
    quint64 serial_ = 0;
};

class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    // Called for every request that passed the server's checks; answer now or keep the responder.
    virtual void handle(const HttpRequest& request, HttpResponder responder) = 0;
};

}  // namespace oa::service
