// bot::identity and bot::pseudonym: the formulas of product.md §5 (pseudonym = HMAC of
// platform|workspace|user id; seals under an HKDF-derived key, bound to their purpose).
#include "bot/crypto.hpp"
#include "bot/identity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

namespace openfloor::bot {
namespace {

const std::string secret_text = "a test identity secret, 32+ bytes long";

std::array<std::uint8_t, 32> hkdf_key(std::string_view secret, std::string_view info) {
    const bytes k = crypto::hkdf_sha256(secret, "openfloor", info, 32);
    std::array<std::uint8_t, 32> key{};
    std::copy(k.begin(), k.end(), key.begin());
    return key;
}

class Identity : public ::testing::Test {
protected:
    identity id_{config::secret(secret_text)};
    platform_user alice_{platform::slack, "T0001", "U0ALICE"};
};

TEST_F(Identity, PseudonymIsStableForTheSameUser) {
    const identity again{config::secret(secret_text)};
    EXPECT_EQ(id_.pseudonym_of(alice_), id_.pseudonym_of(alice_));
    EXPECT_EQ(id_.pseudonym_of(alice_), again.pseudonym_of(alice_));
}

TEST_F(Identity, PseudonymDiffersPerPlatformWorkspaceAndUser) {
    platform_user other_platform = alice_;
    other_platform.where = platform::mattermost;
    platform_user other_workspace = alice_;
    other_workspace.workspace = "T0002";
    platform_user other_user = alice_;
    other_user.user_id = "U0BOB";
    const std::set<std::string> hexes{
        id_.pseudonym_of(alice_).hex(), id_.pseudonym_of(other_platform).hex(),
        id_.pseudonym_of(other_workspace).hex(), id_.pseudonym_of(other_user).hex()};
    EXPECT_EQ(hexes.size(), 4U);
}

TEST_F(Identity, PseudonymDiffersPerSecret) {
    const identity other{config::secret(secret_text + "!")};
    EXPECT_FALSE(id_.pseudonym_of(alice_) == other.pseudonym_of(alice_));
}

TEST_F(Identity, PseudonymIsTheHmacOfPlatformWorkspaceAndUserId) {
    EXPECT_EQ(id_.pseudonym_of(alice_).raw(),
              crypto::hmac_sha256(secret_text, "slack|T0001|U0ALICE"));
    const platform_user mm{platform::mattermost, "chat.example.com", "u1"};
    EXPECT_EQ(id_.pseudonym_of(mm).raw(),
              crypto::hmac_sha256(secret_text, "mattermost|chat.example.com|u1"));
}

TEST_F(Identity, SealedValueOpensForItsOwnPurpose) {
    for (const auto purpose : {seal_purpose::route, seal_purpose::draft_text, seal_purpose::author,
                               seal_purpose::payload, seal_purpose::home}) {
        const bytes sealed = id_.seal("D024BE91L", purpose);
        EXPECT_EQ(id_.open(sealed, purpose), "D024BE91L");
    }
}

TEST_F(Identity, SealedValueDoesNotOpenForAnotherPurpose) {
    const bytes sealed = id_.seal("D024BE91L", seal_purpose::route);
    EXPECT_FALSE(id_.open(sealed, seal_purpose::draft_text).has_value());
    EXPECT_FALSE(id_.open(sealed, seal_purpose::author).has_value());
    EXPECT_FALSE(id_.open(sealed, seal_purpose::payload).has_value());
    EXPECT_FALSE(id_.open(sealed, seal_purpose::home).has_value());
}

TEST_F(Identity, SealedValueDoesNotOpenUnderAnotherSecret) {
    const identity other{config::secret(secret_text + "!")};
    EXPECT_FALSE(
        other.open(id_.seal("D024BE91L", seal_purpose::route), seal_purpose::route).has_value());
}

TEST_F(Identity, SealedValueDoesNotContainThePlaintext) {
    const std::string route = "D024BE91L-unmistakable";
    const bytes sealed = id_.seal(route, seal_purpose::route);
    const std::string raw(sealed.begin(), sealed.end());
    EXPECT_EQ(raw.find(route), std::string::npos);
    EXPECT_EQ(raw.find("D024BE91L"), std::string::npos);
}

TEST_F(Identity, SealKeyIsDerivedWithHkdfNotTheSecretItself) {
    const bytes sealed = id_.seal("D024BE91L", seal_purpose::route);
    EXPECT_EQ(crypto::open(hkdf_key(secret_text, "openfloor seal v1"), sealed, "route"),
              "D024BE91L");
    std::array<std::uint8_t, 32> secret_prefix{};
    std::copy_n(secret_text.begin(), 32, secret_prefix.begin());
    EXPECT_FALSE(crypto::open(secret_prefix, sealed, "route").has_value());
}

TEST_F(Identity, OpenRejectsGarbageAndTamperedSeals) {
    EXPECT_FALSE(id_.open(bytes{}, seal_purpose::route).has_value());
    EXPECT_FALSE(id_.open(bytes(40, 0x42), seal_purpose::route).has_value());
    bytes sealed = id_.seal("D024BE91L", seal_purpose::route);
    sealed[14] ^= 0x01;
    EXPECT_FALSE(id_.open(sealed, seal_purpose::route).has_value());
}

TEST_F(Identity, KeyedHashIsStableAndDiffersPerPurposeAndValue) {
    const std::string h = id_.keyed_hash("relay", "C1/1700000000.000100");
    EXPECT_EQ(h, id_.keyed_hash("relay", "C1/1700000000.000100"));
    EXPECT_EQ(h.size(), 64U);
    EXPECT_NE(h, id_.keyed_hash("event", "C1/1700000000.000100"));
    EXPECT_NE(h, id_.keyed_hash("relay", "C1/1700000000.000101"));
    const identity other{config::secret(secret_text + "!")};
    EXPECT_NE(h, other.keyed_hash("relay", "C1/1700000000.000100"));
}

TEST_F(Identity, KeyedHashIsTheHmacUnderTheLookupKey) {
    const auto key = hkdf_key(secret_text, "openfloor lookup v1");
    const std::string_view key_view(reinterpret_cast<const char*>(key.data()), key.size());
    EXPECT_EQ(id_.keyed_hash("event", "Ev123"),
              crypto::to_hex(crypto::hmac_sha256(key_view, "event|Ev123")));
    // Not under the pseudonym key: a lookup hash can never be matched against a pseudonym.
    EXPECT_NE(id_.keyed_hash("event", "Ev123"),
              crypto::to_hex(crypto::hmac_sha256(secret_text, "event|Ev123")));
}

TEST_F(Identity, RandomIdIs32LowercaseHexDigitsAndFresh) {
    const std::string a = identity::random_id();
    EXPECT_EQ(a.size(), 32U);
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_NE(a, identity::random_id());
}

class IdentityPseudonym : public ::testing::Test {
protected:
    pseudonym p_ =
        identity(config::secret(secret_text)).pseudonym_of({platform::slack, "T0001", "U0ALICE"});
};

TEST_F(IdentityPseudonym, HexRoundTripsThroughFromHex) {
    const std::string hex = p_.hex();
    EXPECT_EQ(hex.size(), 64U);
    EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos);
    pseudonym back;
    ASSERT_TRUE(pseudonym::from_hex(hex, back));
    EXPECT_EQ(back, p_);
}

TEST_F(IdentityPseudonym, FromHexAcceptsUppercaseDigits) {
    std::string hex = p_.hex();
    std::transform(hex.begin(), hex.end(), hex.begin(),
                   [](char c) { return c >= 'a' && c <= 'f' ? static_cast<char>(c - 32) : c; });
    pseudonym back;
    ASSERT_TRUE(pseudonym::from_hex(hex, back));
    EXPECT_EQ(back, p_);
}

TEST_F(IdentityPseudonym, FromHexRejectsWrongLengthOrNonHexAndLeavesTheOutputAlone) {
    const std::string hex = p_.hex();
    pseudonym out = p_;
    EXPECT_FALSE(pseudonym::from_hex("", out));
    EXPECT_FALSE(pseudonym::from_hex(hex.substr(0, 63), out));
    EXPECT_FALSE(pseudonym::from_hex(hex + "0", out));
    EXPECT_FALSE(pseudonym::from_hex(hex.substr(0, 62) + "0g", out));
    EXPECT_FALSE(pseudonym::from_hex(" " + hex.substr(1), out));
    EXPECT_FALSE(pseudonym::from_hex(std::string(64, '\0'), out));
    EXPECT_EQ(out, p_);
}

TEST_F(IdentityPseudonym, EqualityComparesEveryByte) {
    for (std::size_t i = 0; i < pseudonym::size; ++i) {
        auto raw = p_.raw();
        raw[i] ^= 0x01;
        EXPECT_FALSE(pseudonym(raw) == p_) << "byte " << i;
    }
    EXPECT_TRUE(pseudonym() == pseudonym());
}

TEST_F(IdentityPseudonym, ShortPrefixIsTheFirstEightHexDigits) {
    EXPECT_EQ(p_.short_prefix(), p_.hex().substr(0, 8));
}

} // namespace
} // namespace openfloor::bot
