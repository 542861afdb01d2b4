#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oa::eid {

// The data groups of the eID application (TR-03110-4 §2.2.3). DG16 is reserved.
enum class DataGroup {
    DG1 = 1,
    DG2,
    DG3,
    DG4,
    DG5,
    DG6,
    DG7,
    DG8,
    DG9,
    DG10,
    DG11,
    DG12,
    DG13,
    DG14,
    DG15,
    DG16,
    DG17,
    DG18,
    DG19,
    DG20,
    DG21,
    DG22,
};

inline int number(DataGroup group) {
    return static_cast<int>(group);
}
// File identifier 01nn and short file identifier nn (nn = the number in hex).
std::uint16_t fileId(DataGroup group);
std::uint8_t shortFileId(DataGroup group);
// The ASN.1 type name of the content ("DocumentType", "PlaceOfResidence").
const char* domainName(DataGroup group);
// An English label for people ("Date of birth"); the caller may translate.
const char* label(DataGroup group);
// "DG4".
std::string toString(DataGroup group);

std::optional<DataGroup> dataGroupFromNumber(int number);
// Accepts "DG4", "dg4" or "4".
std::optional<DataGroup> parseDataGroup(std::string_view text);
// DG1..DG22 in order, including the reserved DG16.
std::vector<DataGroup> allDataGroups();

}  // namespace oa::eid
