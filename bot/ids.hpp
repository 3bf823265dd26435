// Identity types of the core. None of them has a formatter or operator<<, so putting a user id
// or a pseudonym into a log line is a compile error; log pseudonym::short_prefix() instead.
#pragma once

#include "config/settings.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace openfloor::bot {

using config::platform;
using bytes = std::vector<std::uint8_t>;
using post_number = std::int64_t;
using clock_type = std::chrono::system_clock;
using time_point = clock_type::time_point;

// Who a platform says a person is. Only ever held in memory, never stored or logged.
struct platform_user {
    platform where = platform::slack;
    std::string workspace; // Slack team id; the Mattermost server
    std::string user_id;
};

// HMAC-SHA256(secret, platform|workspace|user id): how the database knows an author.
class pseudonym {
public:
    static constexpr std::size_t size = 32;
    pseudonym() = default;
    explicit pseudonym(const std::array<std::uint8_t, size>& raw) : raw_(raw) {}

    const std::array<std::uint8_t, size>& raw() const { return raw_; }
    std::string hex() const;
    // The first 8 hex digits: enough to tell authors apart in logs, useless to anyone else.
    std::string short_prefix() const { return hex().substr(0, 8); }
    static bool from_hex(std::string_view hex, pseudonym& out);

    bool operator==(const pseudonym& other) const; // constant time

private:
    std::array<std::uint8_t, size> raw_{};
};

} // namespace openfloor::bot
