#pragma once

#include <QObject>

#include "service/EidClientEndpoint.h"
#include "service/LocalHttpServer.h"
#include "service/ServiceLaunch.h"

namespace oa::service {

// What a face of the app starts for the browser: the eID-Client endpoint on the loopback listener,
// as the one instance of this user session.
class EidClientService : public QObject {
    Q_OBJECT
public:
    EidClientService(ActivationHandler& activation, LocalHttpServerSettings settings,
                     QObject* parent = nullptr);

    // Listens, or hands over to a running OpenAusweis, or explains who holds the port. Logs the
    // outcome in one line.
    ServiceLaunch start();

    EidClientEndpoint& endpoint() { return endpoint_; }
    LocalHttpServer& server() { return server_; }

private:
    LocalHttpServerSettings settings_;
    EidClientEndpoint endpoint_;
    LocalHttpServer server_;
};

}  // namespace oa::service
