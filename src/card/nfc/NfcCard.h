#pragma once

#include <memory>

#include "card/Card.h"
#include "card/nfc/NfcDevice.h"

namespace oa {

// A connection to the ISO 14443-4 card in an NFC reader's field, through libnfc. APDUs go
// through nfc_initiator_transceive_bytes; 61xx and 6Cxx are handled here as PcscCard does.
// Extended length works: long APDUs travel as chained ISO 14443-4 blocks (see NfcDevice).
class NfcCard : public Card {
public:
    NfcCard(std::shared_ptr<nfc::NfcDevice> device, std::uint64_t insertion, Bytes atr);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return device_->readerName(); }
    bool supportsExtendedLength() const override { return device_->extendedLength(); }

private:
    Result<ResponseApdu> exchange(const CommandApdu& command);

    std::shared_ptr<nfc::NfcDevice> device_;
    std::uint64_t insertion_;
    Bytes atr_;
};

}  // namespace oa
