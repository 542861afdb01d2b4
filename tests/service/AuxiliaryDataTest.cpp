// ACCESS_RIGHTS' aux object from the eID-Server's authenticated auxiliary data.
#include <QJsonObject>
#include <catch2/catch.hpp>

#include "asn1/Tlv.h"
#include "service/SdkAuxiliaryData.h"

using namespace oa;
using namespace oa::service;

namespace {

Bytes entry(const char* oidHex, ByteView value) {
    return asn1::encode(0x73, {asn1::encode(0x06, hexBytes(oidHex)), asn1::encode(0x53, value)});
}

Bytes aux(std::initializer_list<Bytes> entries) {
    Bytes content;
    for (const auto& e : entries)
        append(content, e);
    return asn1::encode(0x67, content);
}

}  // namespace

TEST_CASE("SDK aux: age and validity dates, the required age and the community ID", "[sdk][aux]") {
    const Bytes data = aux({entry("04007F000703010401", asciiBytes("20080228")),
                            entry("04007F000703010402", asciiBytes("20261127")),
                            entry("04007F000703010403", hexBytes("02760400110000"))});
    auto parsed = sdkAuxiliaryData(data, QDate(2026, 2, 27));
    REQUIRE(parsed.ok());
    CHECK(parsed->value("ageVerificationDate").toString() == "2008-02-28");
    CHECK(parsed->value("requiredAge").toInt() == 17);  // the 18th birthday is a day later
    CHECK(sdkAuxiliaryData(data, QDate(2026, 2, 28))->value("requiredAge").toInt() == 18);
    CHECK(parsed->value("validityDate").toString() == "2026-11-27");
    CHECK(parsed->value("communityId").toString().toLower() == "02760400110000");
    CHECK(parsed->size() == 4);
}

TEST_CASE("SDK aux: only what the data holds; unknown OIDs are skipped", "[sdk][aux]") {
    auto parsed = sdkAuxiliaryData(aux({entry("04007F000703010402", asciiBytes("20300101")),
                                        entry("04007F000703010499", asciiBytes("x"))}),
                                   QDate(2026, 1, 1));
    REQUIRE(parsed.ok());
    CHECK(parsed->keys() == QStringList{"validityDate"});
    auto empty = sdkAuxiliaryData(hexBytes("6700"), QDate(2026, 1, 1));
    REQUIRE(empty.ok());
    CHECK(empty->isEmpty());
}

TEST_CASE("SDK aux: malformed data is refused", "[sdk][aux]") {
    const QDate today(2026, 1, 1);
    CHECK_FALSE(sdkAuxiliaryData(hexBytes("3000"), today).ok());
    CHECK_FALSE(sdkAuxiliaryData(hexBytes("6703"), today).ok());
    CHECK_FALSE(
        sdkAuxiliaryData(aux({entry("04007F000703010401", asciiBytes("2008022"))}), today).ok());
    CHECK_FALSE(
        sdkAuxiliaryData(aux({entry("04007F000703010401", asciiBytes("20081340"))}), today).ok());
    CHECK_FALSE(sdkAuxiliaryData(aux({entry("04007F000703010401", asciiBytes("20080101")),
                                      entry("04007F000703010401", asciiBytes("20080101"))}),
                                 today)
                    .ok());
    CHECK_FALSE(sdkAuxiliaryData(aux({asn1::encode(0x74, hexBytes("00"))}), today).ok());
}
