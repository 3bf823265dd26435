// system_random over OpenSSL's CSPRNG.
#include "bot/environment.hpp"

#include "bot/crypto.hpp"

#include <cstring>

namespace openfloor::bot {

double system_random::unit() {
    const bytes raw = crypto::random_bytes(8);
    std::uint64_t v = 0;
    std::memcpy(&v, raw.data(), sizeof v);
    return static_cast<double>(v >> 11) * 0x1.0p-53; // 53 random bits → [0, 1)
}

} // namespace openfloor::bot
