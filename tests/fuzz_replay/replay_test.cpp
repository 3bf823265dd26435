// Replays every seed in tests/fuzz/corpus/<target>/ and every crash the fuzzers ever found in
// tests/fuzz/regressions/<target>/ through the same fuzz_<target>() functions libFuzzer drives,
// so each build (the sanitizer build included) re-checks them without clang or libFuzzer.
#include "tests/fuzz/rig/expect.hpp"
#include "tests/fuzz/targets.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace openfloor::fuzz {

// Test names and messages show the target's name, not its bytes.
void PrintTo(const target& t, std::ostream* os) {
    *os << t.name;
}

namespace {

namespace fs = std::filesystem;

struct invariant_broken : std::runtime_error {
    using std::runtime_error::runtime_error;
};

fs::path fuzz_dir() {
    const char* source = std::getenv("OPENFLOOR_TEST_SOURCE"); // NOLINT(concurrency-mt-unsafe)
    return fs::path(source != nullptr ? source : ".") / "tests" / "fuzz";
}

// The files of one folder in name order (a missing folder has none).
std::vector<fs::path> inputs_in(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file()) {
            out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs one input; a broken invariant comes back as its description, "" when all held.
std::string replay(const target& t, const fs::path& file) {
    const std::string data = bytes_of(file);
    try {
        t.run(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
    } catch (const invariant_broken& e) {
        return e.what();
    }
    return {};
}

class FuzzReplay : public ::testing::TestWithParam<target> {
protected:
    void SetUp() override {
        on_failure([](std::string_view what) { throw invariant_broken(std::string(what)); });
    }
    void TearDown() override { on_failure({}); }
};

TEST_P(FuzzReplay, EverySeedAndEveryRegressionPasses) {
    const target t = GetParam();
    const auto seeds = inputs_in(fuzz_dir() / "corpus" / std::string(t.name));
    const auto regressions = inputs_in(fuzz_dir() / "regressions" / std::string(t.name));
    ASSERT_GE(seeds.size(), 3U) << "the seed corpus of " << t.name << " is missing";
    for (const auto& set : {seeds, regressions}) {
        for (const auto& file : set) {
            const std::string broken = replay(t, file);
            EXPECT_EQ(broken, "") << file.string();
        }
    }
    std::cout << t.name << ": " << seeds.size() << " seeds, " << regressions.size()
              << " regressions replayed\n";
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, ::testing::ValuesIn(all_targets),
                         [](const ::testing::TestParamInfo<target>& param) {
                             return std::string(param.param.name);
                         });

} // namespace
} // namespace openfloor::fuzz
