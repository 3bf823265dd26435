// child_process: posix_spawnp into a new process group, output into a file, waitpid(WNOHANG).
#include "tests/demo/child_process.hpp"

#include "tests/support/temp_dir.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace openfloor::testing {
namespace {

// This process's environment with `extra` set (replacing variables of the same name).
std::vector<std::string>
environment_with(const std::vector<std::pair<std::string, std::string>>& extra) {
    std::vector<std::string> out;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        bool replaced = false;
        for (const auto& [name, value] : extra) {
            replaced = replaced || entry.starts_with(name + "=");
        }
        if (!replaced) {
            out.push_back(entry);
        }
    }
    for (const auto& [name, value] : extra) {
        out.push_back(name + "=" + value);
    }
    return out;
}

std::vector<char*> pointers_to(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) {
        out.push_back(s.data());
    }
    out.push_back(nullptr);
    return out;
}

} // namespace

std::optional<std::filesystem::path> find_in_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path != nullptr ? path : "/usr/bin:/bin";
    while (!rest.empty()) {
        const auto colon = rest.find(':');
        const std::filesystem::path candidate =
            std::filesystem::path(std::string(rest.substr(0, colon))) / name;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
        rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    }
    return std::nullopt;
}

child_process::child_process(const std::string& program, const std::vector<std::string>& args,
                             const std::filesystem::path& output_file,
                             const std::vector<std::pair<std::string, std::string>>& env)
    : output_file_(output_file) {
    const int out = ::open(output_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (out < 0) {
        throw std::runtime_error("cannot create " + output_file.string());
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out, STDERR_FILENO);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0); // a group of its own, led by the child
    std::vector<std::string> argv_text{program};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    auto argv = pointers_to(argv_text);
    auto env_text = environment_with(env);
    auto envp = pointers_to(env_text);
    const int spawned =
        ::posix_spawnp(&pid_, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out);
    if (spawned != 0) {
        pid_ = -1;
        throw std::runtime_error("cannot start " + program);
    }
}

child_process::~child_process() {
    if (pid_ <= 0 || exit_code_) {
        return; // once reaped, its id may belong to someone else: signal nothing
    }
    // Not reaped yet, so the id is still ours even if the child has exited: the whole group,
    // the child and every helper it forked.
    ::kill(-pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

std::string child_process::output() const {
    return read_file(output_file_);
}

void child_process::signal(int sig) {
    if (!exit_code()) {
        ::kill(pid_, sig);
    }
}

std::optional<int> child_process::exit_code() {
    if (exit_code_ || pid_ <= 0) {
        return exit_code_;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    return exit_code_;
}

} // namespace openfloor::testing
