#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <map>
#include <vector>

#include "sim/card/CardProfile.h"

namespace oa::sim {
namespace {

Error invalid(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card profile is not valid", std::move(detail));
}

const std::map<QString, std::string PersonalData::*>& textFields() {
    static const std::map<QString, std::string PersonalData::*> fields{
        {"documentType", &PersonalData::documentType},
        {"issuingState", &PersonalData::issuingState},
        {"dateOfExpiry", &PersonalData::dateOfExpiry},
        {"givenNames", &PersonalData::givenNames},
        {"familyNames", &PersonalData::familyNames},
        {"artisticName", &PersonalData::artisticName},
        {"academicTitle", &PersonalData::academicTitle},
        {"dateOfBirth", &PersonalData::dateOfBirth},
        {"nationality", &PersonalData::nationality},
        {"sex", &PersonalData::sex},
        {"birthName", &PersonalData::birthName},
        {"dateOfIssuance", &PersonalData::dateOfIssuance},
        {"residencePermit1", &PersonalData::residencePermit1},
        {"residencePermit2", &PersonalData::residencePermit2},
        {"phoneNumber", &PersonalData::phoneNumber},
        {"emailAddress", &PersonalData::emailAddress},
    };
    return fields;
}

const std::map<QString, std::string Place::*>& placeFields() {
    static const std::map<QString, std::string Place::*> fields{
        {"street", &Place::street},
        {"city", &Place::city},
        {"state", &Place::state},
        {"country", &Place::country},
        {"zipCode", &Place::zipCode},
        {"freeText", &Place::freeText},
        {"noPlaceInfo", &Place::noPlaceInfo},
    };
    return fields;
}

bool isDigits(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool isDate(const std::string& text) {
    return text.empty() || (text.size() == 8 && std::all_of(text.begin(), text.end(), [](char c) {
                                return (c >= '0' && c <= '9') || c == ' ';
                            }));
}

Result<std::string> stringValue(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    if (!value.isString()) return invalid(key.toStdString() + " must be a string");
    return value.toString().toStdString();
}

Result<Place> placeFromJson(const QJsonValue& value, const QString& key) {
    if (!value.isObject()) return invalid(key.toStdString() + " must be an object");
    const QJsonObject object = value.toObject();
    Place place;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto field = placeFields().find(it.key());
        if (field == placeFields().end()) {
            return invalid("unknown key " + key.toStdString() + "." + it.key().toStdString());
        }
        auto text = stringValue(object, it.key());
        if (!text) return text.error();
        place.*(field->second) = *text;
    }
    return place;
}

Result<SecureBytes> secretFromJson(const QJsonObject& object, const QString& key,
                                   const std::vector<std::size_t>& lengths) {
    auto text = stringValue(object, key);
    if (!text) return text.error();
    const bool lengthOk = std::find(lengths.begin(), lengths.end(), text->size()) != lengths.end();
    if (!lengthOk || !isDigits(*text)) {
        wipe(*text);
        return invalid(key.toStdString() + " has the wrong number of digits");
    }
    SecureBytes secret = SecureBytes::fromAscii(*text);
    wipe(*text);
    return secret;
}

Result<int> integerFromJson(const QJsonObject& object, const QString& key, int low, int high) {
    const QJsonValue value = object.value(key);
    if (!value.isDouble()) return invalid(key.toStdString() + " must be a number");
    const double number = value.toDouble();
    const int integer = static_cast<int>(number);
    if (integer != number || integer < low || integer > high) {
        return invalid(key.toStdString() + " is out of range");
    }
    return integer;
}

Result<bool> boolFromJson(const QJsonObject& object, const QString& key) {
    const QJsonValue value = object.value(key);
    if (!value.isBool()) return invalid(key.toStdString() + " must be true or false");
    return value.toBool();
}

Result<void> applyKey(CardProfile& profile, const QJsonObject& object, const QString& key) {
    if (const auto field = textFields().find(key); field != textFields().end()) {
        auto text = stringValue(object, key);
        if (!text) return text.error();
        profile.person.*(field->second) = *text;
        return {};
    }
    if (key == "placeOfBirth" || key == "residence") {
        auto place = placeFromJson(object.value(key), key);
        if (!place) return place.error();
        (key == "residence" ? profile.person.residence : profile.person.placeOfBirth) = *place;
        return {};
    }
    if (key == "municipalityId") {
        auto text = stringValue(object, key);
        if (!text) return text.error();
        if (!fromHex(*text, profile.person.municipalityId)) {
            return invalid("municipalityId must be hex");
        }
        return {};
    }
    if (key == "pin" || key == "can" || key == "puk") {
        const std::vector<std::size_t> lengths = key == "pin"   ? std::vector<std::size_t>{5, 6}
                                                 : key == "can" ? std::vector<std::size_t>{6}
                                                                : std::vector<std::size_t>{10};
        auto secret = secretFromJson(object, key, lengths);
        if (!secret) return secret.error();
        (key == "pin"   ? profile.secrets.pin
         : key == "can" ? profile.secrets.can
                        : profile.secrets.puk) = std::move(*secret);
        return {};
    }
    if (key == "mrz") {
        // MRZ information: document number, date of birth, date of expiry, each with its check
        // digit (ICAO 9303-11 9.7.3), for PACE with the MRZ.
        auto text = stringValue(object, key);
        if (!text) return text.error();
        if (text->size() != 24) return invalid("mrz must be the 24 characters of MRZ information");
        profile.secrets.mrz = SecureBytes::fromAscii(*text);
        return {};
    }
    if (key == "pinRetryCounter" || key == "pukUsesLeft") {
        const bool counter = key == "pinRetryCounter";
        auto value =
            integerFromJson(object, key, 0, counter ? PinState::kMaxRetries : PinState::kPukUses);
        if (!value) return value.error();
        (counter ? profile.pinState.retryCounter : profile.pinState.pukUsesLeft) = *value;
        return {};
    }
    if (key == "eidDeactivated" || key == "transportPin") {
        auto value = boolFromJson(object, key);
        if (!value) return value.error();
        (key == "eidDeactivated" ? profile.pinState.eidDeactivated
                                 : profile.pinState.transportPin) = *value;
        return {};
    }
    if (key == "domainParameterId") {
        auto value = integerFromJson(object, key, 0, 255);
        if (!value) return value.error();
        if (*value == 13)
            profile.crypto = CardCryptoProfile::brainpoolP256r1();
        else if (*value == 16)
            profile.crypto = CardCryptoProfile::brainpoolP384r1();
        else if (*value == 17)
            profile.crypto = CardCryptoProfile::brainpoolP512r1();
        else
            return invalid("domainParameterId must be 13, 16 or 17");
        return {};
    }
    if (key == "name") {
        auto text = stringValue(object, key);
        if (!text) return text.error();
        profile.name = *text;
        return {};
    }
    if (key == "base") return {};  // handled before the overrides
    return invalid("unknown key " + key.toStdString());
}

Result<void> checkConsistency(const CardProfile& profile) {
    const PersonalData& p = profile.person;
    for (const std::string* date : {&p.dateOfExpiry, &p.dateOfBirth, &p.dateOfIssuance}) {
        if (!isDate(*date)) return invalid("dates are written YYYYMMDD");
    }
    if (profile.secrets.pin.size() == 5 && !profile.pinState.transportPin) {
        return invalid("a 5-digit PIN is a transport PIN: set transportPin");
    }
    if (profile.secrets.pin.size() == 6 && profile.pinState.transportPin) {
        return invalid("a transport PIN has 5 digits");
    }
    return {};
}

}  // namespace

Result<CardProfile> profileFromJson(ByteView json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray(reinterpret_cast<const char*>(json.data()), static_cast<qsizetype>(json.size())),
        &error);
    if (document.isNull()) return invalid(error.errorString().toStdString());
    if (!document.isObject()) return invalid("the profile must be a JSON object");
    const QJsonObject object = document.object();
    std::string baseName = "mustermann";
    if (object.contains("base")) {
        auto text = stringValue(object, "base");
        if (!text) return text.error();
        baseName = *text;
    }
    auto base = builtInProfile(baseName);
    if (!base) return invalid("unknown base profile " + baseName);
    CardProfile profile = std::move(*base);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (auto applied = applyKey(profile, object, it.key()); !applied) return applied.error();
    }
    if (auto consistent = checkConsistency(profile); !consistent) return consistent.error();
    return profile;
}

Result<CardProfile> loadProfileFile(const std::string& path) {
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::InvalidInput, "Cannot read the card profile",
                         path + ": " + file.errorString().toStdString());
    }
    const QByteArray content = file.readAll();
    auto profile =
        profileFromJson(ByteView(reinterpret_cast<const std::uint8_t*>(content.constData()),
                                 static_cast<std::size_t>(content.size())));
    if (!profile) {
        Error error = profile.error();
        error.detail = path + ": " + error.detail;
        return error;
    }
    return profile;
}

}  // namespace oa::sim
