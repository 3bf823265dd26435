// The demo page's "hold new #team posts for review" switch. The adapter only reads the config:
// app/ owns it, so app/ applies a flip (registered with on_flip), as SIGHUP applies a reload.
#pragma once

#include "config/settings.hpp"

#include <functional>

namespace openfloor::local {

class review_switch {
public:
    explicit review_switch(const config::settings& settings)
        : settings_(settings) {}

    // The team channel's moderation is "pre".
    bool on() const;
    // false when nobody applies flips (the switch then stays as it is).
    bool flip(bool on);
    void on_flip(std::function<void(bool)> apply) { apply_ = std::move(apply); }

private:
    const config::settings& settings_;
    std::function<void(bool)> apply_;
};

} // namespace openfloor::local
