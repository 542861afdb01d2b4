// Feeds arbitrary bytes to the CHAT parser. Accepted CHATs must encode back to the same bytes, and
// combining them with themselves must not change their rights.
#include <cstdlib>

#include "eac/Chat.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    auto chat = oa::eac::Chat::parse(input);
    if (!chat) return 0;
    if (chat->encode() != oa::Bytes(input.begin(), input.end())) std::abort();
    if (!(chat->intersected(*chat) == *chat) || !(chat->united(*chat) == *chat)) std::abort();
    if (!chat->without(*chat).hasNoRights() || !chat->covers(*chat)) std::abort();
    const oa::eac::ChatRequest request{*chat, *chat};
    auto selected = request.select(*chat, request.deselectable(*chat));
    if (selected && !chat->covers(*selected)) std::abort();
    return 0;
}
