// Run through with-pcscd.sh: the tests talk to a real, private pcscd with the vpcd readers.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
