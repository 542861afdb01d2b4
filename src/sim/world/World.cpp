#include "sim/world/World.h"

#include "crypto/Hash.h"
#include "sim/pki/TestPki.h"

namespace oa::sim {
namespace {

Result<std::shared_ptr<const ServiceCertificates>> issue(const std::string& origin,
                                                         const std::vector<Bytes>& hashes,
                                                         const Bytes& describedHash = {}) {
    auto issued = ServiceCertificates::issue(TestPki::builtIn(), origin, hashes, describedHash);
    if (!issued) return issued.error();
    return std::make_shared<const ServiceCertificates>(std::move(*issued));
}

}  // namespace

World::~World() = default;

Result<std::unique_ptr<World>> World::start(const WorldOptions& options) {
    std::unique_ptr<World> world(new World());
    if (options.stateDirectory.empty()) {
        world->tls_ = &TlsTestPki::shared();
    } else {
        auto loaded = TlsTestPki::loadOrCreate(options.stateDirectory);
        if (!loaded) return loaded.error();
        world->ownTls_ = std::move(*loaded);
        world->tls_ = &*world->ownTls_;
    }
    auto trust = eac::CscaTrustList::fromPem(TestPki::builtIn().cscaPem());
    if (!trust) return trust.error();
    world->misbehaviour_ = std::make_shared<Misbehaviour>(options.misbehaviour);
    world->eidServer_ = std::make_unique<EidServer>(*world->tls_, *trust, world->misbehaviour_);
    world->eService_ = std::make_unique<DemoEService>(*world->tls_, *world->eidServer_,
                                                      world->misbehaviour_, options.request);
    const quint16 eServicePort = options.portBase;
    const quint16 eidServerPort = options.portBase == 0 ? 0 : options.portBase + 1;
    auto listening = options.attached
                         ? world->eService_->listenAttached(QHostAddress::LocalHost, eServicePort)
                         : world->eService_->listen(QHostAddress::LocalHost, eServicePort);
    if (!listening) return listening.error();
    if (auto ok = world->eidServer_->listen(QHostAddress::LocalHost, eidServerPort); !ok)
        return ok.error();

    const std::string origin = world->eService_->origin().toString().toStdString();
    const std::vector<Bytes> hashes{TlsTestPki::hashOf(world->tls_->serverCertificate()),
                                    TlsTestPki::hashOf(world->tls_->wrongHostCertificate())};
    auto certificates = issue(origin, hashes);
    if (!certificates) return certificates.error();
    const Bytes otherDescription = encodeServiceDescription("https://other.example", hashes);
    auto wrongHash =
        issue(origin, hashes, crypto::hash(crypto::HashAlgorithm::Sha256, otherDescription));
    if (!wrongHash) return wrongHash.error();
    world->certificates_ = *certificates;
    world->eidServer_->setServiceCertificates(*certificates, *wrongHash);
    world->pinLetterService_ = std::make_unique<PinLetterService>(*world->tls_, *world->eidServer_,
                                                                  options.pinLetterOverload);
    const quint16 pinLetterPort = options.portBase == 0 ? 0 : options.portBase + 2;
    if (auto ok = world->pinLetterService_->listen(QHostAddress::LocalHost, pinLetterPort); !ok)
        return ok.error();
    // The PIN reset terminal's description names the service that hands out its TC tokens.
    if (auto pinReset = world->setPinResetOrigin(world->pinLetterService_->origin()); !pinReset)
        return pinReset.error();
    return world;
}

Result<void> World::setPinResetOrigin(const QUrl& origin) {
    const std::vector<Bytes> hashes{TlsTestPki::hashOf(tls_->serverCertificate()),
                                    TlsTestPki::hashOf(tls_->wrongHostCertificate())};
    auto issued = ServiceCertificates::issuePinReset(TestPki::builtIn(),
                                                     origin.toString().toStdString(), hashes);
    if (!issued) return issued.error();
    pinResetCertificates_ = std::make_shared<const ServiceCertificates>(std::move(*issued));
    eidServer_->setPinResetCertificates(pinResetCertificates_);
    return {};
}

std::string World::describe() const {
    const auto line = [](const char* label, const QString& value) {
        return std::string(label) + value.toStdString() + "\n";
    };
    return line("demo eService:   ", eService_->loginUrl().toString()) +
           line("TC token:        ", eService_->tcTokenUrl().toString()) +
           line("log in:          ", eService_->activationUrl().toString(QUrl::FullyEncoded)) +
           (eService_->attached()
                ? line("eID-Server:      ", eService_->origin().toString() + "/paos (attached)")
                : line("eID-Server:      ", eidServer_->serverAddress().toString())) +
           line("PIN letters:     ", pinLetterService_->origin().toString() + "/order") +
           line("mailbox:         ", pinLetterService_->mailboxUrl().toString());
}

}  // namespace oa::sim
