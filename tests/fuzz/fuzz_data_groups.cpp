// Feeds arbitrary bytes to the data group decoders, as they are and wrapped in each data group's
// own [APPLICATION n] tag (so the fuzzer reaches the inner structures without guessing it).
// A rejection must leave earlier data untouched; an accepted group must be marked present, decode
// the same way twice, and describe itself in well-formed UTF-8.
#include <cstdlib>

#include "asn1/Tlv.h"
#include "eid/CharacterString.h"
#include "eid/EidData.h"

namespace {

using namespace oa;
using namespace oa::eid;

void check(DataGroup group, ByteView content) {
    EidData data;
    data.givenNames = "ERIKA";
    const EidData before = data;
    auto result = decodeDataGroup(group, content, data);
    if (!result) {
        if (!(data == before) || result.error().detail.empty()) std::abort();
        return;
    }
    if (group == DataGroup::DG16 || !data.has(group)) std::abort();
    EidData again = before;
    if (!decodeDataGroup(group, content, again) || !(again == data)) std::abort();
    for (const auto& [label, value] : data.describe()) {
        if (label.empty() || !isWellFormedUtf8(asciiBytes(value))) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const ByteView input(bytes, size);
    // As it is, the outer tag check is the same for every group: one group suffices.
    const int tagNumber = size > 0 ? bytes[0] & 0x1F : 1;
    check(dataGroupFromNumber(tagNumber).value_or(DataGroup::DG1), input);
    for (const auto group : allDataGroups()) {
        const Bytes wrapped = asn1::encode(0x60 | static_cast<asn1::Tag>(number(group)), input);
        check(group, wrapped);
    }
    return 0;
}
