#include "sim/card/FileCommands.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

constexpr std::uint8_t kSelectMfDfOrEf = 0x00;
constexpr std::uint8_t kSelectEfUnderCurrentDf = 0x02;
constexpr std::uint8_t kSelectByAid = 0x04;
constexpr std::uint8_t kNoResponseData = 0x0C;
constexpr std::uint16_t kNoCurrentEf = 0x6986;

ResponseApdu status(StatusWord sw) {
    return ResponseApdu({}, sw);
}

Bytes twoBytes(std::size_t value) {
    return {static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)};
}

// File control parameters: size, descriptor (01 transparent EF, 38 DF) and identifier.
Bytes fcpOfFile(const ElementaryFile& file) {
    return asn1::encode(
        0x62, {asn1::encode(0x80, twoBytes(file.content.size())), asn1::encode(0x82, Bytes{0x01}),
               asn1::encode(0x83, twoBytes(file.fid))});
}

Bytes fcpOfDedicatedFile(ByteView identifier, asn1::Tag identifierTag) {
    return asn1::encode(0x62,
                        {asn1::encode(0x82, Bytes{0x38}), asn1::encode(identifierTag, identifier)});
}

ResponseApdu answerSelection(const CommandApdu& command, const Bytes& fcp) {
    if (command.p2() == kNoResponseData) return status(StatusWord::Success);
    return ResponseApdu(fcp, StatusWord::Success);
}

std::optional<std::uint16_t> fileIdentifier(const CommandApdu& command) {
    if (command.data().size() != 2) return std::nullopt;
    return static_cast<std::uint16_t>(command.data()[0] << 8 | command.data()[1]);
}

}  // namespace

ResponseApdu selectFile(FileSystem& files, const CommandApdu& command) {
    const std::uint8_t p2 = command.p2() & 0xF3;  // b4b3 choose first/next occurrence: ignored
    if (p2 != 0x00 && p2 != 0x04 && p2 != kNoResponseData) {
        return status(StatusWord::WrongParameters);
    }
    switch (command.p1()) {
        case kSelectMfDfOrEf:
        case kSelectEfUnderCurrentDf: {
            if (command.data().empty() && command.p1() == kSelectMfDfOrEf) {
                files.selectMasterFile();
                return answerSelection(command, fcpOfDedicatedFile(twoBytes(0x3F00), 0x83));
            }
            const auto fid = fileIdentifier(command);
            if (!fid) return status(StatusWord::WrongLength);
            if (*fid == FileSystem::kMasterFileId && command.p1() == kSelectMfDfOrEf) {
                files.selectMasterFile();
                return answerSelection(command, fcpOfDedicatedFile(twoBytes(*fid), 0x83));
            }
            if (!files.selectFile(*fid)) return status(StatusWord::FileNotFound);
            return answerSelection(command, fcpOfFile(*files.currentFile()));
        }
        case kSelectByAid:
            if (command.data().empty()) return status(StatusWord::WrongLength);
            if (!files.selectApplication(command.data())) return status(StatusWord::FileNotFound);
            return answerSelection(command, fcpOfDedicatedFile(command.data(), 0x84));
        default:
            return status(StatusWord::WrongParameters);
    }
}

ResponseApdu readBinary(FileSystem& files, const CommandApdu& command,
                        const ReadPermission& permission) {
    if (!command.data().empty() || command.le() == CommandApdu::kNoLe) {
        return status(StatusWord::WrongLength);
    }
    std::size_t offset = 0;
    if (command.p1() & 0x80) {
        const std::uint8_t sfi = command.p1() & 0x7F;
        if (sfi == 0 || sfi > 0x1E) return status(StatusWord::WrongParameters);
        if (!files.selectShortFileId(sfi)) return status(StatusWord::FileNotFound);
        offset = command.p2();
    } else {
        offset = static_cast<std::size_t>(command.p1()) << 8 | command.p2();
    }
    const ElementaryFile* file = files.currentFile();
    if (!file) return ResponseApdu({}, kNoCurrentEf);
    if (const StatusWord refusal = permission(*file); refusal != StatusWord::Success) {
        return status(refusal);
    }
    const Bytes& content = file->content;
    if (offset >= content.size()) return status(StatusWord::WrongP1P2);
    const std::size_t available = content.size() - offset;
    const std::size_t length = std::min(available, command.le());
    Bytes data(content.begin() + static_cast<std::ptrdiff_t>(offset),
               content.begin() + static_cast<std::ptrdiff_t>(offset + length));
    return ResponseApdu(std::move(data),
                        length < command.le() ? StatusWord::EndOfFileReached : StatusWord::Success);
}

ResponseApdu updateBinary(FileSystem& files, const CommandApdu& command,
                          const std::function<StatusWord(const ElementaryFile&)>& permission) {
    if (command.data().empty()) return status(StatusWord::WrongLength);
    std::size_t offset = 0;
    if (command.p1() & 0x80) {
        const std::uint8_t sfi = command.p1() & 0x7F;
        if (sfi == 0 || sfi > 0x1E) return status(StatusWord::WrongParameters);
        if (!files.selectShortFileId(sfi)) return status(StatusWord::FileNotFound);
        offset = command.p2();
    } else {
        offset = static_cast<std::size_t>(command.p1()) << 8 | command.p2();
    }
    ElementaryFile* file = files.currentFile();
    if (!file) return ResponseApdu({}, kNoCurrentEf);
    if (const StatusWord refusal = permission(*file); refusal != StatusWord::Success) {
        return status(refusal);
    }
    if (offset > file->content.size()) return status(StatusWord::WrongP1P2);
    // Writing from the start replaces the data group; later offsets patch it.
    if (offset == 0) file->content.clear();
    if (file->content.size() < offset + command.data().size()) {
        file->content.resize(offset + command.data().size());
    }
    std::copy(command.data().begin(), command.data().end(),
              file->content.begin() + static_cast<std::ptrdiff_t>(offset));
    return status(StatusWord::Success);
}

}  // namespace oa::sim
