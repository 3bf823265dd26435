// openfloor's entry point: parse the command line and hand over to the subcommand.
#include "app/cli.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace openfloor::app;
    const std::vector<std::string> args(argv + 1, argv + argc);
    std::string error;
    const auto inv = parse_arguments(args, error);
    if (!inv) {
        std::cerr << "openfloor: " << error << "\n" << usage();
        return exit_usage;
    }
    switch (inv->what) {
    case subcommand::check:
        return run_check(*inv);
    case subcommand::version:
        return run_version();
    case subcommand::run:
        return run_bot(*inv);
    case subcommand::demo:
        return run_demo(*inv);
    case subcommand::help:
        std::cout << usage();
        return exit_ok;
    }
    return exit_usage;
}
