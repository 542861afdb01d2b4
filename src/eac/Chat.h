#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "eac/Oid.h"

namespace oa::eac {

enum class TerminalType { Inspection, Authentication, Signature };

// The two top bits of a CHAT's first byte (TR-03110-3 C.1.5).
enum class CertificateRole : std::uint8_t {
    Terminal = 0,
    DvNonOfficial = 1,  // document verifier, non-official or foreign
    DvOfficial = 2,     // document verifier, official domestic
    Cvca = 3,
};

// Rights of an authentication terminal: the value is the bit number in the 5-byte template, bit 0
// being the lowest bit of the last byte (TR-03110-4 2.2.3.2).
enum class AccessRight : std::uint8_t {
    AgeVerification = 0,
    CommunityIdVerification = 1,
    RestrictedIdentification = 2,
    PrivilegedTerminal = 3,
    CanAllowed = 4,
    PinManagement = 5,
    InstallCertificate = 6,
    InstallQualifiedCertificate = 7,
    ReadDg1 = 8,  // ReadDg1 + n - 1 reads DGn, up to DG21 (bit 28)
    ReadDg2,
    ReadDg3,
    ReadDg4,
    ReadDg5,
    ReadDg6,
    ReadDg7,
    ReadDg8,
    ReadDg9,
    ReadDg10,
    ReadDg11,
    ReadDg12,
    ReadDg13,
    ReadDg14,
    ReadDg15,
    ReadDg16,
    ReadDg17,
    ReadDg18,
    ReadDg19,
    ReadDg20,
    ReadDg21,
    ReadDg22 = 29,                             // TR-03110 v2.21; RFU on older cards
    PseudonymousSignatureAuthentication = 30,  // PSA, v2.21
    WriteDg22 = 32,                            // v2.21
    WriteDg21 = 33,
    WriteDg20 = 34,
    WriteDg19 = 35,
    WriteDg18 = 36,
    WriteDg17 = 37,
};

// Every named right, in bit order.
const std::vector<AccessRight>& allAccessRights();
std::string_view toString(AccessRight right);  // English name for logs
AccessRight readRight(int dataGroup);          // 1..22
AccessRight writeRight(int dataGroup);         // 17..22

// Certificate Holder Authorization Template (tag 7F4C): terminal type and role plus the rights
// the holder has. Rights of inspection systems and signature terminals are kept raw.
class Chat {
public:
    // `encoded` is the complete 7F4C element.
    static Result<Chat> parse(ByteView encoded);
    // Parses the contents of 7F4C (06 OID, 53 template), as in EAC1InputType's CHATs.
    static Result<Chat> parseContents(ByteView contents);
    static Chat authenticationTerminal(CertificateRole role,
                                       const std::vector<AccessRight>& rights);

    TerminalType terminalType() const { return type_; }
    const Oid& oid() const;
    CertificateRole role() const { return static_cast<CertificateRole>(template_[0] >> 6); }
    // The discretionary data (53) as on the wire, role bits included.
    const Bytes& rawTemplate() const { return template_; }

    bool has(AccessRight right) const;
    std::vector<AccessRight> rights() const;  // named rights that are set, in bit order
    bool hasNoRights() const;
    // True if every right of `other` is also here (roles ignored).
    bool covers(const Chat& other) const;

    // Keep this role; rights are the bitwise AND/OR/AND-NOT with `other`. A CHAT of another
    // terminal type grants nothing, so intersecting with it clears all rights.
    Chat intersected(const Chat& other) const;
    Chat united(const Chat& other) const;
    Chat without(const Chat& other) const;
    Chat with(AccessRight right, bool granted) const;

    Bytes encode() const;          // 7F4C { 06 OID, 53 template }
    Bytes encodeContents() const;  // without the 7F4C wrapper

    bool operator==(const Chat& other) const = default;

private:
    Chat(TerminalType type, Bytes raw) : type_(type), template_(std::move(raw)) {}
    template <typename Op>
    Chat combined(const Chat& other, Op op) const;

    TerminalType type_ = TerminalType::Authentication;
    Bytes template_;
};

// What a service asks for in EAC1 (RequiredCHAT, OptionalCHAT), limited to what its certificate
// chain grants. The user may switch off optional rights only (TR-03124-1; test bed C2/D).
struct ChatRequest {
    Chat required;
    Chat optional;

    // The service may not require a right its certificates do not grant.
    Result<void> checkAgainst(const Chat& granted) const;
    // Rights to show, preselected: (required + optional) within what is granted.
    Chat offered(const Chat& granted) const;
    // Rights the user may switch off.
    std::vector<AccessRight> deselectable(const Chat& granted) const;
    // The CHAT to send to the card after the user switched off `deselected`.
    Result<Chat> select(const Chat& granted, const std::vector<AccessRight>& deselected) const;
};

}  // namespace oa::eac
