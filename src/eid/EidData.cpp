#include "eid/EidData.h"

#include <algorithm>
#include <tuple>

namespace oa::eid {
namespace {

using Lines = std::vector<std::pair<std::string, std::string>>;

void add(Lines& lines, DataGroup group, const std::optional<std::string>& value) {
    if (value) lines.emplace_back(label(group), *value);
}

void add(Lines& lines, DataGroup group, const std::optional<PartialDate>& value) {
    if (value) lines.emplace_back(label(group), value->toDisplay());
}

std::string describeOptionalData(const std::vector<OptionalData>& entries) {
    if (entries.empty()) return "none";
    std::string text;
    for (const auto& entry : entries) {
        if (!text.empty()) text += "; ";
        text += entry.type;
        if (entry.data) text += " = " + toHex(*entry.data);
    }
    return text;
}

// JPEG 2000 comes as a JP2 file (signature box) or a bare codestream (SOC + SIZ markers).
bool looksLikeJpeg2000(const Bytes& image) {
    static const Bytes jp2 = hexBytes("0000000C6A5020200D0A870A");
    static const Bytes codestream = hexBytes("FF4FFF51");
    const auto startsWith = [&image](const Bytes& prefix) {
        return image.size() >= prefix.size() &&
               std::equal(prefix.begin(), prefix.end(), image.begin());
    };
    return startsWith(jp2) || startsWith(codestream);
}

}  // namespace

std::string describeDocumentType(const std::string& code) {
    if (code == "ID") return "identity card (ID)";
    if (code == "AR" || code == "AS" || code == "AF") return "residence permit (" + code + ")";
    return code;
}

const char* toString(Sex sex) {
    switch (sex) {
        case Sex::Female:
            return "female";
        case Sex::Male:
            return "male";
        case Sex::Unspecified:
            return "unspecified";
    }
    return "unspecified";
}

bool EidData::has(DataGroup group) const {
    switch (group) {
        case DataGroup::DG1:
            return documentType.has_value();
        case DataGroup::DG2:
            return issuingState.has_value() || issuingPlace.has_value();
        case DataGroup::DG3:
            return dateOfExpiry.has_value();
        case DataGroup::DG4:
            return givenNames.has_value();
        case DataGroup::DG5:
            return familyNames.has_value();
        case DataGroup::DG6:
            return artisticName.has_value();
        case DataGroup::DG7:
            return academicTitle.has_value();
        case DataGroup::DG8:
            return dateOfBirth.has_value();
        case DataGroup::DG9:
            return placeOfBirth.has_value();
        case DataGroup::DG10:
            return nationality.has_value();
        case DataGroup::DG11:
            return sex.has_value();
        case DataGroup::DG12:
            return optionalData.has_value();
        case DataGroup::DG13:
            return birthName.has_value();
        case DataGroup::DG14:
            return writtenSignature.has_value();
        case DataGroup::DG15:
            return dateOfIssuance.has_value();
        case DataGroup::DG16:
            return false;
        case DataGroup::DG17:
            return placeOfResidence.has_value();
        case DataGroup::DG18:
            return municipalityId.has_value();
        case DataGroup::DG19:
            return residencePermit1.has_value();
        case DataGroup::DG20:
            return residencePermit2.has_value();
        case DataGroup::DG21:
            return phoneNumber.has_value();
        case DataGroup::DG22:
            return emailAddress.has_value();
    }
    return false;
}

DocumentValidity EidData::validityOn(const PartialDate& today) const {
    if (!dateOfExpiry || !dateOfExpiry->isComplete() || !today.isComplete())
        return DocumentValidity::Unknown;
    const auto key = [](const PartialDate& d) {
        return std::make_tuple(*d.year(), *d.month(), *d.day());
    };
    return key(today) <= key(*dateOfExpiry) ? DocumentValidity::Valid : DocumentValidity::Expired;
}

std::vector<std::pair<std::string, std::string>> EidData::describe() const {
    Lines lines;
    if (documentType)
        lines.emplace_back(label(DataGroup::DG1), describeDocumentType(*documentType));
    add(lines, DataGroup::DG2, issuingState);
    if (issuingPlace) lines.emplace_back(label(DataGroup::DG2), toDisplay(*issuingPlace));
    add(lines, DataGroup::DG3, dateOfExpiry);
    add(lines, DataGroup::DG4, givenNames);
    add(lines, DataGroup::DG5, familyNames);
    add(lines, DataGroup::DG6, artisticName);
    add(lines, DataGroup::DG7, academicTitle);
    add(lines, DataGroup::DG8, dateOfBirth);
    if (placeOfBirth) lines.emplace_back(label(DataGroup::DG9), toDisplay(*placeOfBirth));
    add(lines, DataGroup::DG10, nationality);
    if (sex) lines.emplace_back(label(DataGroup::DG11), toString(*sex));
    if (optionalData) {
        lines.emplace_back(label(DataGroup::DG12), describeOptionalData(*optionalData));
    }
    add(lines, DataGroup::DG13, birthName);
    if (writtenSignature) {
        lines.emplace_back(
            label(DataGroup::DG14),
            std::string(looksLikeJpeg2000(*writtenSignature) ? "JPEG 2000 image" : "image") + ", " +
                std::to_string(writtenSignature->size()) + " bytes");
    }
    add(lines, DataGroup::DG15, dateOfIssuance);
    if (placeOfResidence) {
        for (const auto& place : *placeOfResidence)
            lines.emplace_back(label(DataGroup::DG17), toDisplay(place));
    }
    if (municipalityId) lines.emplace_back(label(DataGroup::DG18), municipalityId->digits);
    add(lines, DataGroup::DG19, residencePermit1);
    add(lines, DataGroup::DG20, residencePermit2);
    add(lines, DataGroup::DG21, phoneNumber);
    add(lines, DataGroup::DG22, emailAddress);
    return lines;
}

}  // namespace oa::eid
