#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include <winscard.h>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::pcsc {

// PC/SC part 10 reader features: the control codes a reader offers (GET_FEATURE_REQUEST) and its
// TLV properties (FEATURE_GET_TLV_PROPERTIES). Both answers come from the reader driver, so they
// are parsed strictly.

// Feature tag -> control code. Each entry is tag(1) 04 code(4, big-endian).
Result<std::map<std::uint8_t, std::uint32_t>> parseFeatureList(ByteView answer);
// Property tag -> value. Each entry is tag(1) length(1) value(1, 2 or 4 bytes, little-endian).
Result<std::map<std::uint8_t, std::uint32_t>> parseTlvProperties(ByteView answer);

// The comfort reader features of one reader, from one GET_FEATURE_REQUEST.
struct ComfortFeatures {
    std::optional<std::uint32_t> executePace;      // FEATURE_EXECUTE_PACE
    std::optional<std::uint32_t> modifyPinDirect;  // FEATURE_MODIFY_PIN_DIRECT
    // A pinpad reader that runs PACE itself: what ReaderInfo::pinpad says.
    bool isComfortReader() const { return executePace.has_value(); }
};
ComfortFeatures comfortFeatures(ByteView featureList);
// Whether a reader with these TLV properties carries extended-length APDUs. Readers that report
// dwMaxAPDUDataSize say so (0 means short APDUs only); readers that report nothing are trusted,
// as pcscd passes extended APDUs through.
bool supportsExtendedLength(const std::map<std::uint8_t, std::uint32_t>& tlvProperties);

// What a reader offers, from one GET_FEATURE_REQUEST (and its TLV properties when it lists
// them). A reader's driver does not change its features while it is plugged in, so one answer
// per reader serves every later connection.
struct ReaderCapabilities {
    ComfortFeatures comfort;
    bool extendedLength = true;
};
// Asks the reader over `card` (a card or a direct connection); a reader that answers nothing
// or garbage is a plain reader with extended length.
ReaderCapabilities readerCapabilities(SCARDHANDLE card);
// The control code of `feature` in a GET_FEATURE_REQUEST answer.
std::optional<std::uint32_t> featureControlCode(ByteView featureList, std::uint8_t feature);

}  // namespace oa::pcsc
