#include "sim/card/AuxiliaryData.h"

#include <algorithm>

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

// A partial date on the card (unknown month or day) counts as its latest possible day, so nobody
// is judged older than they can be.
std::string completeDate(std::string date) {
    if (date.size() != 8) return date;
    if (date[4] == ' ') date.replace(4, 2, "12");
    if (date[6] == ' ') date.replace(6, 2, "31");
    return date;
}

std::string text(ByteView bytes) {
    return std::string(bytes.begin(), bytes.end());
}

bool isDate(const std::string& date) {
    return date.size() == 8 &&
           std::all_of(date.begin(), date.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Bytes ageVerificationOid() {
    return hexBytes("04007F000703010401");
}
Bytes documentValidityOid() {
    return hexBytes("04007F000703010402");
}
Bytes communityIdOid() {
    return hexBytes("04007F000703010403");
}

Refusable<AuxiliaryData> parseAuxiliaryData(ByteView encoded) {
    const auto outer = asn1::readOne(encoded);
    if (!outer || outer->tag != 0x67) return StatusWord::WrongData;
    const auto templates = outer->children();
    if (!templates) return StatusWord::WrongData;
    AuxiliaryData data;
    for (const auto& discretionary : *templates) {
        if (discretionary.tag != 0x73) return StatusWord::WrongData;
        const auto parts = discretionary.children();
        if (!parts || parts->size() != 2 || (*parts)[0].tag != 0x06 || (*parts)[1].tag != 0x53) {
            return StatusWord::WrongData;
        }
        Bytes oid((*parts)[0].value.begin(), (*parts)[0].value.end());
        if (data.count(oid)) return StatusWord::WrongData;
        data[oid] = Bytes((*parts)[1].value.begin(), (*parts)[1].value.end());
    }
    return data;
}

StatusWord verifyAuxiliaryData(ByteView oidObject, const AuxiliaryData& auxiliaryData,
                               const PersonalData& person,
                               const TerminalAuthorization& authorization) {
    const auto oidElement = asn1::readOne(oidObject);
    if (!oidElement || oidElement->tag != 0x06) return StatusWord::WrongData;
    const Bytes oid(oidElement->value.begin(), oidElement->value.end());
    const auto reference = auxiliaryData.find(oid);
    if (reference == auxiliaryData.end()) return StatusWord::ReferencedDataNotFound;
    const std::string value = text(reference->second);
    bool matches = false;
    if (oid == ageVerificationOid()) {
        if (!authorization.has(TerminalAuthorization::kAgeVerification)) {
            return StatusWord::SecurityStatusNotSatisfied;
        }
        if (!isDate(value)) return StatusWord::WrongData;
        matches = !person.dateOfBirth.empty() && completeDate(person.dateOfBirth) <= value;
    } else if (oid == documentValidityOid()) {
        if (!isDate(value)) return StatusWord::WrongData;
        matches = person.dateOfExpiry >= value;
    } else if (oid == communityIdOid()) {
        if (!authorization.has(TerminalAuthorization::kCommunityIdVerification)) {
            return StatusWord::SecurityStatusNotSatisfied;
        }
        const Bytes& id = person.municipalityId;
        const Bytes& prefix = reference->second;
        matches = !prefix.empty() && prefix.size() <= id.size() &&
                  std::equal(prefix.begin(), prefix.end(), id.begin());
    } else {
        return StatusWord::ReferencedDataNotFound;
    }
    return matches ? StatusWord::Success : StatusWord::AuthenticationFailed;
}

}  // namespace oa::sim
