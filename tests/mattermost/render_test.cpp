// message_text, props_for and the request bodies: each message kind laid out in markdown, user
// text escaped, buttons signed for their channel, hints instead of buttons without a public URL,
// and answers that never echo unescaped or in the channel.
#include "adapters/mattermost/protocol.hpp"
#include "adapters/mattermost/render.hpp"
#include "bot/text_rules.hpp"
#include "tests/mattermost/vectors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;
using bot::action;
using bot::message;
using bot::message_kind;

const std::string zwsp = "\u200B";

class MattermostRender : public ::testing::Test {
protected:
    MattermostRender() {
        ctx_.signer = &signer_;
        ctx_.action_url = "https://bot.example.com/mattermost/actions";
        ctx_.answer_post_hint = "Answer `post` to publish it, or `cancel`.";
        ctx_.answer_review_hint = "Answer `approve {n}` or `reject {n} reason`.";
        plain_ = ctx_;
        plain_.action_url.clear();
    }

    static message make(message_kind kind, std::string text, std::string body = {}) {
        message m;
        m.kind = kind;
        m.text = std::move(text);
        m.body = std::move(body);
        return m;
    }

    static message preview() {
        message m = make(message_kind::preview, "Preview for #eng:", "Is *this* right? @here");
        m.buttons = {{action::confirm, "Post anonymously", "d42"},
                     {action::cancel, "Cancel", "d42"}};
        m.choices = {{bot::choice_kind::channel, "d42", {{"eng", "Engineering"}}, "eng"}};
        return m;
    }

    bot::identity id_{config::secret("a test identity secret, 32+ bytes long")};
    action_signer signer_{id_};
    render_context ctx_;
    render_context plain_; // no public URL: no buttons
};

TEST_F(MattermostRender, NoticeIsTheBotsTextWithMentionsNeutralised) {
    const message m = make(message_kind::notice, "Use `post` now, @alice *please*");
    EXPECT_EQ(message_text(m, ctx_), "Use `post` now, @" + zwsp + "alice *please*");
    EXPECT_EQ(message_text(make(message_kind::moderator_notice, "#3 was removed."), ctx_),
              "#3 was removed.");
}

TEST_F(MattermostRender, PreviewQuotesTheEscapedBodyUnderTheText) {
    message m = preview();
    m.body = "line *one*\n\n# two @channel";
    EXPECT_EQ(message_text(m, ctx_),
              "Preview for #eng:\n\n> line \\*one\\*\n> \n> \\# two @" + zwsp + "channel");
}

TEST_F(MattermostRender, PreviewEndsWithTheHintOnlyWithoutAnActionUrl) {
    const message m = preview();
    const std::string with_buttons = message_text(m, ctx_);
    EXPECT_EQ(with_buttons.find("Answer `post`"), std::string::npos);
    EXPECT_EQ(message_text(m, plain_), "Preview for #eng:\n\n> Is \\*this\\* right? @" + zwsp +
                                           "here\n\nAnswer `post` to publish it, or `cancel`.");
}

TEST_F(MattermostRender, ChannelPostShowsLabelAndNumberThenTheBody) {
    message m = make(message_kind::channel_post, "", "Totals are off by 10% <!here>");
    m.category_label = "I noticed a *mistake*";
    m.number = 12;
    EXPECT_EQ(message_text(m, ctx_),
              "**I noticed a \\*mistake\\*** \u00B7 #12\nTotals are off by 10% \\<!here\\>");
    m.category_label.clear();
    EXPECT_EQ(message_text(m, ctx_), "#12\nTotals are off by 10% \\<!here\\>");
}

TEST_F(MattermostRender, ThreadAnswerPutsTheSignatureUnderTheBody) {
    const message m = make(message_kind::thread_answer, "_\u2014 author of #12_", "It was _me_");
    EXPECT_EQ(message_text(m, ctx_), "It was \\_me\\_\n_\u2014 author of #12_");
}

TEST_F(MattermostRender, QueueItemAndRelayHaveAHeadingThenTheBody) {
    message q = make(message_kind::queue_item, "**#7** in eng, for review:", "- spam @all");
    q.number = 7;
    q.buttons = {{action::approve, "Approve", "7"}, {action::reject, "Reject", "7"}};
    EXPECT_EQ(message_text(q, ctx_), "**#7** in eng, for review:\n\\- spam @" + zwsp + "all");
    EXPECT_EQ(message_text(q, plain_), "**#7** in eng, for review:\n\\- spam @" + zwsp +
                                           "all\n\nAnswer `approve 7` or `reject 7 reason`.");
    const message r = make(message_kind::relay, "#7 \u2014 @bob replied:", "> thanks");
    EXPECT_EQ(message_text(r, plain_), "#7 \u2014 @" + zwsp + "bob replied:\n\\> thanks");
}

TEST_F(MattermostRender, LongTextIsCutToTheRuneLimitWithoutSplittingACharacter) {
    std::string body;
    for (std::size_t i = 0; i <= limit::message_runes; ++i) { // one over the limit
        body += "é";                                          // two bytes each
    }
    const std::string text = message_text(make(message_kind::notice, body), ctx_);
    EXPECT_EQ(bot::code_points(text), limit::message_runes);
    EXPECT_TRUE(text.ends_with("\u2026"));
    EXPECT_EQ(text.substr(text.size() - 5, 2), "é"); // the character before "…" is whole

    const std::string fits = std::string(limit::message_runes, 'a');
    EXPECT_EQ(message_text(make(message_kind::notice, fits), ctx_), fits);
}

TEST_F(MattermostRender, ACutBodyKeepsTheHintAndTheSignature) {
    message m = preview();
    m.body = std::string(limit::message_runes * 2, 'x');
    const std::string text = message_text(m, plain_);
    EXPECT_EQ(bot::code_points(text), limit::message_runes);
    EXPECT_TRUE(text.ends_with("\u2026\n\nAnswer `post` to publish it, or `cancel`."));

    const message t =
        make(message_kind::thread_answer, "_signature_", std::string(limit::message_runes, 'y'));
    const std::string answer = message_text(t, ctx_);
    EXPECT_EQ(bot::code_points(answer), limit::message_runes);
    EXPECT_TRUE(answer.ends_with("y\u2026\n_signature_"));
}

TEST_F(MattermostRender, PropsDrawSignedButtons) {
    const json props = props_for(preview(), "dm1", ctx_);
    ASSERT_EQ(props.at("attachments").size(), 1U);
    const json& attachment = props["attachments"][0];
    EXPECT_EQ(attachment.at("text"), "");
    EXPECT_EQ(attachment.at("fallback"), "Post anonymously | Cancel");
    const json& actions = attachment.at("actions");
    ASSERT_EQ(actions.size(), 2U); // the choices are not drawn
    EXPECT_EQ(actions[0], (json{{"id", "openfloorconfirm"},
                                {"name", "Post anonymously"},
                                {"type", "button"},
                                {"style", "primary"},
                                {"integration",
                                 {{"url", "https://bot.example.com/mattermost/actions"},
                                  {"context",
                                   {{"action", "openfloor_confirm"},
                                    {"ref", "d42"},
                                    {"sig", signer_.sign("openfloor_confirm", "d42", "dm1")}}}}}}));
    EXPECT_EQ(actions[1].at("id"), "openfloorcancel");
    EXPECT_EQ(actions[1].at("style"), "danger");
    const json& context = actions[1]["integration"]["context"];
    EXPECT_TRUE(signer_.verify(context.at("action").get<std::string>(),
                               context.at("ref").get<std::string>(), "dm1",
                               context.at("sig").get<std::string>()));
    EXPECT_FALSE(signer_.verify(context.at("action").get<std::string>(),
                                context.at("ref").get<std::string>(), "other",
                                context.at("sig").get<std::string>()));
}

TEST_F(MattermostRender, ButtonStylesAndEmptyLabels) {
    message m = make(message_kind::channel_post, "", "b");
    m.buttons = {{action::approve, "", "1"},
                 {action::reject, "R", "1"},
                 {action::reply, "Reply", "1"},
                 {action::flag, "Flag", "1"}};
    const json actions = props_for(m, "c", ctx_)["attachments"][0]["actions"];
    ASSERT_EQ(actions.size(), 4U);
    EXPECT_EQ(actions[0].at("name"), "openfloor_approve");
    EXPECT_EQ(actions[0].at("style"), "primary");
    EXPECT_EQ(actions[1].at("style"), "danger");
    EXPECT_EQ(actions[2].at("style"), "default");
    EXPECT_EQ(actions[3].at("style"), "default");
    EXPECT_EQ(actions[3].at("id"), "openfloorflag");
}

TEST_F(MattermostRender, PropsAreEmptyWithoutButtonsOrActionUrl) {
    EXPECT_EQ(props_for(preview(), "dm1", plain_), json::object());
    EXPECT_EQ(props_for(make(message_kind::notice, "hi"), "dm1", ctx_), json::object());
    render_context unsigned_ctx = ctx_;
    unsigned_ctx.signer = nullptr;
    EXPECT_EQ(props_for(preview(), "dm1", unsigned_ctx), json::object());
}

TEST_F(MattermostRender, ButtonIdsAreAlphanumeric) {
    EXPECT_EQ(button_id(action::confirm), "openfloorconfirm");
    for (const action a : {action::confirm, action::cancel, action::approve, action::reject,
                           action::reply, action::flag}) {
        const std::string id = button_id(a);
        EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789"), std::string::npos);
        EXPECT_TRUE(id.starts_with("openfloor")) << id;
    }
}

TEST_F(MattermostRender, PostBodyCarriesRootIdOnlyForReplies) {
    const message m = make(message_kind::thread_answer, "_sig_", "answer");
    const json top = post_body("c1", m, ctx_);
    EXPECT_EQ(
        top, (json{{"channel_id", "c1"}, {"message", "answer\n_sig_"}, {"props", json::object()}}));
    const json reply = post_body("c1", m, ctx_, "root1");
    EXPECT_EQ(reply.at("root_id"), "root1");
    EXPECT_EQ(reply.at("message"), "answer\n_sig_");
    const json with_buttons = post_body("dm1", preview(), ctx_);
    EXPECT_EQ(with_buttons.at("props"), props_for(preview(), "dm1", ctx_));
}

TEST_F(MattermostRender, PatchBodySendsEmptyPropsToRemoveButtons) {
    const json patch = patch_body("dm1", make(message_kind::notice, "Posted as #12."), ctx_);
    EXPECT_EQ(patch, (json{{"message", "Posted as #12."}, {"props", json::object()}}));
    EXPECT_FALSE(patch.contains("channel_id"));
    EXPECT_EQ(patch_body("dm1", preview(), ctx_).at("props"), props_for(preview(), "dm1", ctx_));
}

TEST_F(MattermostRender, CommandResponseIsEphemeralAndSkipsSlackParsing) {
    const json one =
        command_response({make(message_kind::notice, "Preview sent to you by DM.")}, ctx_);
    EXPECT_EQ(one, json::parse(vectors::c6_expected_answer));

    const json two = command_response({make(message_kind::notice, "First @all"), preview()}, ctx_);
    EXPECT_EQ(two.at("response_type"), "ephemeral");
    EXPECT_EQ(two.at("skip_slack_parsing"), true);
    const std::string text = two.at("text").get<std::string>();
    EXPECT_TRUE(text.starts_with("First @" + zwsp + "all\n\nPreview for #eng:")) << text;
    // No buttons in an ephemeral answer, so the preview says how to answer instead.
    EXPECT_TRUE(text.ends_with("Answer `post` to publish it, or `cancel`.")) << text;
    EXPECT_FALSE(two.contains("props"));
    EXPECT_FALSE(two.contains("attachments"));

    EXPECT_EQ(command_response_text("Unknown @here"), (json{{"response_type", "ephemeral"},
                                                            {"text", "Unknown @" + zwsp + "here"},
                                                            {"skip_slack_parsing", true}}));
}

TEST_F(MattermostRender, ActionResponseReplacesThePostAndDropsItsButtons) {
    const json answer =
        action_response({make(message_kind::notice, "Posted anonymously to ~eng.")}, ctx_, true);
    EXPECT_EQ(answer, json::parse(vectors::c7_expected_answer));
}

TEST_F(MattermostRender, ActionResponseOtherwiseAnswersTheClickerAlone) {
    const json answer =
        action_response({make(message_kind::notice, "Only you @here")}, ctx_, false);
    EXPECT_EQ(answer, (json{{"ephemeral_text", "Only you @" + zwsp + "here"},
                            {"skip_slack_parsing", true}}));
    EXPECT_FALSE(answer.contains("update"));
}

TEST_F(MattermostRender, ActionResponseWithNothingToSayIsStillAnObject) {
    for (const bool replace : {false, true}) {
        const json answer = action_response({}, ctx_, replace);
        EXPECT_EQ(answer, (json{{"skip_slack_parsing", true}}));
        EXPECT_NE(answer.dump(), "{}");
    }
}

TEST_F(MattermostRender, WebhookBodyIsTheMessageText) {
    message m = make(message_kind::channel_post, "", "Hi @channel");
    m.category_label = "Question";
    m.number = 3;
    EXPECT_EQ(webhook_body(m, ctx_),
              (json{{"text", "**Question** \u00B7 #3\nHi @" + zwsp + "channel"}}));
}

} // namespace
} // namespace openfloor::mattermost
