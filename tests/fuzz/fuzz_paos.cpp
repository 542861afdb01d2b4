// Feeds arbitrary bytes to the PAOS message parser. Accepted messages must keep the parser's
// promises (addressing checked, hex fields of sane size), and a server's result and message text
// written back into a client response must give a well-formed document and a short log line.
#include <cstdlib>

#include "net/PaosMessage.h"
#include "net/PaosWriter.h"
#include "net/XmlDocument.h"

namespace {

const QString kLastSent = QStringLiteral("urn:uuid:7a1c3f52-9e04-4d0b-b3a8-2f6c1e5d9a10");

void checkTransmit(const oa::net::Transmit& transmit) {
    if (transmit.inputApduInfos.empty()) std::abort();
    for (const auto& info : transmit.inputApduInfos) {
        if (info.inputApdu.size() < 4) std::abort();
        for (const auto& code : info.acceptableStatusCodes)
            if (code.empty() || code.size() > 2) std::abort();
    }
}

void checkWrittenBack(const oa::net::EcardResult& result) {
    using namespace oa::net;
    // The server's minor and message reach the log only as a short excerpt on one line.
    const std::string logged = result.describe();
    if (logged.size() > 400 || logged.find_first_of("\r\n") != std::string::npos) std::abort();
    const QByteArray xml = writeDidAuthenticateResponse({kLastSent, kLastSent}, result);
    if (!parseXmlDocument(xml, XmlLimits{4 * kMaxPaosMessageBytes, 16, 64})) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace oa::net;
    auto message = parsePaosMessage(
        QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)), kLastSent);
    if (!message) {
        if (message.error().message.empty()) std::abort();
        return 0;
    }
    if (message->relatesTo != kLastSent || message->messageId.isEmpty()) std::abort();
    if (auto* transmit = std::get_if<Transmit>(&message->body)) checkTransmit(*transmit);
    if (auto* eac1 = std::get_if<DidAuthenticateEac1>(&message->body)) {
        if (eac1->certificates.empty() || eac1->certificateDescription.empty()) std::abort();
    }
    if (auto* eac2 = std::get_if<DidAuthenticateEac2>(&message->body)) {
        if (eac2->ephemeralPublicKey.empty()) std::abort();
    }
    if (auto* response = std::get_if<StartPaosResponse>(&message->body))
        checkWrittenBack(response->result);
    return 0;
}
