// blocks_for, fallback_text and the request bodies: escaped and verbatim user text, the right
// buttons, Slack's size limits, and nothing that could ping or post in_channel.
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;
using bot::action;
using bot::message;
using bot::message_kind;

constexpr std::string_view mentions = "<!here> <!channel> <@U123> @here @channel <!subteam^S1>";
constexpr std::string_view inert = "&lt;!here&gt; &lt;!channel&gt; &lt;@\u200BU123&gt; @\u200Bhere "
                                   "@\u200Bchannel &lt;!subteam^S1&gt;";

class SlackRender : public ::testing::Test {
protected:
    static message make(message_kind kind, std::string text, std::string body) {
        message m;
        m.kind = kind;
        m.text = std::move(text);
        m.body = std::move(body);
        return m;
    }

    static std::vector<std::string> section_texts(const json& blocks) {
        std::vector<std::string> out;
        for (const json& b : blocks) {
            if (b.at("type") == "section") {
                EXPECT_EQ(b.at("text").at("type"), "mrkdwn");
                EXPECT_EQ(b.at("text").at("verbatim"), true);
                out.push_back(b.at("text").at("text").get<std::string>());
            }
        }
        return out;
    }

    message preview_ = [] {
        message m = make(message_kind::preview, "Here is your post:", "line one\nline two");
        m.buttons = {{action::confirm, "Post anonymously", "draft:42"},
                     {action::cancel, "Cancel", "draft:42"}};
        return m;
    }();
};

TEST_F(SlackRender, MakesMentionsInABodyInert) {
    message m = make(message_kind::channel_post, "", std::string(mentions));
    m.number = 12;
    m.category_label = "I noticed a mistake";
    const json blocks = blocks_for(m);
    ASSERT_EQ(blocks.size(), 2U);
    EXPECT_EQ(blocks[0].at("type"), "context");
    EXPECT_EQ(blocks[0].at("elements")[0].at("text"), "*I noticed a mistake* \u00B7 #12");
    EXPECT_EQ(blocks[1], json::parse(R"({"type":"section","block_id":"of_body","text":
        {"type":"mrkdwn","verbatim":true,"text":")" +
                                     std::string(inert) + R"("}})"));
    const std::string fallback = fallback_text(m);
    EXPECT_EQ(fallback, "*I noticed a mistake* \u00B7 #12\n" + std::string(inert));
    EXPECT_EQ(fallback.find('<'), std::string::npos);
}

TEST_F(SlackRender, EscapesTheBotsOwnTextToo) {
    const message m = make(message_kind::notice, "Rejected: <!channel> & @here", "");
    EXPECT_EQ(section_texts(blocks_for(m)),
              std::vector<std::string>{"Rejected: &lt;!channel&gt; &amp; @\u200Bhere"});
    EXPECT_EQ(fallback_text(m), "Rejected: &lt;!channel&gt; &amp; @\u200Bhere");
}

TEST_F(SlackRender, KeepsEmojiAndRightToLeftTextUnchanged) {
    const std::string body = "שלום 👋🏽\nمرحبا 🇸🇪";
    const message m = make(message_kind::relay, "#3 — Bob replied:", body);
    EXPECT_EQ(section_texts(blocks_for(m)), (std::vector<std::string>{"#3 — Bob replied:", body}));
}

TEST_F(SlackRender, GivesAPreviewItsTextQuotedBodyAndButtons) {
    const json blocks = blocks_for(preview_);
    ASSERT_EQ(blocks.size(), 3U);
    EXPECT_EQ(section_texts(blocks),
              (std::vector<std::string>{"Here is your post:", "> line one\n> line two"}));
    EXPECT_EQ(blocks[2],
              json::parse(R"({"type":"actions","block_id":"of_preview_actions","elements":[
        {"type":"button","action_id":"openfloor_confirm","text":{"type":"plain_text","text":"Post anonymously","emoji":true},"value":"draft:42","style":"primary"},
        {"type":"button","action_id":"openfloor_cancel","text":{"type":"plain_text","text":"Cancel","emoji":true},"value":"draft:42","style":"danger"}]})"));
}

TEST_F(SlackRender, GivesEachButtonItsActionIdValueAndStyle) {
    message m = make(message_kind::queue_item, "#7 waits for review", "body");
    m.buttons = {{action::approve, "Approve", "post:7"}, {action::reject, "Reject", "post:7"}};
    const json queue = blocks_for(m).back();
    EXPECT_EQ(queue.at("block_id"), "of_queue_actions");
    EXPECT_EQ(queue.at("elements")[0].at("action_id"), "openfloor_approve");
    EXPECT_EQ(queue.at("elements")[0].at("style"), "primary");
    EXPECT_EQ(queue.at("elements")[1].at("action_id"), "openfloor_reject");
    EXPECT_EQ(queue.at("elements")[1].at("style"), "danger");
    EXPECT_EQ(queue.at("elements")[1].at("value"), "post:7");

    message post = make(message_kind::channel_post, "", "body");
    post.number = 7;
    post.buttons = {{action::reply, "Reply anonymously", "post:7"},
                    {action::flag, "Flag", "post:7"}};
    const json actions = blocks_for(post).back();
    EXPECT_EQ(actions.at("block_id"), "of_post_actions");
    EXPECT_EQ(actions.at("elements")[0].at("action_id"), "openfloor_reply");
    EXPECT_EQ(actions.at("elements")[1].at("action_id"), "openfloor_flag");
    EXPECT_FALSE(actions.at("elements")[0].contains("style"));
}

TEST_F(SlackRender, CutsButtonLabelsToSlacksLimit) {
    message m = make(message_kind::notice, "t", "");
    m.buttons = {{action::confirm, std::string(100, 'x'), "v"}, {action::cancel, "", "v"}};
    const json elements = blocks_for(m).back().at("elements");
    EXPECT_LE(elements[0].at("text").at("text").get<std::string>().size(), 75U);
    EXPECT_EQ(elements[1].at("text").at("text"), "openfloor_cancel");
}

TEST_F(SlackRender, SignsAThreadAnswerBelowItsBody) {
    message m = make(message_kind::thread_answer, "\u2014 author of #12", "It was the March file.");
    m.number = 12;
    const json blocks = blocks_for(m);
    ASSERT_EQ(blocks.size(), 2U);
    EXPECT_EQ(blocks[0].at("text").at("text"), "It was the March file.");
    EXPECT_EQ(blocks[1].at("type"), "context");
    EXPECT_EQ(blocks[1].at("elements")[0].at("text"), "\u2014 author of #12");
}

TEST_F(SlackRender, SplitsALongBodyIntoSectionsOfAtMost3000Bytes) {
    std::string body;
    while (body.size() < 7000) {
        body += "word ";
    }
    body.resize(7000);
    const message m = make(message_kind::channel_post, "", body);
    const auto texts = section_texts(blocks_for(m));
    ASSERT_EQ(texts.size(), 3U);
    std::string joined;
    for (const std::string& t : texts) {
        EXPECT_LE(t.size(), 3000U);
        joined += t;
    }
    EXPECT_EQ(joined, body);
    const json blocks = blocks_for(m);
    EXPECT_EQ(blocks[0].at("block_id"), "of_body");
    EXPECT_EQ(blocks[1].at("block_id"), "of_body_2");
    EXPECT_EQ(blocks[2].at("block_id"), "of_body_3");
}

TEST_F(SlackRender, NeverSplitsAnEntityACharacterOrAnInertMention) {
    const std::string body =
        std::string(2999, 'a') + "&" + std::string(2996, 'b') + "\u00E9\U0001F600@x";
    const message m = make(message_kind::channel_post, "", body + body);
    std::string joined;
    for (const std::string& t : section_texts(blocks_for(m))) {
        EXPECT_LE(t.size(), 3000U);
        for (std::size_t i = t.find('&'); i != std::string::npos; i = t.find('&', i + 1)) {
            EXPECT_TRUE(t.substr(i).starts_with("&amp;")) << "entity cut at " << i;
        }
        EXPECT_FALSE(t.starts_with("\u200B")); // it stays with its '@'
        EXPECT_NO_THROW(static_cast<void>(json(t).dump())) << "invalid UTF-8: a character was cut";
        joined += t;
    }
    EXPECT_EQ(joined, escape_user_text(body + body));
}

TEST_F(SlackRender, QuotesEverySplitPieceOfAPreview) {
    message m = preview_;
    m.body = std::string(5000, 'q');
    const auto texts = section_texts(blocks_for(m));
    ASSERT_EQ(texts.size(), 3U);
    EXPECT_TRUE(texts[1].starts_with("> "));
    EXPECT_TRUE(texts[2].starts_with("> "));
    EXPECT_LE(texts[1].size(), 3000U);
}

TEST_F(SlackRender, StaysUnderFiftyBlocks) {
    message m = preview_;
    m.body = std::string(200'000, 'z');
    const json blocks = blocks_for(m);
    EXPECT_EQ(blocks.size(), 50U);
    EXPECT_EQ(blocks.back().at("type"), "actions"); // the buttons survive the cut
    const std::string last = blocks[48].at("text").at("text").get<std::string>();
    EXPECT_TRUE(last.ends_with("\u2026"));
    EXPECT_LE(last.size(), 3000U);
}

TEST_F(SlackRender, BuildsAPostMessageBodyThatCannotPing) {
    message m = make(message_kind::channel_post, "", std::string(mentions));
    m.number = 4;
    const json body = post_message_body("C0123CHAN", m);
    EXPECT_EQ(body.at("channel"), "C0123CHAN");
    EXPECT_EQ(body.at("unfurl_links"), false);
    EXPECT_EQ(body.at("unfurl_media"), false);
    EXPECT_FALSE(body.contains("link_names"));
    EXPECT_FALSE(body.contains("parse"));
    EXPECT_FALSE(body.contains("thread_ts"));
    EXPECT_EQ(body.at("blocks"), blocks_for(m));
    EXPECT_EQ(body.at("text"), fallback_text(m));
    const std::string wire = body.dump();
    EXPECT_EQ(wire.find("<!"), std::string::npos);
    EXPECT_EQ(wire.find("<@"), std::string::npos);
    EXPECT_EQ(post_message_body("C1", m, "1700000200.000300").at("thread_ts"), "1700000200.000300");
}

TEST_F(SlackRender, BuildsAnUpdateBody) {
    const message m = make(message_kind::notice, "hidden", "");
    const json body = update_message_body("C1", "1.2", m);
    EXPECT_EQ(body.at("channel"), "C1");
    EXPECT_EQ(body.at("ts"), "1.2");
    EXPECT_EQ(body.at("text"), "hidden");
    EXPECT_EQ(body.at("blocks"), blocks_for(m));
}

TEST_F(SlackRender, AnswersEphemerallyAndNeverInChannel) {
    const json reply = ephemeral_response(
        {make(message_kind::notice, "Preview sent to you by DM.", ""), preview_});
    EXPECT_EQ(reply.at("response_type"), "ephemeral");
    EXPECT_EQ(reply.dump().find("in_channel"), std::string::npos);
    EXPECT_EQ(reply.at("text"),
              "Preview sent to you by DM.\nHere is your post:\nline one\nline two");
    std::set<std::string> ids;
    for (const json& b : reply.at("blocks")) {
        EXPECT_TRUE(ids.insert(b.at("block_id").get<std::string>()).second) << b.dump();
    }
    EXPECT_EQ(reply.at("blocks").size(), 4U);
    EXPECT_EQ(ephemeral_response({}).at("response_type"), "ephemeral");
}

TEST_F(SlackRender, BuildsAWebhookBody) {
    const json body = webhook_body(preview_);
    EXPECT_EQ(body.at("text"), fallback_text(preview_));
    EXPECT_EQ(body.at("blocks"), blocks_for(preview_));
    EXPECT_FALSE(body.contains("channel"));
}

} // namespace
} // namespace openfloor::slack

namespace openfloor::slack {
namespace {

TEST(SlackRelayRender, ShowsTheRepliersMentionButNoOtherMarkup) {
    bot::message m;
    m.kind = bot::message_kind::relay;
    m.number = 3;
    m.text = "#3 — <@U0456BOB> replied:";
    m.body = "see <@U0999> and <!here>";
    const std::string text = fallback_text(m);
    EXPECT_NE(text.find("#3 — <@U0456BOB> replied:"), std::string::npos) << text;
    EXPECT_EQ(text.find("<@U0999>"), std::string::npos) << "the body's mention stays inert";
    EXPECT_EQ(text.find("<!here>"), std::string::npos);
    bot::message notice = m;
    notice.kind = bot::message_kind::notice;
    EXPECT_EQ(fallback_text(notice).find("<@U0456BOB>"), std::string::npos)
        << "a notice to one person lets no mention through";
}

TEST(SlackRelayRender, AFlagNoticeNamesTheFlaggerToTheModeratorsButNothingElse) {
    bot::message m;
    m.kind = bot::message_kind::moderator_notice;
    m.number = 4;
    m.text = "#4 flagged (1 of 3): Spam — by <@U0BOB> <!here> <@U0BOB|bob>";
    const std::string text =
        blocks_for(m).at(0).at("text").at("text").get<std::string>() + "\n" + fallback_text(m);
    EXPECT_NE(text.find("— by <@U0BOB> "), std::string::npos) << text;
    EXPECT_EQ(text.find("<!here>"), std::string::npos) << text;
    EXPECT_EQ(text.find("<@U0BOB|"), std::string::npos) << "only the bare mention form" << text;
}

} // namespace
} // namespace openfloor::slack
