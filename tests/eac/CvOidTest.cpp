#include <catch2/catch.hpp>

#include "eac/Oid.h"

using namespace oa;
using namespace oa::eac;

TEST_CASE("Object identifiers convert between dotted and DER form", "[oid]") {
    CHECK(toHex(oid::authenticationTerminal.der()) == "04007F000703010202");
    CHECK(toHex(oid::taEcdsaSha256.der()) == "04007F00070202020203");
    CHECK(oid::taEcdsaSha256.toString() == "0.4.0.127.0.7.2.2.2.2.3");
    CHECK(Oid::fromDotted("1.2.840.10045.2.1").toString() == "1.2.840.10045.2.1");
    CHECK(toHex(Oid::fromDotted("2.999.3").der()) == "883703");
    CHECK(Oid::fromDotted("2.999.3").toString() == "2.999.3");
    CHECK(oid::taEcdsaSha512.isUnder(oid::taEcdsa));
    CHECK_FALSE(oid::taRsaPssSha1.isUnder(oid::taEcdsa));
    CHECK(oid::pdfFormat.isUnder(oid::description));
}

TEST_CASE("Object identifiers from outside are read strictly", "[oid]") {
    CHECK(Oid::fromDer(hexBytes("04007F000703010202")).value() == oid::authenticationTerminal);
    CHECK_FALSE(Oid::fromDer({}).ok());
    CHECK_FALSE(Oid::fromDer(hexBytes("04007F000783")).ok());    // last component unterminated
    CHECK_FALSE(Oid::fromDer(hexBytes("04007F00078001")).ok());  // component padded with 0x80
}
