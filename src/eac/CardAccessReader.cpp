#include "eac/CardAccessReader.h"

namespace oa::eac {
namespace {

constexpr std::size_t kMaxSize = 4096;
constexpr std::uint8_t kShortFileIdentifier = 0x1C;

}  // namespace

Result<Bytes> readEfCardAccess(Card& card) {
    Bytes content;
    for (;;) {
        // The first read selects the file through its short identifier; later reads use offsets.
        const bool first = content.empty();
        const auto p1 = first ? static_cast<std::uint8_t>(0x80 | kShortFileIdentifier)
                              : static_cast<std::uint8_t>(content.size() >> 8);
        const auto p2 = first ? std::uint8_t{0} : static_cast<std::uint8_t>(content.size());
        auto response =
            card.transmit(CommandApdu(0x00, 0xB0, p1, p2, {}, CommandApdu::kShortMaxLe));
        if (!response) return response.error();
        if (!first && response->is(StatusWord::WrongP1P2)) break;  // offset at the end
        if (!response->isSuccess() && !response->is(StatusWord::EndOfFileReached)) {
            if (first && response->is(StatusWord::FileNotFound))
                return makeError(ErrorCode::Unsupported, "This card is not an ID card with PACE",
                                 "EF.CardAccess not found");
            return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                             "READ BINARY EF.CardAccess answered " + describe(response->sw()));
        }
        append(content, response->data());
        if (content.size() > kMaxSize)
            return makeError(ErrorCode::InvalidInput, "The card's security information is damaged",
                             "EF.CardAccess larger than 4 KiB");
        if (!response->isSuccess() || response->data().size() < CommandApdu::kShortMaxLe) break;
    }
    if (content.empty())
        return makeError(ErrorCode::InvalidInput, "The card's security information is damaged",
                         "EF.CardAccess is empty");
    return content;
}

Result<SecurityInfos> readCardAccess(Card& card) {
    auto content = readEfCardAccess(card);
    if (!content) return content.error();
    return SecurityInfos::parse(*content);
}

}  // namespace oa::eac
