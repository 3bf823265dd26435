// expect: the failure handler and its default.
#include "tests/fuzz/rig/expect.hpp"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace openfloor::fuzz {
namespace {

failure_handler& handler() {
    static failure_handler h;
    return h;
}

} // namespace

void on_failure(failure_handler h) {
    handler() = std::move(h);
}

void expect(bool condition, std::string_view what) {
    if (condition) {
        return;
    }
    if (handler()) {
        handler()(what);
    }
    std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()),
                 what.data());
    std::abort();
}

} // namespace openfloor::fuzz
