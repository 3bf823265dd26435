// Time and chance, as ports: the core asks these instead of the system so that tests can set
// the clock and the dice.
#pragma once

#include "bot/ids.hpp"

namespace openfloor::bot {

class clock {
public:
    virtual ~clock() = default;
    virtual time_point now() const = 0;
};

class random_source {
public:
    virtual ~random_source() = default;
    // A uniformly random value in [0, 1).
    virtual double unit() = 0;
};

class system_clock final : public clock {
public:
    time_point now() const override { return clock_type::now(); }
};

// OpenSSL's CSPRNG: the posting delay must not be predictable from outside.
class system_random final : public random_source {
public:
    double unit() override;
};

} // namespace openfloor::bot
