#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <openssl/x509.h>

#include "eac/CscaTrustList.h"

using namespace oa;
using namespace oa::eac;

namespace {

const std::string kPaData = std::string(OA_EAC_TEST_DATA) + "/pa/";

std::string readText(const std::filesystem::path& path) {
    std::ifstream file(path);
    REQUIRE(file);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::string subjectOf(X509* certificate) {
    char text[512] = {};
    X509_NAME_oneline(X509_get_subject_name(certificate), text, sizeof text);
    return text;
}

}  // namespace

TEST_CASE("CSCA trust list reads one or many PEM certificates", "[csca]") {
    const std::string one = readText(kPaData + "test-csca.pem");
    const std::string other = readText(kPaData + "other-csca.pem");
    auto single = CscaTrustList::fromPem(one);
    REQUIRE(single);
    CHECK(single->size() == 1);
    auto both = CscaTrustList::fromPem("# a bundle\n" + one + "\nbetween\n" + other);
    REQUIRE(both);
    REQUIRE(both->size() == 2);
    CHECK_THAT(subjectOf(both->certificates()[1].get()), Catch::Contains("CN=other-csca"));
}

TEST_CASE("CSCA trust list refuses anything but certificates", "[csca]") {
    const std::string one = readText(kPaData + "test-csca.pem");
    CHECK_FALSE(CscaTrustList::fromPem(""));
    CHECK_FALSE(CscaTrustList::fromPem("no certificate here"));
    CHECK_FALSE(CscaTrustList::fromPem(one.substr(0, one.size() / 2)));
    std::string damaged = one;
    damaged[100] = damaged[100] == 'A' ? 'B' : 'A';
    auto refused = CscaTrustList::fromPem(damaged);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK_FALSE(CscaTrustList::fromPem(one + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE "
                                             "KEY-----\n"));
    auto missing = CscaTrustList::fromFile(kPaData + "no-such-file.pem");
    REQUIRE_FALSE(missing);
    CHECK_THAT(missing.error().detail, Catch::Contains("no-such-file.pem"));
}

TEST_CASE("CSCA trust lists merge without duplicates", "[csca]") {
    auto list = CscaTrustList::fromFile(kPaData + "test-csca.pem");
    auto other = CscaTrustList::fromFile(kPaData + "other-csca.pem");
    REQUIRE(list);
    REQUIRE(other);
    list->add(*other);
    list->add(*other);
    CHECK(list->size() == 2);
    CscaTrustList empty;
    CHECK(empty.empty());
    empty.add(*list);
    CHECK(empty.size() == 2);
}

TEST_CASE("The production trust list holds the shipped German CSCA certificates", "[csca]") {
    const std::filesystem::path folder =
        std::filesystem::path(OA_EAC_TEST_DATA) / ".." / ".." / ".." / "resources" / "csca";
    std::size_t shipped = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().extension() == ".pem") {
            auto file = CscaTrustList::fromFile(entry.path());
            REQUIRE(file);
            shipped += file->size();
        }
    const auto& production = CscaTrustList::production();
    CHECK(production.size() == shipped);
    for (const auto& certificate : production.certificates()) {
        const std::string subject = subjectOf(certificate.get());
        CHECK_THAT(subject, Catch::Contains("/C=DE") && Catch::Contains("CN=csca-germany"));
    }
    // The test CSCA is never among them.
    auto test = CscaTrustList::fromFile(kPaData + "test-csca.pem");
    REQUIRE(test);
    CscaTrustList merged = production;
    merged.add(*test);
    CHECK(merged.size() == production.size() + 1);
}
