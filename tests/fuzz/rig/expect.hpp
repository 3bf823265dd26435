// How a fuzz target says an invariant broke. Under libFuzzer the process aborts, so the input is
// saved as a crash; the replay test installs a handler that throws instead, to name the file.
#pragma once

#include <functional>
#include <string_view>

namespace openfloor::fuzz {

// Called with the broken invariant's description; must not return (abort or throw).
using failure_handler = std::function<void(std::string_view what)>;

// Replaces the default (print to stderr, then abort); an empty handler restores it.
void on_failure(failure_handler handler);

// Reports `what` when `condition` is false.
void expect(bool condition, std::string_view what);

} // namespace openfloor::fuzz
