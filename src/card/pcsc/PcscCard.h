#pragma once

#include <memory>
#include <optional>
#include <string>

#include <winscard.h>

#include "card/Card.h"
#include "card/pcsc/PcscContext.h"

namespace oa {

// A shared connection to a card through pcscd. Status words 61xx and 6Cxx are handled here, so
// callers see one complete response per command. A connection that sent any command resets the
// card when it ends (SCARD_RESET_CARD): the next program, or our own next connection, then finds
// the master file selected and no PACE channel or secure messaging, which is what other eID
// clients assume (AusweisApp2 reads EF.CardSecurity by short file identifier right after its
// connect). A connection that only looked (ATR, reader features) leaves the card as it was, so
// watching a reader never disturbs a program that is using the card.
class PcscCard : public Card {
public:
    PcscCard(std::shared_ptr<pcsc::PcscContext> context, SCARDHANDLE handle, DWORD protocol,
             std::string reader, Bytes atr, bool extendedLength);
    ~PcscCard() override;
    PcscCard(const PcscCard&) = delete;
    PcscCard& operator=(const PcscCard&) = delete;

    Result<ResponseApdu> transmit(const CommandApdu& command) override;
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return reader_; }
    bool supportsExtendedLength() const override { return extendedLength_; }
    bool hasReaderPace() const override { return paceControlCode_.has_value(); }
    Result<Bytes> controlReaderPace(ByteView command) override;
    bool hasPinpadModify() const override { return modifyPinControlCode_.has_value(); }
    Result<Bytes> controlModifyPin(ByteView structure) override;
    // FEATURE_EXECUTE_PACE's control code, from the reader's feature list.
    void setReaderPaceControlCode(std::optional<std::uint32_t> code) { paceControlCode_ = code; }
    // FEATURE_MODIFY_PIN_DIRECT's control code, from the reader's feature list.
    void setModifyPinControlCode(std::optional<std::uint32_t> code) {
        modifyPinControlCode_ = code;
    }

private:
    Result<ResponseApdu> exchange(const CommandApdu& command);
    Result<Bytes> control(std::uint32_t code, ByteView input, const char* what);
    Result<ResponseApdu> collectRemainingData(std::uint8_t cla, ResponseApdu first);
    Error explainFailure(Error error);
    bool cardLeft();

    std::shared_ptr<pcsc::PcscContext> context_;
    SCARDHANDLE handle_;
    DWORD protocol_;
    std::string reader_;
    Bytes atr_;
    bool extendedLength_;
    std::optional<std::uint32_t> paceControlCode_;
    std::optional<std::uint32_t> modifyPinControlCode_;
    // Set by the first command sent to the card or the reader: the card may then hold a selected
    // application, a PIN verified by PACE or secure messaging keys.
    bool commandsSent_ = false;
};

}  // namespace oa
