#include "card/pcsc/ReaderFeatures.h"

#include <reader.h>

namespace oa::pcsc {
namespace {

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card reader sent an invalid answer",
                     std::move(detail));
}

std::optional<Bytes> control(SCARDHANDLE card, DWORD code) {
    Bytes answer(MAX_BUFFER_SIZE);
    DWORD length = 0;
    const LONG rv = SCardControl(card, code, nullptr, 0, answer.data(),
                                 static_cast<DWORD>(answer.size()), &length);
    if (rv != SCARD_S_SUCCESS || length > answer.size()) return std::nullopt;
    answer.resize(length);
    return answer;
}

}  // namespace

Result<std::map<std::uint8_t, std::uint32_t>> parseFeatureList(ByteView answer) {
    std::map<std::uint8_t, std::uint32_t> features;
    for (std::size_t at = 0; at < answer.size(); at += 6) {
        if (answer.size() - at < 6 || answer[at + 1] != 4) {
            return malformed("feature list entry at offset " + std::to_string(at) +
                             " is not tag 04 code(4)");
        }
        features[answer[at]] = std::uint32_t{answer[at + 2]} << 24 |
                               std::uint32_t{answer[at + 3]} << 16 |
                               std::uint32_t{answer[at + 4]} << 8 | answer[at + 5];
    }
    return features;
}

Result<std::map<std::uint8_t, std::uint32_t>> parseTlvProperties(ByteView answer) {
    std::map<std::uint8_t, std::uint32_t> properties;
    std::size_t at = 0;
    while (at < answer.size()) {
        if (answer.size() - at < 2) return malformed("TLV property header cut off");
        const std::uint8_t tag = answer[at];
        const std::size_t length = answer[at + 1];
        if (length != 1 && length != 2 && length != 4) {
            return malformed("TLV property " + std::to_string(tag) + " has length " +
                             std::to_string(length));
        }
        if (answer.size() - at - 2 < length) return malformed("TLV property value cut off");
        std::uint32_t value = 0;
        for (std::size_t i = length; i > 0; --i)
            value = value << 8 | answer[at + 1 + i];
        properties[tag] = value;
        at += 2 + length;
    }
    return properties;
}

bool supportsExtendedLength(const std::map<std::uint8_t, std::uint32_t>& tlvProperties) {
    const auto maxData = tlvProperties.find(PCSCv2_PART10_PROPERTY_dwMaxAPDUDataSize);
    return maxData == tlvProperties.end() || maxData->second > 256;
}

std::optional<std::uint32_t> featureControlCode(ByteView featureList, std::uint8_t feature) {
    const auto features = parseFeatureList(featureList);
    if (!features) return std::nullopt;
    const auto found = features->find(feature);
    if (found == features->end()) return std::nullopt;
    return found->second;
}

ComfortFeatures comfortFeatures(ByteView featureList) {
    ComfortFeatures features;
    features.executePace = featureControlCode(featureList, FEATURE_EXECUTE_PACE);
    features.modifyPinDirect = featureControlCode(featureList, FEATURE_MODIFY_PIN_DIRECT);
    return features;
}

ReaderCapabilities readerCapabilities(SCARDHANDLE card) {
    ReaderCapabilities capabilities;
    const auto featureAnswer = control(card, CM_IOCTL_GET_FEATURE_REQUEST);
    if (!featureAnswer) return capabilities;
    capabilities.comfort = comfortFeatures(*featureAnswer);
    const auto tlv = featureControlCode(*featureAnswer, FEATURE_GET_TLV_PROPERTIES);
    if (!tlv) return capabilities;
    const auto propertyAnswer = control(card, *tlv);
    if (!propertyAnswer) return capabilities;
    if (const auto properties = parseTlvProperties(*propertyAnswer))
        capabilities.extendedLength = supportsExtendedLength(*properties);
    return capabilities;
}

}  // namespace oa::pcsc
