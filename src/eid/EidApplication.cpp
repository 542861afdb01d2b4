#include "eid/EidApplication.h"

namespace oa::eid {
namespace {

constexpr std::size_t kMaxFileSize = 32767;  // the largest offset READ BINARY can name
// Under secure messaging a short response carries 256 bytes in all; 223 bytes of plain data still
// fit with padding, DO'87', DO'99' and DO'8E' around them.
constexpr std::size_t kShortChunk = 223;

Error refused(const char* fileName, std::uint16_t sw) {
    if (sw == static_cast<std::uint16_t>(StatusWord::SecurityStatusNotSatisfied)) {
        return makeError(ErrorCode::AuthenticationFailed,
                         std::string("The card did not release ") + fileName +
                             ": the terminal has no right to read it",
                         "READ BINARY " + std::string(fileName) + " answered " + describe(sw));
    }
    return makeError(ErrorCode::CardError, "The ID card answered unexpectedly",
                     "READ BINARY " + std::string(fileName) + " answered " + describe(sw));
}

}  // namespace

Result<std::optional<Bytes>> readFileByShortId(Card& card, std::uint8_t shortFileId,
                                               const char* fileName) {
    const std::size_t chunk =
        card.supportsExtendedLength() ? CommandApdu::kExtendedMaxLe : kShortChunk;
    Bytes content;
    for (;;) {
        const bool first = content.empty();
        const auto p1 = first ? static_cast<std::uint8_t>(0x80 | shortFileId)
                              : static_cast<std::uint8_t>(content.size() >> 8);
        const auto p2 = first ? std::uint8_t{0} : static_cast<std::uint8_t>(content.size());
        CommandApdu command(0x00, 0xB0, p1, p2, {}, chunk);
        auto response = card.transmit(command);
        if (!response) return response.error();
        if (first && response->is(StatusWord::FileNotFound)) return std::optional<Bytes>();
        if (!first && response->is(StatusWord::WrongP1P2)) break;  // offset at the end
        if (!response->isSuccess() && !response->is(StatusWord::EndOfFileReached))
            return refused(fileName, response->sw());
        append(content, response->data());
        if (content.size() > kMaxFileSize)
            return makeError(ErrorCode::InvalidInput, "The card sent too much data",
                             std::string(fileName) + " larger than 32767 bytes");
        // A full answer may mean more data; an extended read of 65536 bytes never is full.
        if (!response->isSuccess() || response->data().size() < chunk) break;
    }
    return std::optional<Bytes>(std::move(content));
}

Result<void> selectMasterFile(Card& card) {
    auto response = card.transmit(CommandApdu(0x00, 0xA4, 0x00, 0x0C, hexBytes("3F00")));
    if (!response) return response.error();
    // P2 0C asks for no data: anything else is not an ID card speaking.
    if (!response->isSuccess() || !response->data().empty()) {
        return makeError(ErrorCode::CardError, "The card sent an invalid answer",
                         "SELECT MF answered " + describe(response->sw()) + " with " +
                             std::to_string(response->data().size()) + " data bytes");
    }
    return {};
}

Result<void> EidApplication::select() {
    static const Bytes kEidApplication = hexBytes("E80704007F00070302");
    auto response = card_.transmit(CommandApdu(0x00, 0xA4, 0x04, 0x0C, kEidApplication));
    if (!response) return response.error();
    if (!response->isSuccess()) {
        return makeError(ErrorCode::CardError, "The card has no eID application",
                         "SELECT eID application answered " + describe(response->sw()));
    }
    return {};
}

Result<std::optional<Bytes>> EidApplication::readDataGroup(DataGroup group) {
    const std::string name = toString(group);
    return readFileByShortId(card_, shortFileId(group), name.c_str());
}

}  // namespace oa::eid
