// `openfloor check`: every problem as FILE:LINE: key.path: what is wrong (exit 2), or a short
// summary and the notes (exit 0).
#include "app/cli.hpp"
#include "config/loader.hpp"

#include <iostream>

namespace openfloor::app {

int run_check(const invocation& inv) {
    const auto loaded = config::load_file(inv.config_path);
    if (!loaded.value) {
        for (const auto& p : loaded.problems) {
            std::cerr << config::format(p) << '\n';
        }
        std::cerr << loaded.problems.size() << (loaded.problems.size() == 1 ? " problem" : " problems")
                  << " in " << inv.config_path << '\n';
        return exit_usage;
    }
    std::cout << inv.config_path << ": ok\n" << config::summary(*loaded.value);
    for (const auto& note : loaded.notes) {
        std::cout << "note: " << note << '\n';
    }
    return exit_ok;
}

int run_version() {
    std::cout << "openfloor " << OPENFLOOR_VERSION << '\n';
    return exit_ok;
}

} // namespace openfloor::app
