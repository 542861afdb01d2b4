#include "ChildProcess.h"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <stdexcept>

extern char** environ;

namespace oa::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
    std::vector<char*> pointers;
    for (const auto& word : argv)
        pointers.push_back(const_cast<char*>(word.c_str()));
    pointers.push_back(nullptr);
    if (posix_spawn(&pid_, pointers[0], nullptr, nullptr, pointers.data(), environ) != 0) {
        pid_ = -1;
        throw std::runtime_error("cannot start " + argv.front());
    }
}

ChildProcess::~ChildProcess() {
    if (running()) stop(SIGKILL);
}

int ChildProcess::stop(int signal) {
    if (!running()) return -1;
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
}

CommandOutput runCommand(const std::string& commandLine) {
    CommandOutput result;
    FILE* pipe = popen((commandLine + " 2>&1").c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + commandLine);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.output.append(buffer, n);
    const int status = pclose(pipe);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string shellQuote(const std::string& word) {
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

}  // namespace oa::test
