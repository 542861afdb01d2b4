#include "sim/card/CardProfile.h"

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
    return {"mustermann", erikaMustermann(), {}, {}, CardCryptoProfile::brainpoolP256r1()};
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
    return profile;
}

}  // namespace

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
