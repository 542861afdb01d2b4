#include "sim/card/CardProfile.h"

#include "sim/pki/TestPki.h"

namespace oa::sim {
namespace {

PersonalData erikaMustermann() {
    PersonalData p;
    p.documentType = "ID";
    p.issuingState = "D";
    p.dateOfExpiry = "20341031";
    p.givenNames = "ERIKA";
    p.familyNames = "MUSTERMANN";
    p.artisticName = "";
    p.academicTitle = "DR.";
    p.dateOfBirth = "19640812";
    p.placeOfBirth.freeText = "BERLIN";
    p.nationality = "D";
    p.birthName = "GABLER";
    p.dateOfIssuance = "20241101";
    p.residence.street = "HEIDESTRASSE 17";
    p.residence.city = "KÖLN";
    p.residence.country = "D";
    p.residence.zipCode = "51147";
    p.municipalityId = hexBytes("02760503150000");
    return p;
}

CardProfile mustermann() {
    CardProfile profile;
    profile.name = "mustermann";
    profile.person = erikaMustermann();
    profile.crypto = CardCryptoProfile::brainpoolP256r1();
    // The last anchor is the one PACE names as current CVCA (87), the other as previous (88).
    profile.trustAnchors = {TestPki::builtIn().cvcaCertificate(), workedExampleCvcaCertificate()};
    profile.signCardSecurityWithTestPki = true;
    profile.currentDate = "100903";
    profile.chipAuthenticationKey = workedExampleChipAuthenticationKey();
    return profile;
}

CardProfile under18() {
    CardProfile profile = mustermann();
    profile.name = "under18";
    profile.person.givenNames = "LEON";
    profile.person.academicTitle.clear();
    profile.person.birthName.clear();
    profile.person.dateOfBirth = "20120517";
    return profile;
}

CardProfile deactivated() {
    CardProfile profile = mustermann();
    profile.name = "deactivated";
    profile.pinState.eidDeactivated = true;
    return profile;
}

CardProfile residencePermit() {
    CardProfile profile = mustermann();
    profile.name = "eat";
    PersonalData& p = profile.person;
    p.documentType = "AR";
    p.givenNames = "ANNA";
    p.familyNames = "SILVA";
    p.academicTitle.clear();
    p.birthName.clear();
    p.dateOfBirth = "19900301";
    p.placeOfBirth = Place{};
    p.placeOfBirth.freeText = "SÃO PAULO";
    p.nationality = "BRA";
    p.sex = "F";
    p.residencePermit1 = "AUFENTHALTSERLAUBNIS § 18B ABS. 1 AUFENTHG";
    p.residencePermit2 = "ERWERBSTÄTIGKEIT GESTATTET";
    return profile;
}

CardProfile transportPin() {
    CardProfile profile = mustermann();
    profile.name = "transport-pin";
    profile.secrets.pin = SecureBytes::fromAscii("12345");
    profile.pinState.transportPin = true;
    return profile;
}

CardProfile withCrypto(const char* name, CardCryptoProfile crypto) {
    CardProfile profile = mustermann();
    profile.name = name;
    profile.crypto = crypto;
    profile.chipAuthenticationKey.clear();  // the worked example's key is on brainpoolP256r1
    return profile;
}

}  // namespace

Bytes workedExampleCvcaCertificate() {
    return hexBytes(
        "7F218202F37F4E82026A5F290100420D444543564341415430303030317F4982021F060A04007F0007020202"
        "02058140AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA703308717D4D9B009BC66842"
        "AECDA12AE6A380E62881FF2F2D82C68528AA6056583A48F382407830A3318B603B89E2327145AC234CC594CB"
        "DD8D3DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D77FC"
        "94CA83403DF91610A83441CAEA9863BC2DED5D5AA8253AA10A2EF1C98B9AC8B57F1117A72BF2C7B9E7C1AC4D"
        "77FC94CADC083E67984050B75EBAE5DD2809BD638016F7238481810481AEE4BDD82ED9645A21322E9C4C6A93"
        "85ED9F70B5D916C1B43B62EEF4D0098EFF3B1F78E2D0D48D50D1687B93B97D5F7C6D5047406A5E688B352209"
        "BCB9F8227DDE385D566332ECC0EABFA9CF7822FDF209F70024A57B1AA000C55B881F8111B2DCDE494A5F485E"
        "5BCA4BD88A2763AED1CA2B2FA8F0540678CD1E0F3AD808928540AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB30"
        "8DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC10471DB1D381085DDADDB58796829CA9"
        "00698681810464F09C617C0D5A4E2E88B2598AF06860440C07C5ED353A18A14E938A6CBCE30594D94079594C"
        "CFAEFE28D9AAC9AC1BD37C89B6CCBD10B14FC3AA19DEB1FD03EA151A42B892547A339618C4C9F26FA983855D"
        "893F81413CD320EA4230D3415EBCCDB5908D91DC23C6566F47B8A0E0A19C175BDC775D8824676AACFAEDEA0C"
        "160E8701015F200D444543564341415430303030317F4C0E060904007F0007030102015301C35F2506010000"
        "0903005F24060101000902055F378180A5E72244D0AC9CD3E8FE9B878EA32A24F4AA060FD17C2A8291D9797E"
        "8A60F28A2978E3F4EAE840E95B6A64FDA44D8D39A699521CD5382203964945150A6CC4A50C49EE234AB36DF6"
        "75E44C11499080676DD5B3AC1859D98B302CA9605CD94A51D7DA5738BEAA49848BCA7777B7DC9ACCDAA1D0B6"
        "4432B2C13889A4854C9FF346");
}

SecureBytes workedExampleChipAuthenticationKey() {
    return SecureBytes(
        hexBytes("7984674CF3B3A524BF929CE8A67FCF22173DA0BAD595EED6DEB72D22C542FA9D"));
}

std::vector<std::string> builtInProfileNames() {
    return {"mustermann",    "under18",         "deactivated",    "eat",
            "transport-pin", "mustermann-p384", "mustermann-p512"};
}

std::optional<CardProfile> builtInProfile(const std::string& name) {
    if (name == "mustermann" || name == "default") return mustermann();
    if (name == "under18") return under18();
    if (name == "deactivated") return deactivated();
    if (name == "eat") return residencePermit();
    if (name == "transport-pin") return transportPin();
    if (name == "mustermann-p384") {
        return withCrypto("mustermann-p384", CardCryptoProfile::brainpoolP384r1());
    }
    if (name == "mustermann-p512") {
        return withCrypto("mustermann-p512", CardCryptoProfile::brainpoolP512r1());
    }
    return std::nullopt;
}

CardProfile defaultProfile() {
    return mustermann();
}

}  // namespace oa::sim
