// The anonymity mechanics of product.md §5: pseudonyms, sealed values and keyed lookup hashes,
// each under its own key so that no key does two jobs.
#include "bot/identity.hpp"

#include "bot/crypto.hpp"

#include <algorithm>
#include <stdexcept>

namespace openfloor::bot {
namespace {

// Changing any of these makes every stored seal and lookup hash unreadable: they are part of
// the database format, not tunables.
constexpr std::string_view hkdf_salt = "openfloor";
constexpr std::string_view seal_info = "openfloor seal v1";
constexpr std::string_view lookup_info = "openfloor lookup v1";

std::array<std::uint8_t, 32> derive_key(std::string_view secret, std::string_view info) {
    const bytes derived = crypto::hkdf_sha256(secret, hkdf_salt, info, 32);
    std::array<std::uint8_t, 32> key{};
    std::copy(derived.begin(), derived.end(), key.begin());
    return key;
}

// The associated data of a seal: a route can never be opened as a draft, and so on.
std::string_view aad_of(seal_purpose purpose) {
    switch (purpose) {
    case seal_purpose::route:
        return "route";
    case seal_purpose::draft_text:
        return "draft_text";
    case seal_purpose::author:
        return "author";
    case seal_purpose::payload:
        return "payload";
    case seal_purpose::home:
        return "home"; // an author's home document (bot/home.hpp)
    }
    throw std::logic_error("identity: unknown seal_purpose");
}

} // namespace

identity::identity(const config::secret& secret)
    : hmac_key_(secret.reveal())
    , seal_key_(derive_key(secret.reveal(), seal_info))
    , lookup_key_(derive_key(secret.reveal(), lookup_info)) {}

bot::pseudonym identity::pseudonym_of(const platform_user& user) const {
    std::string input(config::to_string(user.where));
    input += '|';
    input += user.workspace;
    input += '|';
    input += user.user_id;
    return bot::pseudonym(crypto::hmac_sha256(hmac_key_, input));
}

bytes identity::seal(std::string_view plaintext, seal_purpose purpose) const {
    auto sealed = crypto::seal(seal_key_, plaintext, aad_of(purpose));
    if (!sealed) {
        // Only a broken OpenSSL or CSPRNG gets here; storing the value unsealed is not an option.
        throw std::runtime_error("identity: sealing failed");
    }
    return std::move(*sealed);
}

std::optional<std::string> identity::open(const bytes& sealed, seal_purpose purpose) const {
    return crypto::open(seal_key_, sealed, aad_of(purpose));
}

std::string identity::keyed_hash(std::string_view purpose, std::string_view value) const {
    std::string input(purpose);
    input += '|';
    input += value;
    const std::string_view key(reinterpret_cast<const char*>(lookup_key_.data()),
                               lookup_key_.size());
    return crypto::to_hex(crypto::hmac_sha256(key, input));
}

std::string identity::random_id() {
    return crypto::to_hex(crypto::random_bytes(16));
}

} // namespace openfloor::bot
