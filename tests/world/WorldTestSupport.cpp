#include "WorldTestSupport.h"

#include <catch2/catch.hpp>

#include "net/TlsConfiguration.h"

namespace oa::sim::test {

std::unique_ptr<World> startWorld(const Misbehaviour& misbehaviour) {
    WorldOptions options;
    options.misbehaviour = misbehaviour;
    auto world = World::start(options);
    if (!world) FAIL(world.error().message + ": " + world.error().detail);
    return std::move(*world);
}

net::HttpsOutcome fetch(World& world, const QUrl& url, std::chrono::milliseconds timeout) {
    net::HttpsFetchLimits limits;
    limits.timeouts = {timeout, timeout};
    net::HttpsFetcher fetcher(net::TlsConfiguration::eServiceChannel({world.caCertificate()}),
                              limits);
    return fetcher.fetch(url);
}

Result<FetchedToken> fetchToken(World& world) {
    auto outcome = fetch(world, world.eService().tcTokenUrl());
    if (!outcome.result) return outcome.result.error();
    FetchedToken token;
    token.body = outcome.result->body;
    token.outcome = net::evaluateTcToken(token.body);
    return token;
}

std::unique_ptr<net::PskChannel> pskChannel(World& world, const net::TcToken& token) {
    net::PskChannel::Settings settings;
    settings.caCertificates = {world.caCertificate()};
    settings.timeouts = {std::chrono::milliseconds(5000), std::chrono::milliseconds(10000)};
    return std::make_unique<net::PskChannel>(token.serverAddress, token.sessionIdentifier,
                                             *token.psk, settings);
}

}  // namespace oa::sim::test
