#pragma once

#include <QUrl>

#include "net/EidServerChannel.h"
#include "net/TlsSessionResumption.h"

namespace oa::net {

// TLS-2 to an attached eID-Server (TC token without PSK): the TLS-1-2 settings plus the TLS
// session of the TC token fetch, which the server must resume. Every new connection of the
// channel is checked after its handshake and dropped before the first request byte when the
// server started a new session instead (TB A2_29/A2_30).
class AttachedChannel : public EidServerChannel {
public:
    using Settings = EidServerChannel::Settings;

    AttachedChannel(QUrl serverAddress, TlsSessionResumption resumption, Settings settings);
    ~AttachedChannel() override;

private:
    TlsSessionResumption resumption_;
};

}  // namespace oa::net
