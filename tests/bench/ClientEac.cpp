#include "ClientEac.h"

#include "eac/CardAccessReader.h"
#include "eac/ChipAuthentication.h"
#include "eac/PaceChannel.h"
#include "eac/SecureMessagingCard.h"
#include "eac/TerminalAuthentication.h"

namespace oa::bench {
namespace {

constexpr std::uint8_t kCardSecurityShortId = 0x1D;

Error failed(const char* step, const Error& cause) {
    return makeError(cause.code, std::string(step) + ": " + cause.message, cause.detail);
}

// The CHAT of the test terminal: id-AT with every right its certificate grants.
Bytes terminalChat() {
    return concat({hexBytes("7F4C12060904007F0007030102025305"), sim::TestPki::terminalRights()});
}

struct ChipAuthenticationChoice {
    eac::ChipAuthenticationInfo info;
    eac::DomainParameters parameters;
};

Result<ChipAuthenticationChoice> chooseChipAuthentication(const eac::SecurityInfos& infos) {
    for (const auto& info : infos.chipAuthenticationInfos()) {
        if (info.version != 2) continue;
        for (const auto& domain : infos.chipAuthenticationDomainParameters()) {
            if (domain.keyId != info.keyId || !domain.parameterId) continue;
            auto parameters = eac::DomainParameters::standardized(*domain.parameterId);
            if (!parameters) return parameters.error();
            return ChipAuthenticationChoice{info, std::move(*parameters)};
        }
    }
    return makeError(ErrorCode::Unsupported, "no CA v2", "EF.CardAccess");
}

// A whole file in one extended READ BINARY, as the eID application reads data groups.
Result<Bytes> readWholeFile(Card& card, std::uint8_t shortFileId) {
    auto response =
        card.transmit(CommandApdu(0x00, 0xB0, static_cast<std::uint8_t>(0x80 | shortFileId), 0x00,
                                  {}, CommandApdu::kExtendedMaxLe));
    if (!response) return response.error();
    if (!response->isSuccess() && response->sw() != 0x6282) {
        return makeError(ErrorCode::CardError, "READ BINARY refused", toHex(response->data()));
    }
    return response->data();
}

Result<eac::PaceResult> pace(Card& card, const eac::SecurityInfos& infos,
                             std::optional<Bytes> chat) {
    auto info = infos.choosePace();
    if (!info) return info.error();
    eac::PaceRequest request;
    request.password = SecureBytes::fromAscii("123456");
    request.chat = std::move(chat);
    return eac::PaceChannel(card, *info).establish(request);
}

}  // namespace

Result<void> runClientPace(MeteredCard& card) {
    auto infos = eac::readCardAccess(card);
    if (!infos) return failed("EF.CardAccess", infos.error());
    auto paced = pace(card, *infos, std::nullopt);
    if (!paced) return failed("PACE", paced.error());
    return {};
}

Result<void> runClientEac(StepMeter& meter, MeteredCard& card, const sim::TestPki& pki) {
    auto infos = meter.measure("EF.CardAccess", [&] { return eac::readCardAccess(card); });
    if (!infos) return failed("EF.CardAccess", infos.error());
    auto choice = chooseChipAuthentication(*infos);
    if (!choice) return choice.error();
    auto paced =
        meter.measure("PACE (PIN, CHAT)", [&] { return pace(card, *infos, terminalChat()); });
    if (!paced) return failed("PACE", paced.error());

    eac::SecureMessagingCard secure(card,
                                    std::make_unique<eac::SecureMessaging>(std::move(paced->keys)));
    eac::ChipAuthentication ca(secure, choice->info, std::move(choice->parameters));
    auto ta = meter.measure("TA v2", [&]() -> Result<void> {
        auto comp = ca.prepareEphemeralKey();
        if (!comp) return comp.error();
        eac::TerminalAuthentication::Input input;
        input.certificates = {pki.dvCertificate(), pki.terminalCertificate()};
        input.idPicc = paced->idPicc;
        input.ephemeralKeyComp = *comp;
        return eac::TerminalAuthentication(secure).run(input, [&](ByteView data) {
            CpuStopwatch signing(meter.signerCpuNanoseconds());
            return pki.terminalKey().signPlain(data);
        });
    });
    if (!ta) return failed("TA", ta.error());

    auto cardSecurity = meter.measure("EF.CardSecurity",
                                      [&] { return readWholeFile(secure, kCardSecurityShortId); });
    if (!cardSecurity) return failed("EF.CardSecurity", cardSecurity.error());
    // The benchmark takes the chip's key from the card object; production takes it from the
    // verified EF.CardSecurity (passive authentication is not part of this measurement).
    const Bytes chipKey = card.card().chipAuthenticationPublicKey();
    auto caKeys = meter.measure("CA v2", [&] { return ca.authenticate(chipKey); });
    if (!caKeys) return failed("CA", caKeys.error());
    secure.rekey(std::make_unique<eac::SecureMessaging>(std::move(*caKeys)));

    auto read = meter.measure("select eID, read DG1-DG5", [&]() -> Result<void> {
        auto selected =
            secure.transmit(CommandApdu(0x00, 0xA4, 0x04, 0x0C, hexBytes("E80704007F00070302")));
        if (!selected) return selected.error();
        if (!selected->isSuccess())
            return makeError(ErrorCode::CardError, "SELECT eID refused", "");
        for (std::uint8_t group = 1; group <= 5; ++group) {
            auto content = readWholeFile(secure, group);
            if (!content) return content.error();
        }
        return {};
    });
    if (!read) return failed("reading", read.error());
    return {};
}

}  // namespace oa::bench
