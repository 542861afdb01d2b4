#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "eid/DataGroup.h"
#include "eid/PartialDate.h"
#include "eid/Place.h"

namespace oa::eid {

// ICAOSex of TR-03110-4: "F", "M" or a space for unspecified.
enum class Sex { Female, Male, Unspecified };

// DG18 MunicipalityID: the bytes as stored and the decimal digits they carry (two per byte),
// e.g. 02 76 05 03 15 00 00 -> "02760503150000".
struct MunicipalityId {
    Bytes bytes;
    std::string digits;
    bool operator==(const MunicipalityId&) const = default;
};

// One entry of DG12 OptionalDataR: an object identifier and, optionally, the data it defines
// (kept as the encoded ASN.1 element, since its type depends on the identifier).
struct OptionalData {
    std::string type;  // dotted object identifier
    std::optional<Bytes> data;
    bool operator==(const OptionalData&) const = default;
};

enum class DocumentValidity { Valid, Expired, Unknown };

// The decoded content of the data groups read from an eID card. A field is set only when its
// data group was read and decoded; absent data groups stay empty.
struct EidData {
    std::optional<std::string> documentType;      // DG1: "ID", "AR", "AS", "AF", ...
    std::optional<std::string> issuingState;      // DG2 as issuingState (ICAO code, "D")
    std::optional<StructuredPlace> issuingPlace;  // DG2 as issuingPlace
    std::optional<PartialDate> dateOfExpiry;      // DG3 (always complete)
    std::optional<std::string> givenNames;        // DG4
    std::optional<std::string> familyNames;       // DG5
    std::optional<std::string> artisticName;      // DG6 NomDePlume (artistic or religious name)
    std::optional<std::string> academicTitle;     // DG7
    std::optional<PartialDate> dateOfBirth;       // DG8 (may be partial)
    std::optional<Place> placeOfBirth;            // DG9
    std::optional<std::string> nationality;       // DG10 (ICAO code, "D")
    std::optional<Sex> sex;                       // DG11
    std::optional<std::vector<OptionalData>> optionalData;  // DG12
    std::optional<std::string> birthName;                   // DG13
    std::optional<Bytes> writtenSignature;                  // DG14 (JPEG 2000)
    std::optional<PartialDate> dateOfIssuance;              // DG15 (always complete)
    // DG17: usually one place; the card may list several (multResidence).
    std::optional<std::vector<Place>> placeOfResidence;
    std::optional<MunicipalityId> municipalityId;  // DG18
    std::optional<std::string> residencePermit1;   // DG19 (decompressed if it was compressed)
    std::optional<std::string> residencePermit2;   // DG20
    std::optional<std::string> phoneNumber;        // DG21, "tel:+49-..."
    std::optional<std::string> emailAddress;       // DG22

    // Whether the data group's field(s) hold a decoded value.
    bool has(DataGroup group) const;
    // Valid through the whole day of expiry; Unknown if DG3 was not read.
    DocumentValidity validityOn(const PartialDate& today) const;
    // (label, value) in data group order for printing; English labels, the caller may translate.
    std::vector<std::pair<std::string, std::string>> describe() const;

    bool operator==(const EidData&) const = default;
};

// "identity card", "residence permit"; the code itself for types we do not know.
std::string describeDocumentType(const std::string& code);
const char* toString(Sex sex);

// Decodes the content of one data group file (the [APPLICATION n] element, nothing before or
// after it) into its field of `into`. Strict: a wrong tag, length, character set or an impossible
// date gives an InvalidInput error naming the data group, and leaves `into` unchanged.
Result<void> decodeDataGroup(DataGroup group, ByteView content, EidData& into);

}  // namespace oa::eid
