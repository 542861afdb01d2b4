#include "net/AttachedChannel.h"

#include "net/TlsConfiguration.h"

namespace oa::net {
namespace {

// The token was fetched over TLS 1.2 (TlsSessionResumption refuses anything else); offering 1.3
// here would let a 1.3-capable server start a fresh session instead of resuming.
QSslConfiguration resuming(const EidServerChannel::Settings& settings,
                           const TlsSessionResumption& resumption) {
    QSslConfiguration tls = TlsConfiguration::eServiceChannel(settings.caCertificates);
    tls.setProtocol(QSsl::TlsV1_2);
    tls.setSessionTicket(resumption.serialized());
    return tls;
}

}  // namespace

AttachedChannel::AttachedChannel(QUrl serverAddress, TlsSessionResumption resumption,
                                 Settings settings)
    : EidServerChannel(std::move(serverAddress), settings, resuming(settings, resumption)),
      resumption_(std::move(resumption)) {
    exchangeSettings().sessionCheck = [this](const QSslConfiguration& negotiated) {
        return resumption_.check(negotiated.sessionTicket());
    };
}

AttachedChannel::~AttachedChannel() = default;

}  // namespace oa::net
