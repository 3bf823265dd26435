// OpenSSL 3 EVP behind bot::crypto. Every EVP object lives in a unique_ptr, so each early return
// frees what was fetched; failures of HMAC, HKDF and the CSPRNG are environment errors and throw.
#include "bot/crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <stdexcept>

namespace openfloor::bot::crypto {
namespace {

template <auto Free>
struct evp_deleter {
    template <class T>
    void operator()(T* p) const {
        Free(p);
    }
};
using mac_ptr = std::unique_ptr<EVP_MAC, evp_deleter<EVP_MAC_free>>;
using mac_ctx_ptr = std::unique_ptr<EVP_MAC_CTX, evp_deleter<EVP_MAC_CTX_free>>;
using kdf_ptr = std::unique_ptr<EVP_KDF, evp_deleter<EVP_KDF_free>>;
using kdf_ctx_ptr = std::unique_ptr<EVP_KDF_CTX, evp_deleter<EVP_KDF_CTX_free>>;
using cipher_ptr = std::unique_ptr<EVP_CIPHER, evp_deleter<EVP_CIPHER_free>>;
using cipher_ctx_ptr = std::unique_ptr<EVP_CIPHER_CTX, evp_deleter<EVP_CIPHER_CTX_free>>;

constexpr std::size_t nonce_size = 12;
constexpr std::size_t tag_size = 16;

// OSSL_PARAM wants mutable pointers even for inputs it only reads. An empty string_view may
// carry a null pointer, which OpenSSL takes for "no value"; point it at a real empty buffer.
void* param_data(std::string_view v) {
    static const char empty = '\0';
    return const_cast<char*>(v.data() != nullptr ? v.data() : &empty);
}

OSSL_PARAM octet_param(const char* name, std::string_view v) {
    return OSSL_PARAM_construct_octet_string(name, param_data(v), v.size());
}

OSSL_PARAM sha256_param(const char* name) {
    return OSSL_PARAM_construct_utf8_string(name, const_cast<char*>("SHA256"), 0);
}

const unsigned char* as_uchar(std::string_view v) {
    return reinterpret_cast<const unsigned char*>(param_data(v));
}

bool fits_int(std::size_t n) {
    return n <= static_cast<std::size_t>(INT_MAX);
}

cipher_ptr fetch_gcm() {
    return cipher_ptr(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
}

// Feeds the associated data: an update with no output buffer.
bool add_aad(EVP_CIPHER_CTX* ctx, std::string_view aad, bool encrypting) {
    if (aad.empty()) {
        return true;
    }
    int outl = 0;
    const int n = static_cast<int>(aad.size());
    return encrypting ? EVP_EncryptUpdate(ctx, nullptr, &outl, as_uchar(aad), n) == 1
                      : EVP_DecryptUpdate(ctx, nullptr, &outl, as_uchar(aad), n) == 1;
}

} // namespace

digest hmac_sha256(std::string_view key, std::string_view data) {
    mac_ptr mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    mac_ctx_ptr ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    if (!ctx) {
        throw std::runtime_error("OpenSSL: HMAC unavailable");
    }
    const std::array params{sha256_param(OSSL_MAC_PARAM_DIGEST), OSSL_PARAM_construct_end()};
    digest out{};
    std::size_t outl = 0;
    if (EVP_MAC_init(ctx.get(), as_uchar(key), key.size(), params.data()) != 1 ||
        EVP_MAC_update(ctx.get(), as_uchar(data), data.size()) != 1 ||
        EVP_MAC_final(ctx.get(), out.data(), &outl, out.size()) != 1 || outl != out.size()) {
        throw std::runtime_error("OpenSSL: HMAC-SHA256 failed");
    }
    return out;
}

bytes hkdf_sha256(std::string_view secret, std::string_view salt, std::string_view info,
                  std::size_t length) {
    if (length == 0) {
        return {}; // RFC 5869 allows it; OpenSSL refuses an empty output buffer
    }
    kdf_ptr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    kdf_ctx_ptr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    if (!ctx) {
        throw std::runtime_error("OpenSSL: HKDF unavailable");
    }
    const std::array params{
        sha256_param(OSSL_KDF_PARAM_DIGEST),
        octet_param(OSSL_KDF_PARAM_KEY, secret),
        octet_param(OSSL_KDF_PARAM_SALT, salt),
        octet_param(OSSL_KDF_PARAM_INFO, info),
        OSSL_PARAM_construct_end(),
    };
    bytes out(length);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) != 1) {
        throw std::runtime_error("OpenSSL: HKDF-SHA256 failed");
    }
    return out;
}

std::optional<bytes> seal(std::span<const std::uint8_t, 32> key, std::string_view plaintext,
                          std::string_view aad) {
    if (!fits_int(plaintext.size()) || !fits_int(aad.size())) {
        return std::nullopt;
    }
    cipher_ptr cipher = fetch_gcm();
    cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx) {
        return std::nullopt;
    }
    bytes out(nonce_size + plaintext.size() + tag_size);
    if (RAND_bytes(out.data(), static_cast<int>(nonce_size)) != 1 ||
        EVP_EncryptInit_ex2(ctx.get(), cipher.get(), key.data(), out.data(), nullptr) != 1 ||
        !add_aad(ctx.get(), aad, true)) {
        return std::nullopt;
    }
    int outl = 0;
    std::uint8_t* body = out.data() + nonce_size;
    if (!plaintext.empty() && (EVP_EncryptUpdate(ctx.get(), body, &outl, as_uchar(plaintext),
                                                 static_cast<int>(plaintext.size())) != 1 ||
                               static_cast<std::size_t>(outl) != plaintext.size())) {
        return std::nullopt;
    }
    int final_len = 0; // GCM is a stream mode: nothing is left to flush
    if (EVP_EncryptFinal_ex(ctx.get(), body + plaintext.size(), &final_len) != 1 ||
        final_len != 0 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(tag_size),
                            body + plaintext.size()) != 1) {
        return std::nullopt;
    }
    return out;
}

std::optional<std::string> open(std::span<const std::uint8_t, 32> key,
                                std::span<const std::uint8_t> sealed, std::string_view aad) {
    if (sealed.size() < nonce_size + tag_size || !fits_int(sealed.size()) ||
        !fits_int(aad.size())) {
        return std::nullopt;
    }
    const auto nonce = sealed.first(nonce_size);
    const auto body = sealed.subspan(nonce_size, sealed.size() - nonce_size - tag_size);
    std::array<std::uint8_t, tag_size> tag{}; // ctrl takes a mutable pointer
    const auto stored_tag = sealed.last(tag_size);
    std::copy(stored_tag.begin(), stored_tag.end(), tag.begin());

    cipher_ptr cipher = fetch_gcm();
    cipher_ctx_ptr ctx(EVP_CIPHER_CTX_new());
    if (!cipher || !ctx ||
        EVP_DecryptInit_ex2(ctx.get(), cipher.get(), key.data(), nonce.data(), nullptr) != 1 ||
        !add_aad(ctx.get(), aad, false)) {
        return std::nullopt;
    }
    std::string plain(body.size(), '\0');
    auto* plain_out = reinterpret_cast<unsigned char*>(plain.data());
    int outl = 0;
    int final_len = 0;
    if ((!body.empty() && EVP_DecryptUpdate(ctx.get(), plain_out, &outl, body.data(),
                                            static_cast<int>(body.size())) != 1) ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(tag_size),
                            tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), plain_out + body.size(), &final_len) != 1) {
        // The tag did not verify (or OpenSSL failed): wipe the unauthenticated plaintext before
        // dropping it.
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    return plain;
}

bytes random_bytes(std::size_t n) {
    if (!fits_int(n)) {
        throw std::length_error("random_bytes: request too large");
    }
    bytes out(n);
    if (n != 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1) {
        throw std::runtime_error("OpenSSL: RAND_bytes failed");
    }
    return out;
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
    // The length is not secret (signatures and digests have fixed sizes); the bytes are.
    return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0);
}

std::string to_hex(std::span<const std::uint8_t> data) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string out;
    out.reserve(data.size() * 2);
    for (const std::uint8_t b : data) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

} // namespace openfloor::bot::crypto
