// The listener needs a Qt event loop: one QCoreApplication lives for the whole run. The abuse
// tests open a thousand connections on both ends, so the open-file limit is raised first.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>

#include "service/OpenFileLimit.h"

int main(int argc, char* argv[]) {
    oa::service::raiseOpenFileLimit();
    QCoreApplication application(argc, argv);
    return Catch::Session().run(argc, argv);
}
