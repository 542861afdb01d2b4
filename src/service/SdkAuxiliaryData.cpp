#include "service/SdkAuxiliaryData.h"

#include "asn1/Tlv.h"

namespace oa::service {

namespace {

const Bytes kDateOfBirthOid = hexBytes("04007F000703010401");
const Bytes kDateOfExpiryOid = hexBytes("04007F000703010402");
const Bytes kCommunityIdOid = hexBytes("04007F000703010403");

Error malformed(const std::string& detail) {
    return makeError(ErrorCode::InvalidInput, "The service's auxiliary data is malformed.", detail);
}

bool sameBytes(ByteView a, const Bytes& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

std::optional<QDate> dateOf(ByteView value) {
    if (value.size() != 8) return std::nullopt;
    const QString text = QString::fromLatin1(reinterpret_cast<const char*>(value.data()), 8);
    for (QChar c : text)
        if (!c.isDigit()) return std::nullopt;
    const QDate date = QDate::fromString(text, QStringLiteral("yyyyMMdd"));
    if (!date.isValid()) return std::nullopt;
    return date;
}

int wholeYearsBetween(const QDate& from, const QDate& to) {
    int years = to.year() - from.year();
    if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day())) --years;
    return years;
}

}  // namespace

Result<QJsonObject> sdkAuxiliaryData(ByteView data, const QDate& today) {
    auto outer = asn1::readOne(data);
    if (!outer) return malformed(outer.error().detail);
    if (outer->tag != 0x67) return malformed("not an authenticated auxiliary data object (67)");
    auto templates = outer->children();
    if (!templates) return malformed(templates.error().detail);
    QJsonObject aux;
    for (const auto& entry : *templates) {
        if (entry.tag != 0x73) return malformed("an entry is not a discretionary data template");
        auto parts = entry.children();
        if (!parts || parts->size() != 2 || (*parts)[0].tag != 0x06 || (*parts)[1].tag != 0x53)
            return malformed("a template is not { OID, discretionary data }");
        const ByteView oid = (*parts)[0].value;
        const ByteView value = (*parts)[1].value;
        const char* key = sameBytes(oid, kDateOfBirthOid)    ? "ageVerificationDate"
                          : sameBytes(oid, kDateOfExpiryOid) ? "validityDate"
                          : sameBytes(oid, kCommunityIdOid)  ? "communityId"
                                                             : nullptr;
        if (key == nullptr) continue;
        if (aux.contains(QLatin1String(key))) return malformed(std::string(key) + " twice");
        if (key[0] == 'c') {
            aux.insert(QLatin1String(key), QString::fromStdString(toHex(value)));
            continue;
        }
        const auto date = dateOf(value);
        if (!date) return malformed(std::string(key) + " is not a YYYYMMDD date");
        aux.insert(QLatin1String(key), date->toString(Qt::ISODate));
        if (key[0] == 'a')
            aux.insert(QStringLiteral("requiredAge"), wholeYearsBetween(*date, today));
    }
    return aux;
}

}  // namespace oa::service
