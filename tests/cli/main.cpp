// The auth command's network steps and the test world need a Qt event loop: one
// QCoreApplication lives for the whole run.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    QCoreApplication application(argc, argv);
    return Catch::Session().run(argc, argv);
}
