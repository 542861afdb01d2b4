#include "service/SdkSimulatorCard.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>

#include "crypto/OpenSsl.h"
#include "sim/card/CardProfile.h"
#include "sim/card/ChipCrypto.h"
#include "sim/card/EfCardAccess.h"
#include "sim/card/VirtualCard.h"

namespace oa::service {

namespace {

Error invalid(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "Parameter 'simulator' is invalid", detail);
}

bool onlyKeys(const QJsonObject& object, const QSet<QString>& allowed) {
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key())) return false;
    return true;
}

// Hex text of exactly `digits` digits (0: any even, non-zero length).
std::optional<Bytes> hexValue(const QJsonValue& value, int digits) {
    if (!value.isString()) return std::nullopt;
    const QString text = value.toString();
    if (text.isEmpty() || text.size() % 2 != 0) return std::nullopt;
    if (digits != 0 && text.size() != digits) return std::nullopt;
    for (QChar c : text)
        if (!c.isDigit() && !(c.toLower() >= 'a' && c.toLower() <= 'f')) return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    return Bytes(raw.begin(), raw.end());
}

Result<SdkSimulatorCard::File> parseFile(const QJsonValue& value) {
    if (!value.isObject()) return invalid("a file is not an object");
    const QJsonObject object = value.toObject();
    if (!onlyKeys(object, {"fileId", "shortFileId", "content"}))
        return invalid("unknown key in a file");
    auto fileId = hexValue(object.value("fileId"), 4);
    auto shortFileId = hexValue(object.value("shortFileId"), 2);
    auto content = hexValue(object.value("content"), 0);
    if (!fileId || !shortFileId || !content)
        return invalid("fileId (4 hex digits), shortFileId (2) and content (hex) are required");
    if ((*shortFileId)[0] == 0 || (*shortFileId)[0] > 0x1F)
        return invalid("shortFileId is not between 01 and 1F");
    SdkSimulatorCard::File file;
    file.fileId = static_cast<std::uint16_t>(((*fileId)[0] << 8) | (*fileId)[1]);
    file.shortFileId = (*shortFileId)[0];
    file.content = std::move(*content);
    return file;
}

Result<SdkSimulatorCard::Key> parseKey(const QJsonValue& value) {
    if (!value.isObject()) return invalid("a key is not an object");
    const QJsonObject object = value.toObject();
    if (!onlyKeys(object, {"id", "content"})) return invalid("unknown key in a key");
    const QJsonValue id = object.value("id");
    auto content = hexValue(object.value("content"), 0);
    if (!id.isDouble() || id.toDouble() != static_cast<double>(id.toInt()) || id.toInt() < 1 ||
        id.toInt() > 255 || !content)
        return invalid("id (1-255) and content (hex) are required");
    return SdkSimulatorCard::Key{id.toInt(), std::move(*content)};
}

constexpr std::uint16_t kEfCardSecurity = 0x011D;

// A DER private key (PKCS#8 or RFC 5915) or a raw big-endian scalar, as `size` octets.
Result<SecureBytes> privateScalar(const Bytes& content, std::size_t size) {
    Bytes scalar = content;
    const unsigned char* cursor = content.data();
    crypto::OpenSslPtr<EVP_PKEY, EVP_PKEY_free> key(
        d2i_AutoPrivateKey(nullptr, &cursor, static_cast<long>(content.size())));
    if (key && cursor == content.data() + content.size()) {
        BIGNUM* raw = nullptr;
        if (EVP_PKEY_get_bn_param(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, &raw) != 1)
            return invalid("the key has no private EC scalar");
        crypto::BignumPtr number(raw);
        scalar.assign(size, 0);
        if (BN_bn2binpad(number.get(), scalar.data(), static_cast<int>(size)) < 0)
            return invalid("the private scalar is longer than the card's curve");
    }
    while (scalar.size() > size && scalar.front() == 0)
        scalar.erase(scalar.begin());
    if (scalar.size() > size) return invalid("the private scalar is longer than the card's curve");
    if (std::all_of(scalar.begin(), scalar.end(), [](std::uint8_t b) { return b == 0; }))
        return invalid("the private scalar is zero");
    scalar.insert(scalar.begin(), size - scalar.size(), 0);
    SecureBytes secret{ByteView(scalar)};
    std::fill(scalar.begin(), scalar.end(), 0);
    return secret;
}

}  // namespace

Result<SdkSimulatorCard> parseSdkSimulatorCard(const QJsonValue& value) {
    SdkSimulatorCard card;
    if (value.isUndefined()) return card;
    if (!value.isObject()) return invalid("not an object");
    const QJsonObject object = value.toObject();
    if (!onlyKeys(object, {"files", "keys"})) return invalid("unknown key");
    const QJsonValue files = object.value("files");
    const QJsonValue keys = object.value("keys");
    if ((!files.isUndefined() && !files.isArray()) || (!keys.isUndefined() && !keys.isArray()))
        return invalid("files and keys must be arrays");
    for (const QJsonValue& entry : files.toArray()) {
        auto file = parseFile(entry);
        if (!file) return file.error();
        card.files.push_back(std::move(*file));
    }
    for (const QJsonValue& entry : keys.toArray()) {
        auto key = parseKey(entry);
        if (!key) return key.error();
        card.keys.push_back(std::move(*key));
    }
    return card;
}

Result<std::shared_ptr<VirtualCard>> makeSdkSimulatorCard(const SdkSimulatorCard& card) {
    sim::CardProfile profile = sim::defaultProfile();
    const auto curve = sim::chip::EcCurve::standardized(profile.crypto.domainParameterId);
    if (!curve) return invalid("the default card has no standardized curve");
    for (const auto& key : card.keys) {
        auto scalar = privateScalar(key.content, curve->fieldSize());
        if (!scalar) return scalar.error();
        if (key.id == profile.crypto.chipAuthenticationKeyId) {
            profile.chipAuthenticationKey = std::move(*scalar);
            // EF.CardSecurity must name the new public key: signed again unless a file gives it.
            profile.cardSecurity.clear();
            profile.signCardSecurityWithTestPki = true;
        } else if (key.id == static_cast<int>(sim::kRestrictedIdentificationKeyId)) {
            profile.restrictedIdentificationKey = std::move(*scalar);
        } else {
            return invalid("no key with id " + std::to_string(key.id) + " on the card");
        }
    }
    for (const auto& file : card.files) {
        if (file.fileId == kEfCardSecurity) profile.cardSecurity = file.content;
        profile.fileOverrides.push_back({file.fileId, file.shortFileId, file.content});
    }
    return std::make_shared<VirtualCard>(std::move(profile));
}

}  // namespace oa::service
