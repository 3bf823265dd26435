// pseudonym's hex form and its constant-time comparison.
#include "bot/ids.hpp"

#include "bot/crypto.hpp"

#include <optional>

namespace openfloor::bot {
namespace {

std::optional<std::uint8_t> hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return static_cast<std::uint8_t>(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return static_cast<std::uint8_t>(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return static_cast<std::uint8_t>(c - 'A' + 10);
    }
    return std::nullopt;
}

} // namespace

std::string pseudonym::hex() const {
    return crypto::to_hex(raw_);
}

bool pseudonym::from_hex(std::string_view hex, pseudonym& out) {
    if (hex.size() != size * 2) {
        return false;
    }
    std::array<std::uint8_t, size> raw{};
    for (std::size_t i = 0; i < size; ++i) {
        const auto high = hex_value(hex[2 * i]);
        const auto low = hex_value(hex[2 * i + 1]);
        if (!high || !low) {
            return false;
        }
        raw[i] = static_cast<std::uint8_t>((*high << 4) | *low);
    }
    out = pseudonym(raw);
    return true;
}

bool pseudonym::operator==(const pseudonym& other) const {
    return crypto::constant_time_equal(raw_, other.raw_);
}

} // namespace openfloor::bot
