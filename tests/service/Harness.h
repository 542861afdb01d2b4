#pragma once

#include <catch2/catch.hpp>

#include "TestClient.h"
#include "service/EidClientEndpoint.h"
#include "service/LocalHttpServer.h"

namespace oa::service::test {

// The listener with the eID-Client endpoint and a fake workflow, on a port the OS picks.
struct Harness {
    explicit Harness(LocalHttpServerSettings settings = {})
        : server(freePort(std::move(settings)), endpoint) {
        const Result<quint16> bound = server.listen();
        REQUIRE(bound.ok());
        port = *bound;
    }

    static LocalHttpServerSettings freePort(LocalHttpServerSettings settings) {
        settings.port = 0;
        return settings;
    }

    std::string get(const std::string& target, const std::string& extraHeaders = {}) const {
        return test::get(target, port, extraHeaders);
    }

    FakeActivation activation;
    EidClientEndpoint endpoint{activation};
    LocalHttpServer server;
    quint16 port = 0;
};

}  // namespace oa::service::test
