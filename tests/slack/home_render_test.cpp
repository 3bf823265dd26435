// The App Home view and the ephemeral body of the private inbox: user text escaped and inert,
// the replier's mention the one token let through, a Reply button per post, Slack's limits kept.
#include "adapters/slack/home_render.hpp"
#include "adapters/slack/protocol.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

class SlackHomeRender : public ::testing::Test {
protected:
    static bot::home_post_view post(bot::post_number n, std::vector<bot::home_line> lines = {}) {
        bot::home_post_view p;
        p.number = n;
        p.heading = "#" + std::to_string(n) + " in #eng · Question · posted";
        p.body = "Is <!here> & @channel on the rota?";
        p.lines = std::move(lines);
        p.no_lines = "No replies yet.";
        p.reply = {bot::action::reply, "Reply", std::to_string(n)};
        return p;
    }

    static std::string texts_of(const json& view) {
        std::string out;
        for (const auto& block : view["blocks"]) {
            if (block.contains("text")) {
                out += block["text"]["text"].get<std::string>() + "\n";
            }
            for (const auto& e : block.value("elements", json::array())) {
                if (e.contains("text") && e["text"].is_string()) {
                    out += e["text"].get<std::string>() + "\n";
                }
            }
        }
        return out;
    }
};

TEST_F(SlackHomeRender, AnEmptyHomeIsItsIntroAlone) {
    bot::home_view v;
    v.intro = "Nothing here yet.";
    const json view = home_tab_view(v);
    EXPECT_EQ(view["type"], "home");
    ASSERT_EQ(view["blocks"].size(), 1U);
    EXPECT_EQ(view["blocks"][0]["text"]["text"], "Nothing here yet.");
    EXPECT_TRUE(view["blocks"][0]["text"]["verbatim"].get<bool>());
}

TEST_F(SlackHomeRender, APostShowsItsHeadingTextRepliesAndAReplyButton) {
    bot::home_view v;
    v.intro = "Your posts.";
    v.posts = {post(12, {{"<@U0BOB>", "Which <@U0EVE> tab? @here", {}},
                         {"", "Your post #12 was approved. Their reason: <!channel>", {}}})};
    const json view = home_tab_view(v);
    const std::string text = texts_of(view);
    EXPECT_NE(text.find("*#12 in #eng · Question · posted*"), std::string::npos) << text;
    EXPECT_NE(text.find("> Is &lt;!here&gt; &amp; @\u200Bchannel on the rota?"), std::string::npos)
        << text;
    EXPECT_NE(text.find("*<@U0BOB>*: Which &lt;@\u200BU0EVE&gt; tab? @\u200Bhere"),
              std::string::npos)
        << "only the replier's own mention is let through: " << text;
    EXPECT_NE(text.find("Their reason: &lt;!channel&gt;"), std::string::npos) << text;
    EXPECT_EQ(text.find("<!channel>"), std::string::npos);

    const json& actions = view["blocks"].back();
    ASSERT_EQ(actions["type"], "actions");
    EXPECT_EQ(actions["elements"][0]["action_id"], "openfloor_reply");
    EXPECT_EQ(actions["elements"][0]["value"], "12");
    EXPECT_EQ(actions["elements"][0]["text"]["type"], "plain_text");
}

TEST_F(SlackHomeRender, AnAnonymousAnswerersNameIsEscapedText) {
    bot::home_view v;
    v.posts = {post(3, {{"<@U1|x> Anonymous otter", "hi", {}}})};
    const std::string text = texts_of(home_tab_view(v));
    EXPECT_NE(text.find("*&lt;@\u200BU1|x&gt; Anonymous otter*: hi"), std::string::npos) << text;
}

TEST_F(SlackHomeRender, APostWithoutRepliesSaysSo) {
    bot::home_view v;
    v.posts = {post(4)};
    EXPECT_NE(texts_of(home_tab_view(v)).find("No replies yet."), std::string::npos);
}

TEST_F(SlackHomeRender, StaysWithinSlacksLimitsWithManyPostsAndLongReplies) {
    bot::home_view v;
    v.intro = "Your posts.";
    for (bot::post_number n = 40; n > 0; --n) {
        std::vector<bot::home_line> lines;
        for (int k = 0; k < 20; ++k) {
            lines.push_back(
                {"<@U0BOB>", std::string(400, 'x') + " & more " + std::to_string(k), {}});
        }
        auto p = post(n, std::move(lines));
        p.body = std::string(5000, 'y');
        v.posts.push_back(std::move(p));
    }
    const json view = home_tab_view(v);
    EXPECT_LE(view["blocks"].size(), limit::blocks_per_modal);
    std::set<std::string> ids;
    for (const auto& block : view["blocks"]) {
        if (block.contains("block_id")) {
            EXPECT_TRUE(ids.insert(block["block_id"].get<std::string>()).second)
                << "block ids are unique";
        }
        if (block.contains("text")) {
            EXPECT_LE(block["text"]["text"].get<std::string>().size(), limit::section_text);
        }
    }
    // The newest replies are the ones kept when a post's replies are cut.
    EXPECT_NE(view["blocks"][3]["text"]["text"].get<std::string>().find("&amp; more 19"),
              std::string::npos);
}

TEST_F(SlackHomeRender, ViewsPublishNamesTheUserAndEphemeralsTheirDm) {
    bot::home_view v;
    v.intro = "x";
    const json publish = views_publish_body("U0ALICE", v);
    EXPECT_EQ(publish["user_id"], "U0ALICE");
    EXPECT_EQ(publish["view"]["type"], "home");

    bot::message m;
    m.text = "Thank you <@U1>";
    const json eph = post_ephemeral_body("D0DM", "U0ALICE", m);
    EXPECT_EQ(eph["channel"], "D0DM");
    EXPECT_EQ(eph["user"], "U0ALICE");
    EXPECT_EQ(eph["text"], "Thank you &lt;@\u200BU1&gt;");
    EXPECT_FALSE(eph.contains("link_names"));
}

} // namespace
} // namespace openfloor::slack
