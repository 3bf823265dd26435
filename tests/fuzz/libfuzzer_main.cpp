// libFuzzer's entry point for one target, picked at compile time (CMakeLists.txt builds this
// file once per target with OPENFLOOR_FUZZ_TARGET=fuzz_<name>).
#include "tests/fuzz/targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return openfloor::fuzz::OPENFLOOR_FUZZ_TARGET(data, size);
}

// UB is a finding: stop at the first report, with its stack, whoever runs the binary. (The build
// cannot use -fno-sanitize-recover; see CMakeLists.txt.) UBSAN_OPTIONS still overrides this.
extern "C" const char* __ubsan_default_options() {
    return "halt_on_error=1:print_stacktrace=1";
}
