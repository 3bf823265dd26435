// The command line of interface.md: run (default), check, version, demo.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace openfloor::app {

enum class subcommand { run, check, version, demo, help };

struct invocation {
    subcommand what = subcommand::run;
    std::string config_path;
    std::string listen; // demo only
};

// Exit codes of interface.md.
constexpr int exit_ok = 0;
constexpr int exit_runtime = 1;
constexpr int exit_usage = 2;

// nullopt: the arguments are wrong; `error` says how.
std::optional<invocation> parse_arguments(const std::vector<std::string>& args, std::string& error);
std::string usage();

int run_check(const invocation& inv);
int run_bot(const invocation& inv);
int run_demo(const invocation& inv);
int run_version();

} // namespace openfloor::app
