// backoff: equal jitter within [d/2, d], d doubling up to the cap, and reset.
#include "adapters/transport/backoff.hpp"

#include <gtest/gtest.h>

namespace openfloor::transport {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, StaysWithinHalfToFullOfADoublingDelay) {
    backoff b(milliseconds{100}, milliseconds{1'000});
    const milliseconds expected[] = {milliseconds{100}, milliseconds{200},   milliseconds{400},
                                     milliseconds{800}, milliseconds{1'000}, milliseconds{1'000}};
    for (const auto d : expected) {
        backoff low = b;
        backoff high = b;
        EXPECT_EQ(low.next(0.0), d / 2);
        EXPECT_EQ(high.next(1.0), d);
        const auto mid = b.next(0.5);
        EXPECT_GE(mid, d / 2);
        EXPECT_LE(mid, d);
    }
}

TEST(Backoff, NeverExceedsTheCapWhateverTheRandomValue) {
    backoff b(milliseconds{50}, milliseconds{300});
    for (int i = 0; i < 20; ++i) {
        const auto wait = b.next(i % 2 == 0 ? 7.0 : -3.0); // out-of-range inputs are clamped
        EXPECT_GE(wait, milliseconds{25});
        EXPECT_LE(wait, milliseconds{300});
    }
}

TEST(Backoff, StartsOverAfterReset) {
    backoff b(milliseconds{100}, milliseconds{10'000});
    b.next(1.0);
    b.next(1.0);
    EXPECT_EQ(b.next(1.0), milliseconds{400});
    b.reset();
    EXPECT_EQ(b.next(1.0), milliseconds{100});
}

} // namespace
} // namespace openfloor::transport
