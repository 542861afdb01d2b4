#pragma once

#include <QSslCertificate>
#include <QString>
#include <memory>
#include <optional>
#include <string>

#include "base/Result.h"
#include "sim/world/DemoEService.h"
#include "sim/world/EidServer.h"
#include "sim/world/Misbehaviour.h"
#include "sim/world/PinLetterService.h"
#include "sim/world/TlsTestPki.h"

namespace oa::sim {

struct WorldOptions {
    // TLS files are kept here (generated on first start); empty: one in-memory PKI per process.
    std::string stateDirectory;
    // eService on portBase, eID-Server on portBase + 1, PIN letter service on portBase + 2;
    // 0: any free ports.
    quint16 portBase = 0;
    Misbehaviour misbehaviour;
    EidRequest request;
    PinLetterOverload pinLetterOverload;
    // The attached eID-Server model: the eService also serves PAOS on its own TLS endpoint and
    // hands out tokens without PSK (the PSK eID-Server keeps running beside it).
    bool attached = false;
};

// The simulation world's servers on 127.0.0.1: the demo eService and the test eID-Server, with
// the TLS test PKI, and the CV certificates (built-in test PKI) re-issued so the terminal
// certificate names a description whose subjectURL is the eService origin and whose
// commCertificates are the hashes of the TLS server certificates.
class World {
public:
    static Result<std::unique_ptr<World>> start(const WorldOptions& options);
    ~World();

    DemoEService& eService() { return *eService_; }
    EidServer& eidServer() { return *eidServer_; }
    PinLetterService& pinLetterService() { return *pinLetterService_; }
    const TlsTestPki& tls() const { return *tls_; }
    // The CA a client must trust (--ca-file); PEM via caCertificate().toPem().
    const QSslCertificate& caCertificate() const { return tls_->caCertificate(); }
    const ServiceCertificates& serviceCertificates() const { return *certificates_; }
    // The PIN reset service's terminal; its description names the demo eService's origin until
    // setPinResetOrigin() names the origin of the service that hands out its TC tokens.
    const ServiceCertificates& pinResetCertificates() const { return *pinResetCertificates_; }
    Result<void> setPinResetOrigin(const QUrl& origin);
    // Switches that act per request (tokens, aborts, slowness, overload) may change while the
    // world runs; TLS switches are fixed at start.
    Misbehaviour& misbehaviour() { return *misbehaviour_; }

    // The URLs, one per line, for people.
    std::string describe() const;

private:
    World() = default;

    std::optional<TlsTestPki> ownTls_;
    const TlsTestPki* tls_ = nullptr;
    std::shared_ptr<Misbehaviour> misbehaviour_;
    std::unique_ptr<EidServer> eidServer_;
    std::unique_ptr<DemoEService> eService_;
    std::unique_ptr<PinLetterService> pinLetterService_;
    std::shared_ptr<const ServiceCertificates> certificates_;
    std::shared_ptr<const ServiceCertificates> pinResetCertificates_;
};

}  // namespace oa::sim
