// POST /mattermost/dialogs takes only what we signed: a submission's state must verify for its
// form, its post and the user Mattermost says submitted it. Anything else is 401 and changes
// nothing; text that is not a submission is 400; bodies are limited as on every endpoint.
#include "tests/mattermost_e2e/fixture.hpp"

namespace openfloor::testing {
namespace {

class MattermostDialogSecurity : public mattermost_e2e {
protected:
    void SetUp() override {
        boot([](config::settings& s) {
            s.server.max_body_bytes = 8192;
            for (auto& c : s.channels) {
                c.anonymous_replies = c.key == "quick";
            }
        });
        mallory = mm_->add_user("mallory.keane");
        mm_->dm_post(alice, "#quick question: who reviews access requests?");
        ASSERT_TRUE(wait_for_post(quick, "access requests"));
        root = bot_post_in(quick, "access requests")->value("id", "");
        mm_->dm_post(alice, "#quick question: and the second one?");
        ASSERT_TRUE(wait_for_post(quick, "second one"));
    }

    std::size_t bot_thread_posts() const {
        std::size_t n = 0;
        for (const auto& p : mm_->posts_in(quick)) {
            n += !p.value("root_id", "").empty() && p.value("user_id", "") == mm_->bot_user_id;
        }
        return n;
    }

    std::size_t flag_notices() const {
        std::size_t n = 0;
        for (const auto& p : mm_->posts_in(mods)) {
            n += p.value("message", "").find("flagged") != std::string::npos;
        }
        return n;
    }

    std::string mallory;
    std::string root;
};

TEST_F(MattermostDialogSecurity, ForgedSubmissionsAreRefusedAndChangeNothing) {
    const std::size_t answer = click_for_dialog(root, "openfloor_reply", bob);
    const std::size_t flag = click_for_dialog(root, "openfloor_flag", bob);
    ASSERT_NE(answer, std::string::npos);
    ASSERT_NE(flag, std::string::npos);
    const auto genuine = mm_->dialog_submission(answer, {{"answer", "forged words"}});
    const auto state = nlohmann::json::parse(genuine.value("state", "{}"));

    std::vector<std::pair<std::string, nlohmann::json>> forged;
    auto other_user = genuine; // bob's dialog, submitted by someone else
    other_user["user_id"] = mallory;
    forged.emplace_back("another user", other_user);
    auto no_state = genuine;
    no_state.erase("state");
    forged.emplace_back("no state", no_state);
    auto empty_state = genuine;
    empty_state["state"] = "";
    forged.emplace_back("empty state", empty_state);
    auto bad_sig = genuine;
    auto tampered = state;
    std::string sig = tampered.value("s", "");
    sig[0] = sig[0] == 'a' ? 'b' : 'a';
    tampered["s"] = sig;
    bad_sig["state"] = tampered.dump();
    forged.emplace_back("bad signature", bad_sig);
    auto other_post = genuine;
    auto moved = state;
    moved["r"] = "2";
    other_post["state"] = moved.dump();
    forged.emplace_back("another post", other_post);
    auto other_kind = genuine; // the answer's state offered as a flag
    other_kind["callback_id"] = "openfloor_flag";
    other_kind["submission"] = {{"reason", "spam"}};
    forged.emplace_back("another form", other_kind);
    auto flag_as_other = mm_->dialog_submission(flag, {{"reason", "spam"}});
    flag_as_other["user_id"] = mallory;
    forged.emplace_back("a flag by someone else", flag_as_other);
    auto button_sig = genuine; // a click's own signature is no dialog state
    button_sig["state"] = mm_->buttons_of(root)[0].context.value("sig", "");
    forged.emplace_back("a button signature", button_sig);
    auto unknown_callback = genuine;
    unknown_callback["callback_id"] = "openfloor_confirm";
    forged.emplace_back("not a form", unknown_callback);

    for (const auto& [what, body] : forged) {
        const auto r = post_dialog(body.dump());
        EXPECT_EQ(r.status, 401U) << what << ": " << r.body;
    }
    run_until(
        ioc_, [] { return false; }, std::chrono::milliseconds(150));
    EXPECT_EQ(bot_thread_posts(), 0U);
    EXPECT_EQ(flag_notices(), 0U);
    EXPECT_TRUE(mm_->ephemerals_for(mallory).empty());
    EXPECT_TRUE(mm_->dialogs[answer].open);
    EXPECT_NE(log_.find("invalid state"), std::string::npos);
    EXPECT_EQ(log_.find(mallory), std::string::npos);

    // The genuine one still works afterwards.
    const auto r = submit_dialog(answer, {{"answer", "the security team"}});
    EXPECT_EQ(r.status, 200U);
    EXPECT_EQ(nlohmann::json::parse(r.body), nlohmann::json::object()) << r.body;
    EXPECT_TRUE(wait_for([&] { return bot_thread_posts() == 1U; }));
}

TEST_F(MattermostDialogSecurity, TextThatIsNotASubmissionIs400AndOversizedBodiesAre413) {
    const std::size_t answer = click_for_dialog(root, "openfloor_reply", bob);
    ASSERT_NE(answer, std::string::npos);
    EXPECT_EQ(post_dialog("{not json").status, 400U);
    EXPECT_EQ(post_dialog("[]").status, 400U);
    EXPECT_EQ(post_dialog(R"({"user_id":"","state":"x"})").status, 400U);
    auto wrong_types = mm_->dialog_submission(answer, {{"answer", "x"}});
    wrong_types["cancelled"] = "yes";
    EXPECT_EQ(post_dialog(wrong_types.dump()).status, 400U);
    auto refresh = mm_->dialog_submission(answer, {{"answer", "x"}});
    refresh["type"] = "refresh";
    EXPECT_EQ(post_dialog(refresh.dump()).status, 400U);
    const auto big = mm_->dialog_submission(answer, {{"answer", std::string(9000, 'a')}});
    EXPECT_EQ(post_dialog(big.dump()).status, 413U);
    run_until(
        ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_thread_posts(), 0U);
}

TEST_F(MattermostDialogSecurity, ACancelledDialogChangesNothing) {
    const std::size_t answer = click_for_dialog(root, "openfloor_reply", bob);
    ASSERT_NE(answer, std::string::npos);
    const auto r = post_dialog(mm_->dialog_submission(answer, {}, true).dump());
    ASSERT_EQ(r.status, 200U);
    EXPECT_EQ(nlohmann::json::parse(r.body), nlohmann::json::object());
    run_until(
        ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(bot_thread_posts(), 0U);
    EXPECT_TRUE(mm_->ephemerals_for(bob).empty());
}

} // namespace
} // namespace openfloor::testing
