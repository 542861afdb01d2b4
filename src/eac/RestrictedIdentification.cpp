#include "eac/RestrictedIdentification.h"

#include "asn1/Tlv.h"
#include "card/ResponseApdu.h"
#include "crypto/Hash.h"
#include "eac/DerInteger.h"

namespace oa::eac {
namespace {

constexpr asn1::Tag kPublicKeyTag = 0x7F49;
constexpr asn1::Tag kFirstSectorKey = 0xA0;
constexpr asn1::Tag kFirstSectorIdentifier = 0x81;

Error cardAnswered(const ResponseApdu& response, const char* step) {
    const bool refused = response.sw() == 0x6982 || response.sw() == 0x6A80;
    return makeError(
        refused ? ErrorCode::AuthenticationFailed : ErrorCode::CardError,
        refused ? "The card refused to compute the pseudonym for this service"
                : "The ID card answered unexpectedly",
        std::string("Restricted Identification ") + step + ": " + describe(response.sw()));
}

}  // namespace

Result<RestrictedIdentificationInfo> chooseRestrictedIdentification(const SecurityInfos& infos) {
    const auto& offered = infos.restrictedIdentificationInfos();
    for (const auto& info : offered)
        if (!info.authorizedOnly) return info;
    if (!offered.empty()) return offered.front();
    return makeError(ErrorCode::Unsupported,
                     "This card does not offer pseudonyms (Restricted Identification)",
                     "no RestrictedIdentificationInfo in EF.CardSecurity");
}

Result<Bytes> RestrictedIdentification::sectorIdentifier(ByteView sectorPublicKey) {
    auto key = asn1::readOne(sectorPublicKey);
    if (!key || key->tag != kPublicKeyTag) {
        return makeError(ErrorCode::InvalidInput, "The service's sector key is malformed",
                         "sector public key is not one 7F49 data object");
    }
    Bytes select = asn1::encode(0x80, info_.protocol);
    append(select, asn1::encode(0x84, keyReference(info_.keyId)));
    auto selected = card_.transmit(CommandApdu(0x00, 0x22, 0x41, 0xA4, std::move(select)));
    if (!selected) return selected.error();
    if (!selected->isSuccess()) return cardAnswered(*selected, "MSE:Set AT");

    const Bytes data = asn1::encode(0x7C, asn1::encode(kFirstSectorKey, key->value));
    auto answer = card_.transmit(CommandApdu(0x00, 0x86, 0x00, 0x00, data, 256));
    if (!answer) return answer.error();
    if (!answer->isSuccess()) return cardAnswered(*answer, "General Authenticate");
    // Only one sector key was sent: the answer is exactly 7C{81 hash}, the hash as long as the
    // protocol's hash function makes it.
    std::optional<asn1::Tlv> identifier;
    if (auto outer = asn1::readOne(answer->data()); outer && outer->tag == 0x7C) {
        if (auto inner = outer->children();
            inner && inner->size() == 1 && (*inner)[0].tag == kFirstSectorIdentifier)
            identifier = (*inner)[0];
    }
    if (!identifier) {
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "Restricted Identification: the answer is not one sector identifier (81)");
    }
    if (identifier->value.size() != crypto::hashLength(info_.hash)) {
        return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                         "Restricted Identification: sector identifier of " +
                             std::to_string(identifier->value.size()) + " bytes, hash has " +
                             std::to_string(crypto::hashLength(info_.hash)));
    }
    return Bytes(identifier->value.begin(), identifier->value.end());
}

}  // namespace oa::eac
