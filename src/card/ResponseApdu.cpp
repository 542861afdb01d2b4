#include "card/ResponseApdu.h"

#include <cstdio>

namespace oa {

Result<ResponseApdu> ResponseApdu::parse(ByteView encoded) {
    if (encoded.size() < 2) {
        return makeError(ErrorCode::CardError, "The card sent an invalid answer",
                         "response APDU shorter than a status word");
    }
    const std::size_t n = encoded.size();
    return ResponseApdu(Bytes(encoded.begin(), encoded.end() - 2),
                        static_cast<std::uint16_t>(encoded[n - 2] << 8 | encoded[n - 1]));
}

Bytes ResponseApdu::encode() const {
    Bytes out = data_;
    out.push_back(sw1());
    out.push_back(sw2());
    return out;
}

std::string ResponseApdu::swHex() const {
    char text[5];
    std::snprintf(text, sizeof text, "%04X", sw_);
    return text;
}

std::string describe(std::uint16_t sw) {
    const char* meaning = "unknown status";
    switch (static_cast<StatusWord>(sw)) {
        case StatusWord::Success:
            meaning = "success";
            break;
        case StatusWord::PinRetry2:
            meaning = "PIN: two tries left";
            break;
        case StatusWord::PinSuspended:
            meaning = "PIN suspended";
            break;
        case StatusWord::PinBlocked:
            meaning = "PIN blocked";
            break;
        case StatusWord::AuthenticationFailed:
            meaning = "authentication failed";
            break;
        case StatusWord::EndOfFileReached:
            meaning = "end of file reached";
            break;
        case StatusWord::Deactivated:
            meaning = "deactivated";
            break;
        case StatusWord::WrongLength:
            meaning = "wrong length";
            break;
        case StatusWord::SecurityStatusNotSatisfied:
            meaning = "security status not satisfied";
            break;
        case StatusWord::AuthenticationMethodBlocked:
            meaning = "authentication method blocked";
            break;
        case StatusWord::ReferenceDataNotUsable:
            meaning = "reference data not usable";
            break;
        case StatusWord::ConditionsOfUseNotSatisfied:
            meaning = "conditions of use not satisfied";
            break;
        case StatusWord::SmDataObjectsMissing:
            meaning = "secure messaging data objects missing";
            break;
        case StatusWord::SmDataObjectsIncorrect:
            meaning = "secure messaging data objects incorrect";
            break;
        case StatusWord::WrongData:
            meaning = "wrong data";
            break;
        case StatusWord::FileNotFound:
            meaning = "file not found";
            break;
        case StatusWord::WrongParameters:
            meaning = "wrong parameters";
            break;
        case StatusWord::ReferencedDataNotFound:
            meaning = "referenced data not found";
            break;
        case StatusWord::WrongP1P2:
            meaning = "wrong P1/P2";
            break;
        case StatusWord::InsNotSupported:
            meaning = "instruction not supported";
            break;
        case StatusWord::ClaNotSupported:
            meaning = "class not supported";
            break;
        case StatusWord::NoPreciseDiagnosis:
            meaning = "no precise diagnosis";
            break;
    }
    char text[64];
    std::snprintf(text, sizeof text, "%04X %s", sw, meaning);
    return text;
}

}  // namespace oa
