// A program the demo tests start: the real `openfloor demo`, or headless Chromium. It runs in a
// process group of its own, its stdout and stderr go to a file, and the destructor kills the
// whole group (Chromium forks helpers) and reaps the child, whatever happened in the test.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace openfloor::testing {

class child_process {
public:
    // Starts `program args…` (`program` is looked up in PATH when it has no '/'), with `env`
    // added to this process's environment. Throws std::runtime_error when it cannot.
    child_process(const std::string& program, const std::vector<std::string>& args,
                  const std::filesystem::path& output_file,
                  const std::vector<std::pair<std::string, std::string>>& env = {});
    ~child_process(); // SIGKILL to the group, then reap (unless already reaped)
    child_process(const child_process&) = delete;
    child_process& operator=(const child_process&) = delete;

    // Everything the child wrote so far.
    std::string output() const;
    // Signals the child itself (not its helpers): SIGTERM to ask for a clean exit.
    void signal(int sig);
    // The exit code once the child has exited (a signal death reads as 128 + signal).
    std::optional<int> exit_code();

private:
    pid_t pid_ = -1;
    std::filesystem::path output_file_;
    std::optional<int> exit_code_;
};

// The full path of `name` in PATH, or nullopt.
std::optional<std::filesystem::path> find_in_path(const std::string& name);

} // namespace openfloor::testing
