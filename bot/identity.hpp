// The anonymity mechanics: who an author is to the database (a pseudonym), and how what must
// not be readable from a copy of it (routes, drafts, outbox payloads) is sealed.
#pragma once

#include "bot/ids.hpp"
#include "config/secret.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace openfloor::bot {

// What a sealed value is for; bound into the ciphertext as associated data.
enum class seal_purpose { route, draft_text, author, payload, home };

class identity {
public:
    // `secret` is identity.secret (>= 32 bytes, checked by config). The sealing key is derived
    // from it with HKDF, so the HMAC key and the AES key are never the same bytes.
    explicit identity(const config::secret& secret);

    // HMAC-SHA256(secret, "<platform>|<workspace>|<user id>").
    bot::pseudonym pseudonym_of(const platform_user& user) const;

    bytes seal(std::string_view plaintext, seal_purpose purpose) const;
    std::optional<std::string> open(const bytes& sealed, seal_purpose purpose) const;

    // A keyed hash for lookups that must not reveal their input (relay links, event ids).
    std::string keyed_hash(std::string_view purpose, std::string_view value) const;

    // A fresh random id: 128 bits as 32 hex digits.
    static std::string random_id();

private:
    std::string hmac_key_;
    std::array<std::uint8_t, 32> seal_key_{};
    std::array<std::uint8_t, 32> lookup_key_{};
};

} // namespace openfloor::bot
