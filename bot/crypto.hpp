// The few cryptographic primitives openfloor uses, over OpenSSL 3 EVP. Nothing here is
// hand-rolled: HMAC, HKDF, AES-256-GCM, CSPRNG and constant-time compare are OpenSSL's.
#pragma once

#include "bot/ids.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace openfloor::bot::crypto {

using digest = std::array<std::uint8_t, 32>;

digest hmac_sha256(std::string_view key, std::string_view data);
// HKDF-SHA256 (RFC 5869) of `length` bytes.
bytes hkdf_sha256(std::string_view secret, std::string_view salt, std::string_view info,
                  std::size_t length);

// AES-256-GCM with a fresh random 96-bit nonce: nonce(12) || ciphertext || tag(16).
// `aad` binds the ciphertext to its use ("route", "draft", …) so one cannot stand for another.
std::optional<bytes> seal(std::span<const std::uint8_t, 32> key, std::string_view plaintext,
                          std::string_view aad);
std::optional<std::string> open(std::span<const std::uint8_t, 32> key,
                                std::span<const std::uint8_t> sealed, std::string_view aad);

bytes random_bytes(std::size_t n);
bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);
bool constant_time_equal(std::string_view a, std::string_view b);

std::string to_hex(std::span<const std::uint8_t> data);

} // namespace openfloor::bot::crypto
