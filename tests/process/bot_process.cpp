// bot_process: posix_spawn with a non-blocking pipe, and waitpid(WNOHANG) for the exit.
#include "tests/process/bot_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <stdexcept>

extern char** environ;

namespace openfloor::testing {

bot_process::bot_process(const std::string& binary, const std::vector<std::string>& args) {
    std::array<int, 2> fds{};
    if (::pipe(fds.data()) != 0) {
        throw std::runtime_error("pipe failed");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> argv_text{binary};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_text) {
        argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    const int spawned = ::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        throw std::runtime_error("cannot start " + binary);
    }
    out_fd_ = fds[0];
    ::fcntl(out_fd_, F_SETFL, ::fcntl(out_fd_, F_GETFL) | O_NONBLOCK);
}

bot_process::~bot_process() {
    if (!exit_code()) {
        ::kill(pid_, SIGKILL);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    if (out_fd_ >= 0) {
        ::close(out_fd_);
    }
}

void bot_process::pump() {
    std::array<char, 4096> buffer{};
    for (;;) {
        const auto n = ::read(out_fd_, buffer.data(), buffer.size());
        if (n <= 0) {
            return;
        }
        output_.append(buffer.data(), static_cast<std::size_t>(n));
    }
}

std::optional<unsigned short> bot_process::port() const {
    const auto line = output_.find("\"msg\":\"openfloor.started\"");
    if (line == std::string::npos) {
        return std::nullopt;
    }
    const auto begin = output_.rfind('\n', line);
    const auto end = output_.find('\n', line);
    const std::string text = output_.substr(begin == std::string::npos ? 0 : begin + 1,
                                            end == std::string::npos ? std::string::npos : end - begin);
    const auto at = text.find("\"port\":");
    if (at == std::string::npos) {
        return std::nullopt;
    }
    return static_cast<unsigned short>(std::stoul(text.substr(at + 7)));
}

void bot_process::signal(int sig) {
    if (!exit_code()) {
        ::kill(pid_, sig);
    }
}

std::optional<int> bot_process::exit_code() {
    if (exit_code_) {
        return exit_code_;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return exit_code_;
}

} // namespace openfloor::testing
