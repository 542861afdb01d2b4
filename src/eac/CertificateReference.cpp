#include "eac/CertificateReference.h"

namespace oa::eac {
namespace {

constexpr std::size_t kMaxReferenceLength = 16;
constexpr std::size_t kMinReferenceLength = 7;  // country (2) + sequence number (5)
constexpr std::size_t kSequenceNumberLength = 5;

bool isLatin1Printable(std::uint8_t c) {
    return (c >= 0x20 && c <= 0x7E) || c >= 0xA0;
}

bool isAlphanumeric(std::uint8_t c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::optional<std::string> certificateReferenceProblem(ByteView value) {
    if (value.size() < kMinReferenceLength || value.size() > kMaxReferenceLength)
        return "length " + std::to_string(value.size());
    for (const auto c : value)
        if (!isLatin1Printable(c)) return "unprintable character";
    for (std::size_t i = 0; i < 2; ++i)
        if (value[i] < 'A' || value[i] > 'Z') return "no country code";
    for (std::size_t i = value.size() - kSequenceNumberLength; i < value.size(); ++i)
        if (!isAlphanumeric(value[i])) return "bad sequence number";
    return std::nullopt;
}

}  // namespace oa::eac
