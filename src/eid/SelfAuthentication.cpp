#include "eid/SelfAuthentication.h"

#include <algorithm>
#include <memory>

#include "eac/CardAccessReader.h"
#include "eac/ChipAuthentication.h"
#include "eac/CvCertificateChain.h"
#include "eac/RestrictedIdentification.h"
#include "eac/SecureMessagingCard.h"
#include "eac/TerminalAuthentication.h"
#include "eid/EidApplication.h"
#include "eid/PinManagement.h"

namespace oa::eid {
namespace {

constexpr std::uint8_t kCardSecurityShortId = 0x1D;

// Adds the step to the technical detail, keeping the user's words and the code.
Error during(const char* step, Error error) {
    error.detail = std::string(step) + ": " + error.detail;
    return error;
}

std::string asText(ByteView bytes) {
    return std::string(bytes.begin(), bytes.end());
}

// The CHAT for PACE: only the read rights asked for, which the terminal certificate must grant.
Result<eac::Chat> requestedChat(const std::vector<DataGroup>& groups, bool pseudonym,
                                const eac::CvCertificate& terminal) {
    std::vector<eac::AccessRight> rights;
    if (pseudonym) {
        if (!terminal.chat().has(eac::AccessRight::RestrictedIdentification)) {
            return makeError(ErrorCode::InvalidInput,
                             "The terminal certificate does not allow pseudonyms",
                             "CHAT of " + terminal.holderReference());
        }
        rights.push_back(eac::AccessRight::RestrictedIdentification);
    }
    for (DataGroup group : groups) {
        const auto right = eac::readRight(number(group));
        if (!terminal.chat().has(right)) {
            return makeError(ErrorCode::InvalidInput,
                             "The terminal certificate does not allow reading " + toString(group),
                             "CHAT of " + terminal.holderReference());
        }
        rights.push_back(right);
    }
    return eac::Chat::authenticationTerminal(eac::CertificateRole::Terminal, rights);
}

struct ChipAuthenticationChoice {
    eac::ChipAuthenticationInfo info;
    eac::DomainParameters parameters;
    std::optional<int> parameterId;
};

// CA v2 as EF.CardAccess announces it, on standardized domain parameters.
Result<ChipAuthenticationChoice> chooseChipAuthentication(const eac::SecurityInfos& infos) {
    for (const auto& info : infos.chipAuthenticationInfos()) {
        if (info.version != 2) continue;
        for (const auto& domain : infos.chipAuthenticationDomainParameters()) {
            if (domain.keyId != info.keyId || !domain.parameterId) continue;
            auto parameters = eac::DomainParameters::standardized(*domain.parameterId);
            if (!parameters) return parameters.error();
            return ChipAuthenticationChoice{info, std::move(*parameters), domain.parameterId};
        }
    }
    return makeError(ErrorCode::Unsupported, "This card does not offer Chip Authentication",
                     "no ChipAuthenticationInfo v2 with standardized domain parameters");
}

Result<eac::CvCertificateChain> chainForCard(const TerminalIdentity& terminal,
                                             const eac::PaceResult& paced) {
    std::vector<std::string> cars;
    if (paced.currentCar) cars.push_back(asText(*paced.currentCar));
    if (paced.previousCar) cars.push_back(asText(*paced.previousCar));
    if (cars.empty()) {
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "PACE step 4 named no trusted CVCA");
    }
    std::vector<eac::CvCertificate> trustStore;
    for (const auto& certificate : terminal.certificates())
        if (certificate.isSelfSigned()) trustStore.push_back(certificate);
    auto chain = eac::CvCertificateChain::build(terminal.certificates(), cars, trustStore,
                                                eac::CvDate::today());
    if (!chain) {
        return makeError(ErrorCode::AuthenticationFailed,
                         "The terminal certificates do not fit this card: " + chain.error().message,
                         "card trusts " + cars.front() + "; " + chain.error().detail);
    }
    return chain;
}

// The card's refusal (a status word) in the user's words; anything else (card gone, reader
// limits, SM broken) keeps its own words.
Error terminalRefused(const Error& error) {
    if (error.code != ErrorCode::AuthenticationFailed)
        return during("Terminal Authentication", error);
    return makeError(ErrorCode::AuthenticationFailed,
                     "The card did not accept the terminal. Its certificates or key do not fit "
                     "this card, or the card's online ID function is not usable yet.",
                     "Terminal Authentication: " + error.message + ": " + error.detail);
}

// The chip's CA key, from the verified EF.CardSecurity only, for the protocol EF.CardAccess
// announced; the unsigned EF.CardAccess must agree with the signed copy (TR-03110-3 A.1.2).
Result<Bytes> verifiedChipKey(const eac::SecurityInfos& verified,
                              const ChipAuthenticationChoice& choice) {
    const auto& signedInfos = verified.chipAuthenticationInfos();
    const bool announced = std::any_of(signedInfos.begin(), signedInfos.end(), [&](const auto& i) {
        return i.protocol == choice.info.protocol && i.keyId == choice.info.keyId;
    });
    if (!announced) {
        return makeError(ErrorCode::AuthenticationFailed,
                         "The card's security data is inconsistent",
                         "ChipAuthenticationInfo of EF.CardAccess missing in EF.CardSecurity");
    }
    auto key = verified.chipAuthenticationPublicKey(choice.info);
    if (!key) return during("EF.CardSecurity", key.error());
    if (key->domainParameters.parameterId != choice.parameterId) {
        return makeError(ErrorCode::AuthenticationFailed,
                         "The card's security data is inconsistent",
                         "chip key on other domain parameters than EF.CardAccess names");
    }
    return key->publicKey;
}

// Reads the asked data groups one by one and decodes them; absent ones are noted, not errors.
Result<void> readDataGroups(Card& card, const std::vector<DataGroup>& groups,
                            SelfAuthenticationResult& result) {
    EidApplication application(card);
    if (auto selected = application.select(); !selected) return selected.error();
    for (DataGroup group : groups) {
        auto content = application.readDataGroup(group);
        if (!content) return content.error();
        if (!*content) {
            result.absent.push_back(group);
            continue;
        }
        if (auto decoded = decodeDataGroup(group, **content, result.data); !decoded)
            return decoded.error();
        result.read.push_back(group);
    }
    return {};
}

}  // namespace

CardSecurityVerifier passiveAuthentication(eac::CscaTrustList trust) {
    return [trust = std::move(trust)](ByteView cardSecurity) {
        return eac::verifyCardSecurity(cardSecurity, trust, std::chrono::system_clock::now());
    };
}

SelfAuthentication::SelfAuthentication(Card& card, const TerminalIdentity& terminal,
                                       CardSecurityVerifier verifyCardSecurity)
    : card_(card), terminal_(terminal), verifyCardSecurity_(std::move(verifyCardSecurity)) {}

Result<SelfAuthenticationResult> SelfAuthentication::run(const SelfAuthenticationRequest& request) {
    if (request.dataGroups.empty())
        return makeError(ErrorCode::InvalidInput, "Name at least one data group to read", "");
    if (request.pin.size() == 5) {
        // The card lets PACE with the transport PIN through but refuses everything after it.
        pinStatus_ = PinStatus::TransportPin;
        const auto message = pinStatusMessage(PinStatus::TransportPin);
        return makeError(ErrorCode::AuthenticationFailed,
                         message.message + " " + message.nextStepText, "5-digit PIN");
    }
    auto chat = requestedChat(request.dataGroups, request.sectorPublicKey.has_value(),
                              terminal_.terminalCertificate());
    if (!chat) return chat.error();

    if (auto selected = selectMasterFile(card_); !selected) return selected.error();
    auto cardAccess = eac::readCardAccess(card_);
    if (!cardAccess) return during("EF.CardAccess", cardAccess.error());
    auto chipAuthentication = chooseChipAuthentication(*cardAccess);
    if (!chipAuthentication) return chipAuthentication.error();
    auto pace = cardAccess->choosePace();
    if (!pace) return during("EF.CardAccess", pace.error());

    // On a comfort reader an empty PIN is typed on its pinpad; the reader then protects TA and
    // CA with its PACE keys, and after CA the host protects with the new keys (the reader passes
    // protected APDUs on).
    PinManagement pins(card_, *pace);
    auto paced = pins.authenticateWithPin(request.pin, request.can, chat->encode(),
                                          request.certificateDescription);
    pinStatus_ = pins.lastStatus();
    if (!paced) return during("PACE", paced.error());
    auto securePointer = eac::SecureMessagingCard::afterPace(card_, *paced);
    eac::SecureMessagingCard& secure = *securePointer;

    auto chain = chainForCard(terminal_, *paced);
    if (!chain) return chain.error();
    eac::ChipAuthentication ca(secure, chipAuthentication->info,
                               std::move(chipAuthentication->parameters));
    auto ephemeralComp = ca.prepareEphemeralKey();
    if (!ephemeralComp) return ephemeralComp.error();

    eac::TerminalAuthentication::Input ta;
    for (const auto& certificate : chain->certificates())
        ta.certificates.push_back(certificate.encoded());
    ta.idPicc = paced->idPicc;
    ta.ephemeralKeyComp = *ephemeralComp;
    auto authenticated = eac::TerminalAuthentication(secure).run(
        ta, [this](ByteView data) { return terminal_.sign(data); });
    if (!authenticated) return terminalRefused(authenticated.error());

    auto cardSecurity = readFileByShortId(secure, kCardSecurityShortId, "EF.CardSecurity");
    if (!cardSecurity) return during("EF.CardSecurity", cardSecurity.error());
    if (!*cardSecurity) {
        return makeError(ErrorCode::AuthenticationFailed,
                         "The card cannot prove it is genuine: it has no EF.CardSecurity",
                         "EF.CardSecurity not found");
    }
    auto verified = verifyCardSecurity_(**cardSecurity);
    if (!verified) {
        return makeError(
            ErrorCode::AuthenticationFailed,
            "The card could not be verified as a genuine ID card: " + verified.error().message,
            "passive authentication: " + verified.error().detail);
    }
    // PACE ran with what the unsigned EF.CardAccess offered: it must be the chip's own.
    if (auto signedAccess = eac::checkCardAccessIsSigned(*cardAccess, *verified); !signedAccess) {
        return makeError(
            ErrorCode::AuthenticationFailed,
            "The card could not be verified as a genuine ID card: " + signedAccess.error().message,
            "passive authentication: " + signedAccess.error().detail);
    }
    auto chipKey = verifiedChipKey(verified->infos, *chipAuthentication);
    if (!chipKey) return chipKey.error();
    auto caKeys = ca.authenticate(*chipKey);
    if (!caKeys) return during("Chip Authentication", caKeys.error());
    secure.rekey(std::make_unique<eac::SecureMessaging>(std::move(*caKeys)));

    SelfAuthenticationResult result;
    result.documentSigner = verified->documentSigner;
    if (auto read = readDataGroups(secure, request.dataGroups, result); !read) return read.error();
    if (request.sectorPublicKey) {
        auto ri = eac::chooseRestrictedIdentification(verified->infos);
        if (!ri) return ri.error();
        auto identifier = eac::RestrictedIdentification(secure, std::move(*ri))
                              .sectorIdentifier(*request.sectorPublicKey);
        if (!identifier) return during("Restricted Identification", identifier.error());
        result.sectorIdentifier = std::move(*identifier);
    }
    return result;
}

}  // namespace oa::eid
