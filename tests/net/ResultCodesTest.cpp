#include <catch2/catch.hpp>

#include "net/EcardResult.h"

using namespace oa::net;

TEST_CASE("ResultMajor URIs round-trip and unknown ones are rejected") {
    CHECK(uriOf(ResultMajor::Ok) == "http://www.bsi.bund.de/ecard/api/1.1/resultmajor#ok");
    CHECK(uriOf(ResultMajor::Warning) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultmajor#warning");
    CHECK(uriOf(ResultMajor::Error) == "http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error");
    for (auto major : {ResultMajor::Ok, ResultMajor::Warning, ResultMajor::Error})
        CHECK(resultMajorFromUri(uriOf(major)) == major);
    CHECK_FALSE(resultMajorFromUri(u"http://www.bsi.bund.de/ecard/api/1.1/resultmajor#OK"));
    CHECK_FALSE(resultMajorFromUri(u"ok"));
}

TEST_CASE("ResultMinor URIs of every layer round-trip and carry a user message") {
    CHECK(uriOf(ResultMinor::TrustedChannelEstablishmentFailed) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/dp#trustedChannelEstablishmentFailed");
    CHECK(uriOf(ResultMinor::CancellationByUser) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal#cancellationByUser");
    CHECK(uriOf(ResultMinor::IfdlCancellationByUser) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/ifdl#cancellationByUser");
    CHECK(uriOf(ResultMinor::CommunicationError) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/al/common#communicationError");
    CHECK(uriOf(ResultMinor::AgeVerificationFailedWarning) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/sal/mEAC#AgeVerificationFailedWarning");
    CHECK(uriOf(ResultMinor::InvalidCertificatePath) ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/il/signature#invalidCertificatePath");
    for (int i = 0; i <= static_cast<int>(ResultMinor::DocumentValidityVerificationFailed); ++i) {
        const auto minor = static_cast<ResultMinor>(i);
        INFO(uriOf(minor).toStdString());
        CHECK(resultMinorFromUri(uriOf(minor)) == minor);
        CHECK_FALSE(userMessage(minor).empty());
    }
    CHECK_FALSE(resultMinorFromUri(u"http://www.bsi.bund.de/ecard/api/1.1/resultminor/dp#nope"));
    CHECK_FALSE(resultMinorFromUri(u"http://www.bsi.bund.de/ecard/api/1.1/resultminor"));
}

TEST_CASE("Browser minors are the TR-03124-1 short words") {
    CHECK(toString(BrowserResultMinor::CommunicationError) == "communicationError");
    CHECK(toString(BrowserResultMinor::TrustedChannelEstablishmentFailed) ==
          "trustedChannelEstablishmentFailed");
    CHECK(toString(BrowserResultMinor::CancellationByUser) == "cancellationByUser");
    CHECK(toString(BrowserResultMinor::ServerError) == "serverError");
    CHECK(toString(BrowserResultMinor::ClientError) == "clientError");
}

TEST_CASE("Communication, trusted channel and cancellation results pass through to the browser") {
    const auto failure = [](BrowserResultMinor minor) { return BrowserResult::failure(minor); };
    for (auto origin : {ResultOrigin::Client, ResultOrigin::Server}) {
        CHECK(browserResultFor(EcardResult::error(ResultMinor::CommunicationError), origin) ==
              failure(BrowserResultMinor::CommunicationError));
        CHECK(browserResultFor(EcardResult::error(ResultMinor::DpCommunicationError), origin) ==
              failure(BrowserResultMinor::CommunicationError));
        CHECK(browserResultFor(EcardResult::error(ResultMinor::TrustedChannelEstablishmentFailed),
                               origin) ==
              failure(BrowserResultMinor::TrustedChannelEstablishmentFailed));
        CHECK(browserResultFor(EcardResult::error(ResultMinor::CancellationByUser), origin) ==
              failure(BrowserResultMinor::CancellationByUser));
        CHECK(browserResultFor(EcardResult::error(ResultMinor::IfdlCancellationByUser), origin) ==
              failure(BrowserResultMinor::CancellationByUser));
    }
}

TEST_CASE("Other errors become serverError or clientError by origin") {
    const auto result = EcardResult::error(ResultMinor::InvalidCertificatePath);
    CHECK(browserResultFor(result, ResultOrigin::Server) ==
          BrowserResult::failure(BrowserResultMinor::ServerError));
    CHECK(browserResultFor(result, ResultOrigin::Client) ==
          BrowserResult::failure(BrowserResultMinor::ClientError));
    EcardResult unknownMinor;
    unknownMinor.major = ResultMajor::Error;
    unknownMinor.unknownMinorUri = "urn:example:vendor#quota";
    CHECK(browserResultFor(unknownMinor, ResultOrigin::Server) ==
          BrowserResult::failure(BrowserResultMinor::ServerError));
    CHECK(unknownMinor.minorUri() == "urn:example:vendor#quota");
}

TEST_CASE("Ok and warning results are success for the browser") {
    CHECK(browserResultFor(EcardResult::ok(), ResultOrigin::Server) == BrowserResult::success());
    EcardResult warning;
    warning.major = ResultMajor::Warning;
    warning.minor = ResultMinor::AgeVerificationFailedWarning;
    CHECK(browserResultFor(warning, ResultOrigin::Server) == BrowserResult::success());
}

TEST_CASE("A result describes itself for the log") {
    const auto result = EcardResult::error(ResultMinor::NoCard, "card gone");
    CHECK(result.describe() ==
          "http://www.bsi.bund.de/ecard/api/1.1/resultmajor#error "
          "http://www.bsi.bund.de/ecard/api/1.1/resultminor/ifdl/terminal#noCard (card gone)");
    CHECK_FALSE(result.isOk());
    CHECK(EcardResult::ok().isOk());
}
