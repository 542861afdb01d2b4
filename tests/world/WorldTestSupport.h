#pragma once

// Client-side helpers for the world tests: the project's own TLS client pieces (src/net) pointed
// at a running World.

#include <QByteArray>
#include <QString>
#include <memory>

#include "base/Result.h"
#include "net/HttpsFetcher.h"
#include "net/PskChannel.h"
#include "net/TcToken.h"
#include "sim/world/World.h"

namespace oa::sim::test {

std::unique_ptr<World> startWorld(const Misbehaviour& misbehaviour = {});

// GET over TLS-1-2 as the client does it, trusting the world's CA.
net::HttpsOutcome fetch(World& world, const QUrl& url,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));

struct FetchedToken {
    QByteArray body;
    net::TcTokenOutcome outcome;
};
Result<FetchedToken> fetchToken(World& world);

// TLS-2 to the token's eID-Server, trusting the world's CA.
std::unique_ptr<net::PskChannel> pskChannel(World& world, const net::TcToken& token);

}  // namespace oa::sim::test
