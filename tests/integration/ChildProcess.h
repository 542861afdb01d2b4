#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace oa::test {

// A program the test starts and owns; killed and reaped at the latest when this goes away, so a
// failing test never leaves a card process plugged into vpcd.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    // Sends the signal and reaps the process; returns its wait status.
    int stop(int signal);

private:
    pid_t pid_ = -1;
};

// Runs a shell command line and returns what it wrote to stdout and stderr, and its exit code.
struct CommandOutput {
    std::string output;
    int exitCode = -1;
};
CommandOutput runCommand(const std::string& commandLine);

// Quotes a word for /bin/sh.
std::string shellQuote(const std::string& word);

}  // namespace oa::test
