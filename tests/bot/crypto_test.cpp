// bot::crypto against published test vectors (RFC 4231, RFC 5869, Slack's signing example) and
// the sealing contract: fresh nonces, and any tampering opens to nothing.
#include "bot/crypto.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::bot::crypto {
namespace {

std::string byte_range(int first, int last) {
    std::string out;
    for (int b = first; b <= last; ++b) {
        out.push_back(static_cast<char>(b));
    }
    return out;
}

class Crypto : public ::testing::Test {
protected:
    Crypto() {
        const bytes k = random_bytes(32);
        std::copy(k.begin(), k.end(), key_.begin());
    }
    std::array<std::uint8_t, 32> key_{};
};

TEST_F(Crypto, HmacMatchesRfc4231TestCase2) {
    EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_F(Crypto, HmacMatchesSlacksDocumentedSigningExample) {
    const std::string body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
        "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
        "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%"
        "2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
        "803a0bc887a14d10d2c447fce8b6703c";
    ASSERT_EQ(body.size(), 362U);
    EXPECT_EQ(to_hex(hmac_sha256("8f742231b10e8888abcd99yyyzzz85a5", "v0:1531420618:" + body)),
              "a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
}

TEST_F(Crypto, HmacAcceptsAnEmptyKeyAndAnEmptyMessage) {
    EXPECT_EQ(to_hex(hmac_sha256("", "")),
              "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    EXPECT_EQ(to_hex(hmac_sha256(std::string_view(), std::string_view())),
              "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST_F(Crypto, HkdfMatchesRfc5869TestCase1) {
    const bytes okm =
        hkdf_sha256(std::string(22, '\x0b'), byte_range(0x00, 0x0c), byte_range(0xf0, 0xf9), 42);
    EXPECT_EQ(to_hex(okm), "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf3400"
                           "7208d5b887185865");
}

TEST_F(Crypto, HkdfMatchesRfc5869TestCase3WithEmptySaltAndInfo) {
    const bytes okm = hkdf_sha256(std::string(22, '\x0b'), "", "", 42);
    EXPECT_EQ(to_hex(okm), "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d20"
                           "1395faa4b61a96c8");
}

TEST_F(Crypto, SealThenOpenReturnsThePlaintext) {
    const auto sealed = seal(key_, "D0123456789", "route");
    ASSERT_TRUE(sealed.has_value());
    EXPECT_EQ(open(key_, *sealed, "route"), "D0123456789");
}

TEST_F(Crypto, SealedValueIsNonceThenCiphertextThenTag) {
    const std::string text = "twelve bytes";
    const auto sealed = seal(key_, text, "route");
    ASSERT_TRUE(sealed.has_value());
    EXPECT_EQ(sealed->size(), 12 + text.size() + 16);
    const std::string body(sealed->begin() + 12, sealed->end() - 16);
    EXPECT_NE(body, text);
}

TEST_F(Crypto, EmptyPlaintextRoundTrips) {
    const auto sealed = seal(key_, "", "");
    ASSERT_TRUE(sealed.has_value());
    EXPECT_EQ(sealed->size(), 28U);
    EXPECT_EQ(open(key_, *sealed, ""), "");
}

TEST_F(Crypto, SealingTheSameTextTwiceGivesDifferentCiphertexts) {
    const auto a = seal(key_, "same text", "route");
    const auto b = seal(key_, "same text", "route");
    ASSERT_TRUE(a.has_value() && b.has_value());
    EXPECT_NE(*a, *b);
    EXPECT_FALSE(std::equal(a->begin(), a->begin() + 12, b->begin())); // fresh nonce
}

TEST_F(Crypto, OpenRejectsAnyTamperedByte) {
    const auto sealed = seal(key_, "the route back", "route");
    ASSERT_TRUE(sealed.has_value());
    for (std::size_t i = 0; i < sealed->size(); ++i) {
        bytes tampered = *sealed;
        tampered[i] ^= 0x01;
        EXPECT_FALSE(open(key_, tampered, "route").has_value()) << "byte " << i;
    }
}

TEST_F(Crypto, OpenRejectsTheWrongAssociatedData) {
    const auto sealed = seal(key_, "the route back", "route");
    ASSERT_TRUE(sealed.has_value());
    EXPECT_FALSE(open(key_, *sealed, "draft_text").has_value());
    EXPECT_FALSE(open(key_, *sealed, "").has_value());
}

TEST_F(Crypto, OpenRejectsTheWrongKey) {
    const auto sealed = seal(key_, "the route back", "route");
    ASSERT_TRUE(sealed.has_value());
    auto other = key_;
    other[0] ^= 0x80;
    EXPECT_FALSE(open(other, *sealed, "route").has_value());
}

TEST_F(Crypto, OpenRejectsTruncatedInput) {
    const auto sealed = seal(key_, "the route back", "route");
    ASSERT_TRUE(sealed.has_value());
    for (std::size_t n = 0; n < sealed->size(); ++n) {
        const bytes cut(sealed->begin(), sealed->begin() + static_cast<std::ptrdiff_t>(n));
        EXPECT_FALSE(open(key_, cut, "route").has_value()) << "length " << n;
    }
}

TEST_F(Crypto, OpenRejectsAppendedBytes) {
    auto sealed = seal(key_, "the route back", "route");
    ASSERT_TRUE(sealed.has_value());
    sealed->push_back(0);
    EXPECT_FALSE(open(key_, *sealed, "route").has_value());
}

TEST_F(Crypto, RandomBytesHaveTheRequestedLengthAndDiffer) {
    EXPECT_TRUE(random_bytes(0).empty());
    const bytes a = random_bytes(32);
    const bytes b = random_bytes(32);
    EXPECT_EQ(a.size(), 32U);
    EXPECT_NE(a, b);
}

TEST_F(Crypto, ConstantTimeEqualComparesLengthAndEveryByte) {
    EXPECT_TRUE(constant_time_equal("v0=abc", "v0=abc"));
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_FALSE(constant_time_equal("v0=abc", "v0=abd"));
    EXPECT_FALSE(constant_time_equal("v0=abc", "v0=ab"));
    EXPECT_FALSE(constant_time_equal("", "x"));
    const bytes a{1, 2, 3};
    const bytes b{1, 2, 3};
    const bytes c{1, 2, 4};
    EXPECT_TRUE(constant_time_equal(std::span<const std::uint8_t>(a), b));
    EXPECT_FALSE(constant_time_equal(std::span<const std::uint8_t>(a), c));
    EXPECT_FALSE(constant_time_equal(std::span<const std::uint8_t>(a),
                                     std::span<const std::uint8_t>(b).first(2)));
}

TEST_F(Crypto, ToHexWritesLowercaseDigitsTwoPerByte) {
    const bytes data{0x00, 0x0f, 0xa0, 0xff, 0x5c};
    EXPECT_EQ(to_hex(data), "000fa0ff5c");
    EXPECT_EQ(to_hex(bytes{}), "");
}

} // namespace
} // namespace openfloor::bot::crypto
