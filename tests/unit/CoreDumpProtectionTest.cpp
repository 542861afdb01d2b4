#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "base/SecureBytes.h"

namespace {

enum ChildVerdict { NoCoreDumps = 10, CoreDumpsStillOn = 11, CallFailed = 12 };

// In a child process, so the test runner itself keeps its core dumps and debuggability.
int protectInChild(const char* allowCoreDumps) {
    const pid_t child = fork();
    if (child == 0) {
        if (allowCoreDumps != nullptr) setenv("OPENAUSWEIS_ALLOW_CORE_DUMPS", allowCoreDumps, 1);
        rlimit some{4096, 4096};
        setrlimit(RLIMIT_CORE, &some);
        if (!oa::keepSecretsOutOfCoreDumps().ok()) _exit(CallFailed);
        rlimit now{};
        getrlimit(RLIMIT_CORE, &now);
        const bool off = now.rlim_cur == 0 && now.rlim_max == 0 && prctl(PR_GET_DUMPABLE) == 0;
        _exit(off ? NoCoreDumps : CoreDumpsStillOn);
    }
    int status = 0;
    waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("keepSecretsOutOfCoreDumps leaves no core file and makes the process undumpable",
          "[secure]") {
    CHECK(protectInChild(nullptr) == NoCoreDumps);
    CHECK(protectInChild("0") == NoCoreDumps);
}

TEST_CASE("OPENAUSWEIS_ALLOW_CORE_DUMPS=1 keeps core dumps for debugging", "[secure]") {
    CHECK(protectInChild("1") == CoreDumpsStillOn);
}
