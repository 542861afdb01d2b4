#include <QDir>
#include <QTemporaryDir>
#include <catch2/catch.hpp>

#include "asn1/Tlv.h"
#include "sim/card/CardProfile.h"
#include "sim/card/CardStateFile.h"
#include "sim/card/PersonalData.h"

using namespace oa;
using namespace oa::sim;

namespace {

std::string dg(const PersonalData& person, int number) {
    const auto encoded = encodeDataGroup(person, number);
    return encoded ? toHex(*encoded) : "absent";
}

Result<CardProfile> fromJson(const std::string& json) {
    return profileFromJson(asciiBytes(json));
}

}  // namespace

TEST_CASE("Data groups are encoded with their application tag and string type as on the card") {
    PersonalData p;
    p.documentType = "ID";
    p.issuingState = "D";
    p.dateOfExpiry = "20201031";
    p.givenNames = "ERIKA";
    p.familyNames = "MUSTERMANN";
    p.dateOfBirth = "19640812";
    p.nationality = "D";
    p.municipalityId = hexBytes("02761100000000");
    p.phoneNumber = "tel:+49-030-1234567";
    p.emailAddress = "erika@mustermann.de";
    p.residencePermit1 = "RESIDENCE PERMIT 1";
    CHECK(dg(p, 1) == "61041302" + toHex(asciiBytes("ID")));
    CHECK(dg(p, 2) == "6203130144");
    CHECK(dg(p, 3) == "630A1208" + toHex(asciiBytes("20201031")));
    CHECK(dg(p, 4) == "64070C05" + toHex(asciiBytes("ERIKA")));
    CHECK(dg(p, 5) == "650C0C0A" + toHex(asciiBytes("MUSTERMANN")));
    CHECK(dg(p, 8) == "680A1208" + toHex(asciiBytes("19640812")));
    CHECK(dg(p, 10) == "6A03130144");
    CHECK(dg(p, 18) == "7209040702761100000000");
    CHECK(dg(p, 19) == "7316A1140C12" + toHex(asciiBytes("RESIDENCE PERMIT 1")));
    CHECK(dg(p, 21) == "75151313" + toHex(asciiBytes("tel:+49-030-1234567")));
    CHECK(dg(p, 22) == "76151613" + toHex(asciiBytes("erika@mustermann.de")));
}

TEST_CASE("Places are encoded as structured, free text or no-place GeneralPlace") {
    PersonalData p;
    p.placeOfBirth.city = "BERLIN";
    p.placeOfBirth.state = "BERLIN";
    p.placeOfBirth.country = "D";
    CHECK(dg(p, 9) == "691B3019AB080C06" + toHex(asciiBytes("BERLIN")) + "AC080C06" +
                          toHex(asciiBytes("BERLIN")) + "AD03130144");
    p.residence.freeText = "KÖLN";
    CHECK(dg(p, 17).substr(0, 8) == "7109A107");
    p.residence.noPlaceInfo = "keine Hauptwohnung in Deutschland";
    CHECK(dg(p, 17).substr(0, 6) == "7125A2");
}

TEST_CASE("Data groups without data and the unpersonalised ones are absent") {
    PersonalData p;
    p.givenNames.clear();
    CHECK(dg(p, 4) == "absent");
    CHECK(dg(p, 12) == "absent");
    CHECK(dg(p, 14) == "absent");
    CHECK(dg(p, 16) == "absent");
    CHECK(dg(p, 17) == "absent");
}

TEST_CASE("Every built-in profile exists and parses its own data groups") {
    for (const auto& name : builtInProfileNames()) {
        const auto profile = builtInProfile(name);
        REQUIRE(profile);
        CHECK(profile->name == name);
        for (int number = kFirstDataGroup; number <= kLastDataGroup; ++number) {
            if (const auto encoded = encodeDataGroup(profile->person, number)) {
                CHECK(asn1::readOne(*encoded).ok());
            }
        }
    }
    CHECK_FALSE(builtInProfile("nobody"));
}

TEST_CASE("Built-in profiles differ where their names say") {
    CHECK(builtInProfile("under18")->person.dateOfBirth > "20080000");
    CHECK(builtInProfile("deactivated")->pinState.eidDeactivated);
    CHECK(builtInProfile("eat")->person.documentType == "AR");
    CHECK_FALSE(builtInProfile("eat")->person.residencePermit1.empty());
    CHECK(builtInProfile("transport-pin")->pinState.transportPin);
    CHECK(builtInProfile("transport-pin")->secrets.pin.size() == 5);
    CHECK(builtInProfile("mustermann-p384")->crypto.domainParameterId == 16);
    CHECK(builtInProfile("mustermann-p512")->crypto.aesKeyBits == 256);
    const auto adult = defaultProfile();
    CHECK(constantTimeEqual(adult.secrets.pin.bytes(), asciiBytes("123456")));
    CHECK(constantTimeEqual(adult.secrets.can.bytes(), asciiBytes("500540")));
    CHECK(constantTimeEqual(adult.secrets.puk.bytes(), asciiBytes("9876543210")));
}

TEST_CASE("A JSON profile overrides its base profile") {
    const auto profile = fromJson(R"({
        "base": "under18", "name": "kim", "givenNames": "KIM", "pin": "111111",
        "pinRetryCounter": 1, "placeOfBirth": {"city": "HAMBURG", "country": "D"},
        "municipalityId": "02760200000000", "emailAddress": "kim@example.org",
        "domainParameterId": 17})");
    REQUIRE(profile.ok());
    CHECK(profile->name == "kim");
    CHECK(profile->person.givenNames == "KIM");
    CHECK(profile->person.dateOfBirth == "20120517");
    CHECK(profile->person.placeOfBirth.city == "HAMBURG");
    CHECK(profile->person.municipalityId == hexBytes("02760200000000"));
    CHECK(profile->pinState.retryCounter == 1);
    CHECK(profile->crypto.domainParameterId == 17);
    CHECK(constantTimeEqual(profile->secrets.pin.bytes(), asciiBytes("111111")));
}

TEST_CASE("A JSON profile with unknown keys, wrong types or bad secrets is rejected") {
    CHECK_FALSE(fromJson(R"({"givenName": "typo"})").ok());
    CHECK_FALSE(fromJson(R"({"givenNames": 5})").ok());
    CHECK_FALSE(fromJson(R"({"pin": "12a456"})").ok());
    CHECK_FALSE(fromJson(R"({"pin": "12345"})").ok());  // 5 digits without transportPin
    CHECK(fromJson(R"({"pin": "12345", "transportPin": true})").ok());
    CHECK_FALSE(fromJson(R"({"puk": "123"})").ok());
    CHECK_FALSE(fromJson(R"({"pinRetryCounter": 4})").ok());
    CHECK_FALSE(fromJson(R"({"pinRetryCounter": 1.5})").ok());
    CHECK_FALSE(fromJson(R"({"dateOfBirth": "1964-08-12"})").ok());
    CHECK_FALSE(fromJson(R"({"base": "nobody"})").ok());
    CHECK_FALSE(fromJson(R"({"placeOfBirth": {"town": "X"}})").ok());
    CHECK_FALSE(fromJson(R"({"domainParameterId": 12})").ok());
    CHECK_FALSE(fromJson("[1,2]").ok());
    CHECK_FALSE(fromJson("{").ok());
    CHECK(fromJson("{}").ok());
    CHECK_FALSE(fromJson(R"({"mrz": "T2200012936"})").ok());
    CHECK(fromJson(R"({"mrz": "T22000129364081251010318"})")->secrets.mrz.size() == 24);
}

TEST_CASE("The card state survives a save and load") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const std::string path = QDir(dir.path()).filePath("state.json").toStdString();
    auto missing = loadCardState(path);
    REQUIRE(missing.ok());
    CHECK_FALSE(missing->has_value());
    PersistentCardState state{{1, 7, true, false}, SecureBytes::fromAscii("424242")};
    REQUIRE(saveCardState(path, state).ok());
    auto loaded = loadCardState(path);
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->pinState == state.pinState);
    CHECK(constantTimeEqual((*loaded)->pin.bytes(), asciiBytes("424242")));
    CHECK((QFile::permissions(QString::fromStdString(path)) & QFileDevice::ReadOther) == 0);
}

TEST_CASE("A damaged card state file is an error, not a fresh card") {
    QTemporaryDir dir;
    const std::string path = QDir(dir.path()).filePath("state.json").toStdString();
    QFile file(QString::fromStdString(path));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"pinRetryCounter": 9, "pukUsesLeft": 10, "pin": "123456"})");
    file.close();
    CHECK_FALSE(loadCardState(path).ok());
}
