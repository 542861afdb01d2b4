#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>

#include "eac/Chat.h"

using namespace oa;
using namespace oa::eac;

namespace {

Chat parseChat(std::string_view hex) {
    auto chat = Chat::parse(hexBytes(hex));
    INFO((chat ? "" : chat.error().detail));
    REQUIRE(chat.ok());
    return *chat;
}

Chat terminalWith(std::vector<AccessRight> rights) {
    return Chat::authenticationTerminal(CertificateRole::Terminal, rights);
}

std::string templateHex(const std::vector<AccessRight>& rights) {
    return toHex(terminalWith(rights).rawTemplate());
}

}  // namespace

TEST_CASE("An authentication terminal CHAT names every right it grants", "[chat]") {
    const auto chat = parseChat("7F4C12060904007F0007030102025305000513FF87");
    CHECK(chat.terminalType() == TerminalType::Authentication);
    CHECK(chat.oid() == oid::authenticationTerminal);
    CHECK(chat.role() == CertificateRole::Terminal);
    std::vector<AccessRight> expected = {
        AccessRight::AgeVerification, AccessRight::CommunityIdVerification,
        AccessRight::RestrictedIdentification, AccessRight::InstallQualifiedCertificate};
    for (int dg : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 19})
        expected.push_back(readRight(dg));
    std::sort(expected.begin(), expected.end());
    CHECK(chat.rights() == expected);
    CHECK_FALSE(chat.has(AccessRight::ReadDg11));
    CHECK_FALSE(chat.has(AccessRight::PinManagement));
}

TEST_CASE("Each right sits at its TR-03110 bit", "[chat]") {
    CHECK(templateHex({AccessRight::AgeVerification}) == "0000000001");
    CHECK(templateHex({AccessRight::CommunityIdVerification}) == "0000000002");
    CHECK(templateHex({AccessRight::RestrictedIdentification}) == "0000000004");
    CHECK(templateHex({AccessRight::PrivilegedTerminal}) == "0000000008");
    CHECK(templateHex({AccessRight::CanAllowed}) == "0000000010");
    CHECK(templateHex({AccessRight::PinManagement}) == "0000000020");
    CHECK(templateHex({AccessRight::InstallCertificate}) == "0000000040");
    CHECK(templateHex({AccessRight::InstallQualifiedCertificate}) == "0000000080");
    CHECK(templateHex({readRight(1)}) == "0000000100");
    CHECK(templateHex({readRight(8)}) == "0000008000");
    CHECK(templateHex({readRight(9)}) == "0000010000");
    CHECK(templateHex({readRight(16)}) == "0000800000");
    CHECK(templateHex({readRight(17)}) == "0001000000");
    CHECK(templateHex({readRight(21)}) == "0010000000");
    CHECK(templateHex({readRight(22)}) == "0020000000");
    CHECK(templateHex({AccessRight::PseudonymousSignatureAuthentication}) == "0040000000");
    CHECK(templateHex({writeRight(22)}) == "0100000000");
    CHECK(templateHex({writeRight(21)}) == "0200000000");
    CHECK(templateHex({writeRight(20)}) == "0400000000");
    CHECK(templateHex({writeRight(19)}) == "0800000000");
    CHECK(templateHex({writeRight(18)}) == "1000000000");
    CHECK(templateHex({writeRight(17)}) == "2000000000");
    CHECK(readRight(8) == AccessRight::ReadDg8);
    CHECK(writeRight(17) == AccessRight::WriteDg17);
}

TEST_CASE("Every named right has its own name and bit", "[chat]") {
    std::set<std::string_view> names;
    for (const auto right : allAccessRights()) {
        names.insert(toString(right));
        CHECK(terminalWith({right}).rights() == std::vector<AccessRight>{right});
    }
    CHECK(names.size() == allAccessRights().size());
    CHECK(allAccessRights().size() == 37);
    CHECK(toString(AccessRight::ReadDg8) == "read DG8");
    CHECK(toString(AccessRight::WriteDg19) == "write DG19");
    CHECK(toString(AccessRight::CanAllowed) == "CAN allowed");
}

TEST_CASE("The role comes from the top two bits", "[chat]") {
    CHECK(parseChat("7F4C12060904007F0007030102025305FE0F01FFFF").role() == CertificateRole::Cvca);
    CHECK(parseChat("7F4C12060904007F0007030102025305800513FF87").role() ==
          CertificateRole::DvOfficial);
    CHECK(parseChat("7F4C12060904007F0007030102025305400513FF87").role() ==
          CertificateRole::DvNonOfficial);
    const auto cvca = Chat::authenticationTerminal(CertificateRole::Cvca, {AccessRight::ReadDg1});
    CHECK(toHex(cvca.rawTemplate()) == "C000000100");
    CHECK(cvca.rights() == std::vector<AccessRight>{AccessRight::ReadDg1});
}

TEST_CASE("A CHAT encodes back to the bytes it was read from", "[chat]") {
    for (const auto* hex :
         {"7F4C12060904007F0007030102025305000513FF87", "7F4C0E060904007F0007030102015301C3",
          "7F4C0E060904007F0007030102035301C3"}) {
        CHECK(toHex(parseChat(hex).encode()) == hex);
    }
    const auto chat = terminalWith({AccessRight::ReadDg4, AccessRight::AgeVerification});
    CHECK(toHex(chat.encodeContents()) ==
          "060904007F0007030102025305000000080"
          "1");
    auto again = Chat::parseContents(chat.encodeContents());
    REQUIRE(again.ok());
    CHECK(*again == chat);
}

TEST_CASE("Inspection system and signature terminal CHATs keep their raw rights", "[chat]") {
    const auto is = parseChat("7F4C0E060904007F0007030102015301C3");
    CHECK(is.terminalType() == TerminalType::Inspection);
    CHECK(is.role() == CertificateRole::Cvca);
    CHECK(toHex(is.rawTemplate()) == "C3");
    CHECK(is.rights().empty());
    CHECK_FALSE(is.has(AccessRight::AgeVerification));
    const auto st = parseChat("7F4C0E060904007F0007030102035301C3");
    CHECK(st.terminalType() == TerminalType::Signature);
    CHECK(st.oid() == oid::signatureTerminal);
    CHECK(st.intersected(parseChat("7F4C0E060904007F0007030102035301C1")).rawTemplate() ==
          Bytes{0xC1});
}

TEST_CASE("Malformed CHATs are rejected", "[chat]") {
    const char* bad[] = {
        "7F4C11060904007F00070301020253040513FF87",          // AT template of 4 bytes
        "7F4C13060904007F000703010202530600000513FF87",      // AT template of 6 bytes
        "7F4C0F060904007F000703010201530200C3",              // IS template of 2 bytes
        "7F4C12060904007F0007030102095305000513FF87",        // unknown terminal type
        "7F4C0B060904007F000703010202",                      // no template
        "7F4C075305000513FF87",                              // no OID
        "7F4C12530500 0513FF87060904007F000703010202",       // swapped order
        "7F4C15060904007F0007030102025305000513FF87530100",  // extra element
        "7F4D12060904007F0007030102025305000513FF87",        // wrong tag
        "7F4C12060904007F0007030102025305000513FF8700",      // trailing byte
        "7F4C13060904007F0007030102025305000513FF87",        // truncated
    };
    for (const auto* hex : bad) {
        Bytes bytes;
        std::string compact(hex);
        compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
        REQUIRE(fromHex(compact, bytes));
        INFO(hex);
        CHECK_FALSE(Chat::parse(bytes).ok());
    }
    auto unknown = Chat::parse(hexBytes("7F4C12060904007F0007030102095305000513FF87"));
    CHECK(unknown.error().code == ErrorCode::Unsupported);
}

TEST_CASE("Intersection keeps the own role and ANDs the rights", "[chat]") {
    const auto terminal = parseChat("7F4C12060904007F0007030102025305000513FF87");
    const auto dv = parseChat("7F4C12060904007F0007030102025305800001FF05");
    const auto effective = terminal.intersected(dv);
    CHECK(toHex(effective.rawTemplate()) == "000001FF05");
    CHECK(effective.role() == CertificateRole::Terminal);
    CHECK(dv.intersected(terminal).role() == CertificateRole::DvOfficial);
    CHECK(terminal.covers(effective));
    CHECK_FALSE(effective.covers(terminal));
    CHECK(toHex(terminal.united(dv).rawTemplate()) == "000513FF87");
    CHECK(toHex(terminal.without(dv).rawTemplate()) == "0005120082");
    const auto is = parseChat("7F4C0E060904007F0007030102015301C3");
    CHECK(terminal.intersected(is).hasNoRights());
    CHECK(terminal.intersected(is).terminalType() == TerminalType::Authentication);
}

TEST_CASE("The user may switch off optional rights only", "[chat]") {
    const auto granted =
        terminalWith({AccessRight::ReadDg1, AccessRight::ReadDg4, AccessRight::ReadDg5,
                      AccessRight::ReadDg8, AccessRight::AgeVerification});
    const ChatRequest request{terminalWith({AccessRight::ReadDg4, AccessRight::ReadDg5}),
                              terminalWith({AccessRight::ReadDg5, AccessRight::ReadDg8,
                                            AccessRight::ReadDg17, AccessRight::AgeVerification})};
    REQUIRE(request.checkAgainst(granted).ok());
    // DG17 is optional but not granted: it is neither shown nor selectable.
    CHECK(request.offered(granted).rights() ==
          std::vector<AccessRight>{AccessRight::AgeVerification, AccessRight::ReadDg4,
                                   AccessRight::ReadDg5, AccessRight::ReadDg8});
    CHECK(request.deselectable(granted) ==
          std::vector<AccessRight>{AccessRight::AgeVerification, AccessRight::ReadDg8});
    auto chosen = request.select(granted, {AccessRight::ReadDg8});
    REQUIRE(chosen.ok());
    CHECK(chosen->rights() == std::vector<AccessRight>{AccessRight::AgeVerification,
                                                       AccessRight::ReadDg4, AccessRight::ReadDg5});
    auto refused = request.select(granted, {AccessRight::ReadDg5});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().detail == "CHAT: tried to deselect read DG5");
}

TEST_CASE("A request for another terminal type or beyond the certificate is refused", "[chat]") {
    const auto granted = terminalWith({AccessRight::ReadDg1});
    const ChatRequest tooMuch{terminalWith({AccessRight::ReadDg1, AccessRight::PinManagement}),
                              terminalWith({})};
    auto checked = tooMuch.checkAgainst(granted);
    REQUIRE_FALSE(checked.ok());
    CHECK(checked.error().detail == "RequiredCHAT exceeds the certificate chain: PIN management");
    const auto is = parseChat("7F4C0E060904007F0007030102015301C3");
    const ChatRequest wrongType{is, is};
    CHECK_FALSE(wrongType.checkAgainst(granted).ok());
}

TEST_CASE("Our right names match the flags OpenPACE's cvc-create sets", "[chat][openpace]") {
    std::map<std::string, std::vector<AccessRight>> expected = {
        {"--verify-age", {AccessRight::AgeVerification}},
        {"--verify-community", {AccessRight::CommunityIdVerification}},
        {"--rid", {AccessRight::RestrictedIdentification}},
        {"--privileged", {AccessRight::PrivilegedTerminal}},
        {"--can-allowed", {AccessRight::CanAllowed}},
        {"--pin-management", {AccessRight::PinManagement}},
        {"--install-cert", {AccessRight::InstallCertificate}},
        {"--install-qual-cert", {AccessRight::InstallQualifiedCertificate}},
        {"--at-rfu29", {AccessRight::ReadDg22}},
        {"--at-rfu30", {AccessRight::PseudonymousSignatureAuthentication}},
        {"--at-rfu31", {}},  // still RFU: set on the wire, but no right of ours
        {"--at-rfu32", {AccessRight::WriteDg22}},
    };
    for (int dg = 1; dg <= 21; ++dg)
        expected["--read-dg" + std::to_string(dg)] = {readRight(dg)};
    for (int dg = 17; dg <= 21; ++dg)
        expected["--write-dg" + std::to_string(dg)] = {writeRight(dg)};

    std::ifstream in(std::string(OA_EAC_TEST_DATA) + "/cvc/chat-bits.txt");
    std::string flag, hex;
    std::size_t lines = 0;
    while (in >> flag >> hex) {
        INFO(flag << " " << hex);
        REQUIRE(expected.count(flag) == 1);
        const auto chat = parseChat("7F4C12060904007F0007030102025305" + hex);
        CHECK(chat.rights() == expected[flag]);
        CHECK_FALSE(chat.hasNoRights());
        ++lines;
    }
    CHECK(lines == expected.size());
}
