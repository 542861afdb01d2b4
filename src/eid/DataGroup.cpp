#include "eid/DataGroup.h"

#include <array>
#include <charconv>

namespace oa::eid {
namespace {

struct Names {
    const char* domain;
    const char* label;
};

// Indexed by number - 1; domain names are the ASN.1 types of TR-03110-4 §2.2.3.
constexpr std::array<Names, 22> kNames{{
    {"DocumentType", "Document type"},
    {"IssuingEntity", "Issuing state"},
    {"DateOfExpiry", "Date of expiry"},
    {"GivenNames", "Given names"},
    {"FamilyNames", "Family names"},
    {"NomDePlume", "Artistic or religious name"},
    {"AcademicTitle", "Academic title"},
    {"DateOfBirth", "Date of birth"},
    {"PlaceOfBirth", "Place of birth"},
    {"Nationality", "Nationality"},
    {"Sex", "Sex"},
    {"OptionalDataR", "Optional data"},
    {"BirthName", "Birth name"},
    {"WrittenSignature", "Written signature"},
    {"DateOfIssuance", "Date of issuance"},
    {"RFU", "Reserved"},
    {"PlaceOfResidence", "Address"},
    {"MunicipalityID", "Community ID"},
    {"ResidencePermitI", "Residence permit I"},
    {"ResidencePermitII", "Residence permit II"},
    {"PhoneNumber", "Phone number"},
    {"EmailAddress", "E-mail address"},
}};

const Names& names(DataGroup group) {
    return kNames[static_cast<std::size_t>(number(group) - 1)];
}

}  // namespace

std::uint16_t fileId(DataGroup group) {
    return static_cast<std::uint16_t>(0x0100 | number(group));
}

std::uint8_t shortFileId(DataGroup group) {
    return static_cast<std::uint8_t>(number(group));
}

const char* domainName(DataGroup group) {
    return names(group).domain;
}

const char* label(DataGroup group) {
    return names(group).label;
}

std::string toString(DataGroup group) {
    return "DG" + std::to_string(number(group));
}

std::optional<DataGroup> dataGroupFromNumber(int number) {
    if (number < 1 || number > 22) return std::nullopt;
    return static_cast<DataGroup>(number);
}

std::optional<DataGroup> parseDataGroup(std::string_view text) {
    if (text.size() > 2 && (text[0] == 'D' || text[0] == 'd') && (text[1] == 'G' || text[1] == 'g'))
        text.remove_prefix(2);
    if (text.empty() || text.size() > 2 || text[0] == '0') return std::nullopt;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return dataGroupFromNumber(value);
}

std::vector<DataGroup> allDataGroups() {
    std::vector<DataGroup> groups;
    for (int n = 1; n <= 22; ++n)
        groups.push_back(static_cast<DataGroup>(n));
    return groups;
}

}  // namespace oa::eid
