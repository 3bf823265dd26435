// action_signer: a button's context proves we made it, for this action, this reference and this
// channel only (platforms.md §B5: clicks arrive unsigned).
#include "adapters/mattermost/action_signer.hpp"
#include "bot/identity.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::mattermost {
namespace {

class MattermostActionSigner : public ::testing::Test {
protected:
    bot::identity id_{config::secret("a test identity secret, 32+ bytes long")};
    action_signer signer_{id_};
    const std::string sig_ = signer_.sign("openfloor_confirm", "d42", "chan1");
};

TEST_F(MattermostActionSigner, SignsAsTheDocumentedKeyedHash) {
    EXPECT_EQ(sig_, id_.keyed_hash("mattermost.action", "openfloor_confirm\nd42\nchan1"));
    EXPECT_EQ(sig_.size(), 64U);
    EXPECT_EQ(sig_.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST_F(MattermostActionSigner, SignsDialogStatesUnderTheirOwnKey) {
    const std::string sig = signer_.sign_dialog("openfloor_flag", "12", "u1", "bob");
    EXPECT_EQ(sig, id_.keyed_hash("mattermost.dialog", "openfloor_flag\n12\nu1\nbob"));
    EXPECT_TRUE(signer_.verify_dialog("openfloor_flag", "12", "u1", "bob", sig));
    EXPECT_FALSE(signer_.verify_dialog("openfloor_flag", "12", "u2", "bob", sig));
    EXPECT_FALSE(signer_.verify_dialog("openfloor_flag", "12", "u1", "eve", sig));
    EXPECT_FALSE(signer_.verify_dialog("openfloor_flag", "12", "", "bob", sig));
    EXPECT_FALSE(signer_.verify_dialog("openfloor_flag", "12", "u1", "bob", ""));
    EXPECT_NE(signer_.sign("openfloor_flag", "12", "u1"),
              signer_.sign_dialog("openfloor_flag", "12", "u1", ""));
}

TEST_F(MattermostActionSigner, IsStableAcrossSignersWithTheSameSecret) {
    const bot::identity again{config::secret("a test identity secret, 32+ bytes long")};
    EXPECT_EQ(action_signer(again).sign("openfloor_confirm", "d42", "chan1"), sig_);
    const bot::identity other{config::secret("another identity secret, 32+ bytes long")};
    EXPECT_NE(action_signer(other).sign("openfloor_confirm", "d42", "chan1"), sig_);
}

TEST_F(MattermostActionSigner, VerifiesItsOwnSignature) {
    EXPECT_TRUE(signer_.verify("openfloor_confirm", "d42", "chan1", sig_));
}

TEST_F(MattermostActionSigner, RefusesAnotherActionRefOrChannel) {
    EXPECT_FALSE(signer_.verify("openfloor_cancel", "d42", "chan1", sig_));
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d43", "chan1", sig_));
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan2", sig_));
    // The separators keep fields apart: moving characters between them changes the input.
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d4", "2chan1", sig_));
}

TEST_F(MattermostActionSigner, RefusesAWrongEmptyOrAlteredSignature) {
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan1", ""));
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan1", "<hmac>"));
    std::string flipped = sig_;
    flipped[10] = flipped[10] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan1", flipped));
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan1", sig_.substr(0, 63)));
    EXPECT_FALSE(signer_.verify("openfloor_confirm", "d42", "chan1", sig_ + "0"));
}

TEST_F(MattermostActionSigner, EmptyFieldsStillSignAndBind) {
    const std::string empty = signer_.sign("", "", "");
    EXPECT_FALSE(empty.empty());
    EXPECT_TRUE(signer_.verify("", "", "", empty));
    EXPECT_FALSE(signer_.verify("", "", "c", empty));
}

} // namespace
} // namespace openfloor::mattermost
