// The real `openfloor` binary as a child process, the way an operator runs it: started with a
// config file, its stderr (the JSON log) collected without blocking, signalled, and waited for.
// Tests drive it while their own io_context serves the fake platform it talks to.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace openfloor::testing {

class bot_process {
public:
    // Starts `binary args…` with stdout and stderr into one pipe. Throws when it cannot spawn.
    bot_process(const std::string& binary, const std::vector<std::string>& args);
    ~bot_process(); // SIGKILL and reap, if still running
    bot_process(const bot_process&) = delete;
    bot_process& operator=(const bot_process&) = delete;

    // Reads whatever the child has written so far (never blocks). Call it in wait loops.
    void pump();
    const std::string& output() const { return output_; }
    bool said(const std::string& needle) const { return output_.find(needle) != std::string::npos; }
    // The port of the "openfloor.started" log line, once written.
    std::optional<unsigned short> port() const;

    void signal(int sig);
    // The exit code once the child has exited (a signal death reads as 128 + signal).
    std::optional<int> exit_code();
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int out_fd_ = -1;
    std::string output_;
    std::optional<int> exit_code_;
};

} // namespace openfloor::testing
