#pragma once

#include "base/Bytes.h"
#include "eac/SecurityInfos.h"

// BSI Worked Example v1.01, Chip Authentication v2 on brainpoolP256r1 (standardized domain
// parameters 13): the chip's static key, the terminal's ephemeral key pair and the protocol.
namespace oa::eac::test {

inline const char* const kChipStaticKey =
    "04A44EBE5451DF7AADB01E459B8C928A87746A57927C8C28A6775C97A7E1FE8D9A46FF4A1CC7E4D1389AEA19758E4"
    "F75C28C598FD734AEBEB135337CF95BE12E94";
inline const char* const kTerminalPrivate =
    "00A6A4D255C5BF7A77EC3D0553DB74F693CF044E18C98364D4977A296108AF19BD";
inline const char* const kTerminalPublic =
    "045A7A377FC9CAFC03AC7FF45441A8B2909D88EAB8E6B0173847AB49B949DF3799A34EE57EC55268CF8B1C3EC489F"
    "8BF4CF4C68D3FD9670E89C0D5D3FFF1AAF89F";
inline const char* const kCaProtocol = "04007F00070202030202";

inline ChipAuthenticationInfo workedExampleInfo(int keyId = 1) {
    ChipAuthenticationInfo info;
    info.protocol = hexBytes(kCaProtocol);
    info.version = 2;
    info.keyId = keyId;
    return info;
}

}  // namespace oa::eac::test
