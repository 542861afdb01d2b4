#include "sim/world/SecureApduBatch.h"

#include "eac/SecureMessaging.h"

namespace oa::sim {

Bytes SecureApduBatch::counterBlock(std::uint64_t value) const {
    Bytes block(crypto::blockSize(keys_.cipher), 0);
    for (std::size_t i = 0; i < 8 && i < block.size(); ++i)
        block[block.size() - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
    return block;
}

Result<std::vector<Bytes>> SecureApduBatch::protect(const std::vector<CommandApdu>& commands) {
    std::vector<Bytes> wrapped;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        eac::SecureMessaging messaging(keys_, counterBlock(counter_ + 2 * i));
        auto command = messaging.protect(commands[i]);
        if (!command) return command.error();
        wrapped.push_back(command->encode());
    }
    return wrapped;
}

Result<std::vector<ResponseApdu>> SecureApduBatch::unprotect(const std::vector<Bytes>& responses) {
    std::vector<ResponseApdu> opened;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        auto response = ResponseApdu::parse(responses[i]);
        if (!response) return response.error();
        eac::SecureMessaging messaging(keys_, counterBlock(counter_ + 2 * i + 1));
        auto plain = messaging.unprotect(*response);
        if (!plain) return plain.error();
        opened.push_back(std::move(*plain));
    }
    counter_ += 2 * responses.size();
    return opened;
}

}  // namespace oa::sim
