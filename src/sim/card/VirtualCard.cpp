#include "sim/card/VirtualCard.h"

#include <map>

#include "sim/card/ChipCrypto.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/EfDir.h"
#include "sim/card/FileCommands.h"
#include "sim/pki/TestPki.h"

namespace oa {
namespace {

constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kInsReadBinary = 0xB0;
constexpr std::uint8_t kInsUpdateBinary = 0xD6;
constexpr std::uint8_t kInsResetRetryCounter = 0x2C;
constexpr std::uint8_t kInsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t kInsGeneralAuthenticate = 0x86;
constexpr std::uint8_t kInsPerformSecurityOperation = 0x2A;
constexpr std::uint8_t kInsGetChallenge = 0x84;
constexpr std::uint8_t kInsExternalAuthenticate = 0x82;
constexpr std::uint8_t kInsVerify = 0x20;
constexpr std::uint8_t kInsActivate = 0x44;
constexpr std::uint8_t kInsDeactivate = 0x04;
constexpr std::uint16_t kEfCardSecurity = 0x011D;
constexpr std::uint8_t kSfiCardSecurity = 0x1D;

constexpr std::uint16_t kEfCardAccess = 0x011C;
constexpr std::uint8_t kSfiCardAccess = 0x1C;
constexpr std::uint16_t kEfDir = 0x2F00;
constexpr std::uint8_t kSfiDir = 0x1E;

// RESET RETRY COUNTER: P1 02 = new value, 03 = reset only; P2 = password reference (03 PIN).
constexpr std::uint8_t kRrcChangeReference = 0x02;
constexpr std::uint8_t kRrcResetOnly = 0x03;
constexpr std::uint8_t kReferencePin = 0x03;

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

// Interindustry class with chaining (b5) and secure messaging (b4b3) bits, or the proprietary
// class 80 the eID card uses for VERIFY of auxiliary data.
bool supportedClass(std::uint8_t cla) {
    const std::uint8_t base = cla & static_cast<std::uint8_t>(~0x1C);
    return base == 0x00 || base == 0x80;
}

bool sameSecret(const SecureBytes& a, const SecureBytes& b) {
    return constantTimeEqual(a.bytes(), b.bytes());
}

}  // namespace

VirtualCard::VirtualCard() : VirtualCard(sim::defaultProfile()) {}

namespace {

std::vector<sim::CardCvCertificate> trustAnchorsOf(const sim::CardProfile& profile) {
    std::vector<sim::CardCvCertificate> anchors;
    for (const Bytes& encoded : profile.trustAnchors) {
        if (auto anchor = sim::parseCardCvCertificate(encoded)) anchors.push_back(*anchor);
    }
    return anchors;
}

SecureBytes chipAuthenticationKeyOf(const sim::CardProfile& profile) {
    if (!profile.chipAuthenticationKey.empty()) return profile.chipAuthenticationKey;
    return SecureBytes(
        sim::chip::EcCurve::standardized(profile.crypto.domainParameterId)->randomScalar());
}

// The built-in test persons share their SecurityInfos, so each distinct content is signed once
// per process (a signature costs milliseconds; tests make thousands of cards).
Bytes signedByTestPki(const Bytes& securityInfos) {
    static std::mutex mutex;
    static std::map<Bytes, Bytes> signedContents;
    std::lock_guard lock(mutex);
    auto& signedContent = signedContents[securityInfos];
    if (signedContent.empty()) {
        signedContent = sim::TestPki::builtIn().signCardSecurity(securityInfos);
    }
    return signedContent;
}

// Stable per test person, so services see the same pseudonym in every run.
SecureBytes restrictedIdentificationKeyOf(const sim::CardProfile& profile) {
    if (!profile.restrictedIdentificationKey.empty()) return profile.restrictedIdentificationKey;
    return SecureBytes(sim::chip::sha256(asciiBytes("OpenAusweis RI " + profile.name)));
}

}  // namespace

VirtualCard::VirtualCard(sim::CardProfile profile)
    : profile_(std::move(profile)),
      pins_(profile_.pinState, profile_.secrets),
      atr_(defaultAtr()),
      terminalAuthentication_(trustAnchorsOf(profile_), profile_.currentDate),
      chipAuthenticationKey_(chipAuthenticationKeyOf(profile_)),
      restrictedIdentificationKey_(restrictedIdentificationKeyOf(profile_)) {
    buildFileSystem();
}

Bytes VirtualCard::defaultAtr() {
    // T=1, IFSC 254, historical bytes of the nPA; TCK makes the XOR of T0..TCK zero.
    return hexBytes("3B8A80018031F873F741E082900075");
}

void VirtualCard::buildFileSystem() {
    files_.addFile({kEfCardAccess, kSfiCardAccess, sim::encodeEfCardAccess(profile_.crypto),
                    sim::ReadAccess::Always, 0});
    files_.addFile({kEfDir, kSfiDir, sim::encodeEfDir(), sim::ReadAccess::Always, 0});
    if (profile_.cardSecurity.empty() && profile_.signCardSecurityWithTestPki) {
        profile_.cardSecurity = signedByTestPki(
            sim::encodeCardSecurityInfos(profile_.crypto, chipAuthenticationPublicKeyUnlocked()));
    }
    if (!profile_.cardSecurity.empty()) {
        files_.addFile({kEfCardSecurity, kSfiCardSecurity, profile_.cardSecurity,
                        sim::ReadAccess::SecureMessaging, 0});
    }
    sim::Application eid{sim::eidApplicationId(), {}};
    for (int number = sim::kFirstDataGroup; number <= sim::kLastDataGroup; ++number) {
        if (auto content = sim::encodeDataGroup(profile_.person, number)) {
            const auto sfi = static_cast<std::uint8_t>(number);
            eid.files.push_back({static_cast<std::uint16_t>(0x0100 | number), sfi,
                                 std::move(*content), sim::ReadAccess::DataGroupRight, number});
        }
    }
    for (const auto& file : profile_.fileOverrides) {
        const bool dataGroup = file.fid > 0x0100 && file.fid <= 0x0100 + sim::kLastDataGroup;
        if (!dataGroup) {
            const bool open = file.fid == kEfCardAccess || file.fid == kEfDir;
            files_.addFile({file.fid, file.sfi, file.content,
                            open ? sim::ReadAccess::Always : sim::ReadAccess::SecureMessaging, 0});
            continue;
        }
        std::erase_if(eid.files, [&](const sim::ElementaryFile& f) { return f.fid == file.fid; });
        eid.files.push_back(
            {file.fid, file.sfi, file.content, sim::ReadAccess::DataGroupRight, file.fid & 0xFF});
    }
    files_.addApplication({sim::epassApplicationId(), {}});
    files_.addApplication(std::move(eid));
    files_.addApplication({sim::esignApplicationId(), {}});
}

sim::PinState VirtualCard::pinState() const {
    std::lock_guard lock(mutex_);
    return pins_.state();
}

void VirtualCard::restoreState(const sim::PersistentCardState& state) {
    std::lock_guard lock(mutex_);
    sim::CardSecrets secrets = pins_.secrets();
    secrets.pin = state.pin;
    pins_ = sim::PinStateMachine(state.pinState, std::move(secrets));
}

void VirtualCard::setStateListener(StateListener listener) {
    std::lock_guard lock(mutex_);
    stateListener_ = std::move(listener);
}

Bytes VirtualCard::process(ByteView command) {
    std::lock_guard lock(mutex_);
    const sim::PinState before = pins_.state();
    const SecureBytes pinBefore = pins_.secrets().pin;
    const auto apdu = CommandApdu::parse(command);
    ResponseApdu response = status(StatusWord::WrongLength);
    if (apdu && secureMessaging_ && sim::CardSecureMessaging::isProtected(*apdu)) {
        response = processProtected(*apdu);
    } else if (apdu) {
        // A plain command ends a secure channel, as on the real card.
        if (secureMessaging_) closeSession();
        response = receive(*apdu);
    }
    notifyIfStateChanged(before, pinBefore);
    return response.encode();
}

ResponseApdu VirtualCard::processProtected(const CommandApdu& command) {
    auto plain = secureMessaging_->unwrap(command);
    if (!plain) {
        closeSession();  // a broken channel is gone for good (TR-03110-3 F.3)
        return status(plain.refusal());
    }
    ResponseApdu response = receive(*plain);
    if (secureMessaging_) response = secureMessaging_->wrap(response);
    if (nextSecureMessaging_) {
        secureMessaging_ = std::move(nextSecureMessaging_);
        nextSecureMessaging_.reset();
    }
    return response;
}

void VirtualCard::closeSession() {
    secureMessaging_.reset();
    chain_.reset();
    pace_.reset();
    chipIdentifier_.clear();
    paceChat_.reset();
    pins_.paceStarted();
    terminalAuthentication_.reset();
    chipAuthenticationSelected_ = false;
    restrictedIdentificationSelected_ = false;
    chipAuthenticated_ = false;
    nextSecureMessaging_.reset();
}

bool VirtualCard::secureMessagingActive() const {
    std::lock_guard lock(mutex_);
    return secureMessaging_.has_value();
}

void VirtualCard::setPaceTestHooks(std::optional<sim::PaceTestHooks> hooks) {
    std::lock_guard lock(mutex_);
    paceHooks_ = std::move(hooks);
}

void VirtualCard::notifyIfStateChanged(const sim::PinState& before, const SecureBytes& pinBefore) {
    if (!stateListener_) return;
    if (before == pins_.state() && sameSecret(pinBefore, pins_.secrets().pin)) return;
    stateListener_({pins_.state(), pins_.secrets().pin});
}

void VirtualCard::reset() {
    std::lock_guard lock(mutex_);
    files_.selectMasterFile();
    closeSession();
    pins_.resetSession();
}

ResponseApdu VirtualCard::dispatch(const CommandApdu& command) {
    if (!supportedClass(command.cla())) return status(StatusWord::ClaNotSupported);
    switch (command.ins()) {
        case kInsSelect:
            return sim::selectFile(files_, command);
        case kInsReadBinary:
            return sim::readBinary(files_, command,
                                   [this](const sim::ElementaryFile& f) { return mayRead(f); });
        case kInsUpdateBinary:
            return sim::updateBinary(files_, command,
                                     [this](const sim::ElementaryFile& f) { return mayWrite(f); });
        case kInsResetRetryCounter:
            return resetRetryCounter(command);
        case kInsManageSecurityEnvironment:
            return manageSecurityEnvironment(command);
        case kInsGeneralAuthenticate:
            return generalAuthenticate(command);
        case kInsPerformSecurityOperation:
            return verifyCertificate(command);
        case kInsGetChallenge:
            return getChallenge(command);
        case kInsExternalAuthenticate:
            return externalAuthenticate(command);
        case kInsVerify:
            return verifyAuxiliaryData(command);
        case kInsActivate:
            return setEidActivation(command, true);
        case kInsDeactivate:
            return setEidActivation(command, false);
        default:
            return status(StatusWord::InsNotSupported);
    }
}

// A terminal with the PIN management right (TA and CA done) may set the PIN or reset its
// counter without knowing it: the PIN reset service (online-protocols §8.3). Without TA, only
// the holder of the PIN (change) or the PUK (unblock) may.
ResponseApdu VirtualCard::resetRetryCounter(const CommandApdu& command) {
    if (!secureMessaging_) return status(StatusWord::SecurityStatusNotSatisfied);
    if (command.p2() != kReferencePin) return status(StatusWord::ReferencedDataNotFound);
    const bool byTerminal = pinManagementAllowed();
    // After TA the terminal's authorization decides, not the password of the channel.
    if (!byTerminal && terminalAuthentication_.authenticated()) {
        return status(StatusWord::SecurityStatusNotSatisfied);
    }
    if (command.p1() == kRrcResetOnly) {
        if (!command.data().empty()) return status(StatusWord::WrongLength);
        return status(byTerminal ? pins_.resetRetryCounterByTerminal() : pins_.unblockPin());
    }
    if (command.p1() == kRrcChangeReference) {
        return status(byTerminal ? pins_.setPinByTerminal(command.data())
                                 : pins_.changePin(command.data()));
    }
    return status(StatusWord::WrongParameters);
}

bool VirtualCard::pinManagementAllowed() const {
    return chipAuthenticated_ &&
           effectiveRights().has(sim::TerminalAuthorization::kPinManagement) &&
           (pins_.authenticatedPassword() == sim::Password::Pin ||
            pins_.authenticatedPassword() == sim::Password::Can);
}

// The eID data groups after TA and CA: with the PIN while the eID function is usable, or with
// the CAN when the terminal holds CAN allowed (then a blocked PIN, a transport PIN or a
// deactivated eID function do not matter).
bool VirtualCard::eidAccessible() const {
    if (!chipAuthenticated_) return false;
    switch (pins_.authenticatedPassword().value_or(sim::Password::Mrz)) {
        case sim::Password::Pin:
            return pins_.eidUsable();
        case sim::Password::Can:
            return effectiveRights().has(sim::TerminalAuthorization::kCanAllowed);
        default:
            return false;
    }
}

StatusWord VirtualCard::mayWrite(const sim::ElementaryFile& file) const {
    if (file.access != sim::ReadAccess::DataGroupRight || !eidAccessible() ||
        !effectiveRights().mayWrite(file.dataGroup)) {
        return StatusWord::SecurityStatusNotSatisfied;
    }
    return StatusWord::Success;
}

StatusWord VirtualCard::mayRead(const sim::ElementaryFile& file) const {
    switch (file.access) {
        case sim::ReadAccess::Always:
            return StatusWord::Success;
        case sim::ReadAccess::SecureMessaging:
            return secureMessaging_ ? StatusWord::Success : StatusWord::SecurityStatusNotSatisfied;
        case sim::ReadAccess::DataGroupRight:
            if (!eidAccessible() || !effectiveRights().mayRead(file.dataGroup)) {
                return StatusWord::SecurityStatusNotSatisfied;
            }
            return StatusWord::Success;
    }
    return StatusWord::SecurityStatusNotSatisfied;
}

}  // namespace oa
