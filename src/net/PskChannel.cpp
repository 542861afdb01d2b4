#include "net/PskChannel.h"

#include <QSslPreSharedKeyAuthenticator>

#include "net/TlsConfiguration.h"

namespace oa::net {

PskChannel::PskChannel(QUrl serverAddress, QString sessionIdentifier, SecureBytes psk,
                       Settings settings)
    : EidServerChannel(std::move(serverAddress), settings,
                       TlsConfiguration::eIdServerPskChannel(settings.caCertificates)),
      sessionIdentifier_(std::move(sessionIdentifier)),
      psk_(std::move(psk)) {
    exchangeSettings().psk = [this](QSslPreSharedKeyAuthenticator* authenticator) {
        authenticator->setIdentity(sessionIdentifier_.toUtf8());
        // Qt keeps its own copy for the handshake; ours is wiped right after handing it over.
        QByteArray key(reinterpret_cast<const char*>(psk_.bytes().data()),
                       static_cast<qsizetype>(psk_.size()));
        authenticator->setPreSharedKey(key);
        wipe(key.data(), static_cast<std::size_t>(key.size()));
    };
}

PskChannel::~PskChannel() = default;

}  // namespace oa::net
