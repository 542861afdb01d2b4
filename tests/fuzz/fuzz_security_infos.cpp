// Feeds arbitrary bytes to the SecurityInfos parser (EF.CardAccess, eContent of EF.CardSecurity).
// What it accepts must parse the same way again, and every lookup on it must answer without
// crashing; a chip key it hands out must fit its key agreement.
#include <cstdlib>

#include "eac/SecurityInfos.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    auto infos = oa::eac::SecurityInfos::parse(input);
    if (!infos) {
        if (infos.error().message.empty()) std::abort();
        return 0;
    }
    auto again = oa::eac::SecurityInfos::parse(input);
    if (!again || again->chipAuthenticationPublicKeys().size() !=
                      infos->chipAuthenticationPublicKeys().size())
        std::abort();
    (void)infos->choosePace();
    for (const auto& protocol : infos->chipAuthenticationInfos()) {
        auto key = infos->chipAuthenticationPublicKey(protocol);
        if (key && key->keyAgreement != protocol.keyAgreement) std::abort();
    }
    for (const auto& key : infos->chipAuthenticationPublicKeys()) {
        if (key.publicKey.empty()) std::abort();
        if (key.keyAgreement == oa::eac::KeyAgreement::Ecdh && key.publicKey[0] != 0x04)
            std::abort();
    }
    return 0;
}
