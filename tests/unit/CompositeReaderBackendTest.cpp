#include <catch2/catch.hpp>
#include <thread>

#include "card/CompositeReaderBackend.h"

using namespace oa;

namespace {

class NoCard : public Card {
public:
    explicit NoCard(std::string reader) : reader_(std::move(reader)) {}
    Result<ResponseApdu> transmit(const CommandApdu&) override {
        return ResponseApdu({}, StatusWord::Success);
    }
    const Bytes& atr() const override { return atr_; }
    std::string readerName() const override { return reader_; }

private:
    std::string reader_;
    Bytes atr_;
};

// One reader named after the backend, or a service that is down.
class FakeBackend : public ReaderBackend {
public:
    FakeBackend(std::string name, bool up) : name_(std::move(name)), up_(up) {}
    std::string name() const override { return name_; }
    Result<std::vector<ReaderInfo>> readers() override {
        ++lists;
        if (!up_) return makeError(ErrorCode::NoService, "down", name_);
        return std::vector<ReaderInfo>{{name_ + " reader", name_, true, {}}};
    }
    Result<std::unique_ptr<Card>> connect(const std::string& reader) override {
        ++connects;
        return std::unique_ptr<Card>(std::make_unique<NoCard>(reader));
    }
    Result<void> waitForChange(std::chrono::milliseconds) override {
        ++waits;
        if (!up_) return makeError(ErrorCode::NoService, "down", name_);
        return {};
    }
    void cancelWait() override {}

    int connects = 0;
    int waits = 0;
    int lists = 0;

private:
    std::string name_;
    bool up_;
};

struct Composite {
    Composite(bool pcscUp) {
        std::vector<std::unique_ptr<ReaderBackend>> backends;
        auto first = std::make_unique<FakeBackend>("pcsc", pcscUp);
        auto second = std::make_unique<FakeBackend>("simulator", true);
        pcsc = first.get();
        simulator = second.get();
        backends.push_back(std::move(first));
        backends.push_back(std::move(second));
        all = std::make_unique<CompositeReaderBackend>(std::move(backends));
    }
    FakeBackend* pcsc;
    FakeBackend* simulator;
    std::unique_ptr<CompositeReaderBackend> all;
};

}  // namespace

TEST_CASE("A composite backend lists the readers of every backend", "[composite]") {
    Composite composite(true);
    auto readers = composite.all->readers();
    REQUIRE(readers);
    REQUIRE(readers->size() == 2);
    CHECK((*readers)[0].name == "pcsc reader");
    CHECK((*readers)[1].name == "simulator reader");
}

TEST_CASE("A backend whose service is down does not hide the other readers", "[composite]") {
    Composite composite(false);
    auto readers = composite.all->readers();
    REQUIRE(readers);
    REQUIRE(readers->size() == 1);
    CHECK((*readers)[0].name == "simulator reader");
}

TEST_CASE("A composite backend connects through the backend that lists the reader", "[composite]") {
    Composite composite(true);
    auto card = composite.all->connect("simulator reader");
    REQUIRE(card);
    CHECK((*card)->readerName() == "simulator reader");
    CHECK(composite.simulator->connects == 1);
    CHECK(composite.pcsc->connects == 0);

    auto unknown = composite.all->connect("elsewhere");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NoReader);
}

TEST_CASE("Connecting to a reader just listed asks no backend for its readers again",
          "[composite]") {
    Composite composite(true);
    REQUIRE(composite.all->readers());
    auto card = composite.all->connect("simulator reader");
    REQUIRE(card);
    CHECK(composite.simulator->connects == 1);
    CHECK(composite.pcsc->lists == 1);
    CHECK(composite.simulator->lists == 1);
}

TEST_CASE("Waiting on a composite backend takes turns and pauses on a backend that is down",
          "[composite]") {
    Composite composite(false);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 4; ++i)
        REQUIRE(composite.all->waitForChange(std::chrono::milliseconds(20)));
    CHECK(composite.pcsc->waits == 2);
    CHECK(composite.simulator->waits == 2);
    // Two waits hit the stopped service; each paused instead of returning at once.
    CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(40));
}

TEST_CASE("cancelWait wakes a composite backend's wait", "[composite]") {
    Composite composite(false);
    REQUIRE(composite.all->waitForChange(std::chrono::milliseconds(1)));  // pcsc's turn passed
    REQUIRE(composite.all->waitForChange(std::chrono::milliseconds(1)));  // simulator's turn
    std::thread canceller([&] { composite.all->cancelWait(); });
    canceller.join();
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(composite.all->waitForChange(std::chrono::seconds(30)));
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}
