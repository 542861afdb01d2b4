#pragma once

#include <QString>
#include <QUrl>

#include "base/SecureBytes.h"
#include "net/EidServerChannel.h"

namespace oa::net {

// TLS-2 to the eID-Server with the PSK from the TC token (RFC 4279 RSA-PSK, TLS 1.2): identity is
// the SessionIdentifier, the key the decoded PSK.
class PskChannel : public EidServerChannel {
public:
    using Settings = EidServerChannel::Settings;

    PskChannel(QUrl serverAddress, QString sessionIdentifier, SecureBytes psk, Settings settings);
    ~PskChannel() override;

private:
    QString sessionIdentifier_;
    SecureBytes psk_;
};

}  // namespace oa::net
