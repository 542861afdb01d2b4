#pragma once

// A minimal eID-Client for the world tests: the client's own PAOS writer and reader (src/net)
// around card steps done by hand on an in-process virtual card, so the server's state machine can
// be driven message by message, with or without TLS in between.

#include <QByteArray>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "base/Result.h"
#include "card/Card.h"
#include "card/sim/SimulatorBackend.h"
#include "eac/SecureMessagingCard.h"
#include "net/PaosMessage.h"

namespace oa::sim::test {

class ScriptedClient {
public:
    using Post = std::function<Result<QByteArray>(const QByteArray& message)>;

    struct Options {
        std::optional<Bytes> chatOverride;  // the CHAT sent to the card and back (user's choice)
        bool sendChallengeInEac1 = true;
        // Sent instead of the real answer to this server message type.
        std::optional<net::PaosMessageType> answerWithError;
        bool corruptAuthenticationToken = false;
    };

    ScriptedClient(Post post, Options options);
    ScriptedClient(Post post) : ScriptedClient(std::move(post), Options{}) {}
    ~ScriptedClient();

    // Runs until StartPAOSResponse (returned) or a failure.
    Result<net::StartPaosResponse> run(const QString& sessionIdentifier);

    // Server message types in the order they arrived.
    const std::vector<net::PaosMessageType>& received() const { return received_; }
    int apdusTransmitted() const { return apdus_; }
    // The EAC1 input as it came, once it came.
    const std::optional<net::DidAuthenticateEac1>& eac1Input() const { return eac1Input_; }
    std::shared_ptr<SimulatorBackend> backend() const { return backend_; }

private:
    Result<QByteArray> answer(const net::PaosServerMessage& message);
    Result<QByteArray> eac1(const net::PaosServerMessage& message,
                            const net::DidAuthenticateEac1& input);
    Result<QByteArray> eac2(const net::PaosServerMessage& message, const Bytes& ephemeralKey,
                            const std::optional<Bytes>& signature);
    Result<QByteArray> transmit(const net::PaosServerMessage& message, const net::Transmit& input);

    Post post_;
    Options options_;
    std::shared_ptr<SimulatorBackend> backend_;
    std::unique_ptr<Card> card_;
    std::unique_ptr<eac::SecureMessagingCard> secure_;
    std::vector<net::PaosMessageType> received_;
    Bytes idPicc_, efCardAccess_, terminalReference_, challenge_, auxiliaryData_;
    std::optional<Bytes> pendingEphemeralKey_;
    int apdus_ = 0;
    std::optional<net::DidAuthenticateEac1> eac1Input_;
};

}  // namespace oa::sim::test
