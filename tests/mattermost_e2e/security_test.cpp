// What reaches /mattermost/commands and /mattermost/actions without Mattermost's authority:
// refused with 401 (or 400 for what cannot be read), and nothing changes.
#include "tests/mattermost_e2e/fixture.hpp"

#include <boost/beast/http/verb.hpp>

namespace openfloor::testing {
namespace {

class MattermostSecurity : public mattermost_e2e {
protected:
    transport::client_response raw_command(std::string body, transport::header_list headers,
                                           transport::http::verb method = transport::http::verb::post,
                                           const std::string& path = "/mattermost/commands") {
        transport::client_request req;
        req.method = method;
        req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + path;
        if (method == transport::http::verb::get) {
            req.url += "?" + body;
        } else {
            req.body = std::move(body);
        }
        req.headers = std::move(headers);
        return send(std::move(req));
    }

    // Nothing happened: no draft, no DM, no post anywhere.
    void expect_nothing_changed() {
        run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
        EXPECT_TRUE(mm_->calls_to("POST", "/posts").empty());
        EXPECT_TRUE(mm_->calls_to("POST", "/channels/direct").empty());
    }

    const transport::header_list form_type{{"Content-Type", "application/x-www-form-urlencoded"}};
};

TEST_F(MattermostSecurity, CommandWithTheRightTokenInHeaderOrFormIsServed) {
    boot();
    const auto form = mm_->slash_command_form(alice, "alice", town_square, "help", mm_->command_token);
    auto with_header = raw_command(form, fake_mattermost::slash_command_headers(mm_->command_token));
    EXPECT_EQ(with_header.status, 200U);
    auto form_only = raw_command(form, form_type);
    EXPECT_EQ(form_only.status, 200U) << form_only.body;
    // mmctl without --post makes a GET command; and the singular path of §B7's example.
    auto get = raw_command(form, {}, transport::http::verb::get);
    EXPECT_EQ(get.status, 200U) << get.body;
    auto alias = raw_command(form, form_type, transport::http::verb::post, "/mattermost/command");
    EXPECT_EQ(alias.status, 200U);
    EXPECT_EQ(nlohmann::json::parse(alias.body).value("response_type", ""), "ephemeral");
}

TEST_F(MattermostSecurity, CommandWithABadOrMissingTokenIsRefused) {
    boot();
    const auto good_form =
        mm_->slash_command_form(alice, "alice", town_square, "#quick question: sneaky", mm_->command_token);
    const auto bad_form =
        mm_->slash_command_form(alice, "alice", town_square, "#quick question: sneaky", "wrong-token");
    // A wrong header is refused even when the form carries the right token.
    EXPECT_EQ(raw_command(good_form, fake_mattermost::slash_command_headers("wrong-token")).status, 401U);
    EXPECT_EQ(raw_command(bad_form, form_type).status, 401U);
    std::string no_token = good_form;
    no_token.replace(no_token.find("token=" + mm_->command_token), 6 + mm_->command_token.size(), "token=");
    EXPECT_EQ(raw_command(no_token, form_type).status, 401U);
    EXPECT_EQ(raw_command("not a form %zz", form_type).status, 401U);
    EXPECT_EQ(raw_command("", {}).status, 401U);
    // The same token with one character changed.
    std::string near = mm_->command_token;
    near.back() = near.back() == 'a' ? 'b' : 'a';
    EXPECT_EQ(raw_command(good_form, fake_mattermost::slash_command_headers(near)).status, 401U);
    expect_nothing_changed();
    EXPECT_FALSE(bot_post_in(quick, "sneaky").has_value());
}

TEST_F(MattermostSecurity, ForgedActionCallbacksAreRefused) {
    boot();
    mm_->dm_post(alice, "#eng mistake: guarded");
    const std::string dm = dm_of(alice);
    ASSERT_TRUE(wait_for([&] { return !mm_->last_post_with_buttons(dm).empty(); }));
    const std::string preview = mm_->last_post_with_buttons(dm);
    const mm_button confirm = mm_->buttons_of(preview).front();
    const auto before = mm_->calls_to("POST", "/posts").size();

    auto forged = [&](const std::function<void(nlohmann::json&)>& change) {
        nlohmann::json body = mm_->click_body(confirm, alice);
        change(body);
        return post_action(body).status;
    };
    EXPECT_EQ(forged([](auto& b) { b["context"]["sig"] = std::string(64, '0'); }), 401U);
    EXPECT_EQ(forged([](auto& b) { b["context"].erase("sig"); }), 401U);
    EXPECT_EQ(forged([](auto& b) { b["context"]["ref"] = "another-draft"; }), 401U);
    EXPECT_EQ(forged([](auto& b) { b["context"]["action"] = "openfloor_approve"; }), 401U);
    // A genuine context replayed from another channel.
    EXPECT_EQ(forged([&](auto& b) { b["channel_id"] = town_square; }), 401U);
    EXPECT_EQ(forged([](auto& b) { b["context"] = nlohmann::json::object(); }), 401U);
    EXPECT_EQ(forged([](auto& b) { b["context"] = "not an object"; }), 400U);
    EXPECT_EQ(post_action(nlohmann::json::array()).status, 400U);

    transport::client_request garbage;
    garbage.method = transport::http::verb::post;
    garbage.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/mattermost/actions";
    garbage.body = "{\"user_id\":";
    garbage.headers = {{"Content-Type", "application/json"}};
    EXPECT_EQ(send(garbage).status, 400U);

    run_until(ioc_, [] { return false; }, std::chrono::milliseconds(100));
    EXPECT_EQ(mm_->calls_to("POST", "/posts").size(), before);
    EXPECT_EQ(bot_posts_in(eng), 0U);
    EXPECT_EQ(mm_->buttons_of(preview).size(), 2U); // the preview is untouched
    // And the genuine click still works afterwards.
    EXPECT_EQ(click(preview, "openfloor_confirm", alice).status, 200U);
    ASSERT_TRUE(wait_for_post(eng, "guarded"));
}

TEST_F(MattermostSecurity, OversizedBodiesAreRefused) {
    boot([](config::settings& s) { s.server.max_body_bytes = 4096; });
    const std::string big = mm_->slash_command_form(alice, "alice", town_square,
                                                    std::string(8000, 'x'), mm_->command_token);
    EXPECT_EQ(raw_command(big, fake_mattermost::slash_command_headers(mm_->command_token)).status, 413U);
    expect_nothing_changed();
}

} // namespace
} // namespace openfloor::testing
