// form_modal and notice_modal: the answer and flag modals of a post's buttons, within Slack's
// limits, carrying the post back in private_metadata and readable by the submission decoder.
#include "adapters/slack/form_modal.hpp"
#include "adapters/slack/inbound.hpp"
#include "adapters/slack/payloads.hpp"
#include "bot/texts.hpp"

#include <gtest/gtest.h>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

bot::form_request answer_form() {
    bot::form_request f;
    f.kind = bot::form_kind::answer;
    f.value = "12";
    f.number = 12;
    f.title = "Answer #12";
    f.intro = "Your answer will appear in the thread of #12, signed \"— Anonymous otter\".";
    f.field_label = "Your answer";
    f.submit_label = "Send";
    f.cancel_label = "Cancel";
    return f;
}

bot::form_request flag_form() {
    bot::form_request f = answer_form();
    f.kind = bot::form_kind::flag;
    f.title = "Flag #12";
    f.intro = "What is wrong with #12?";
    f.field_label = "Reason";
    f.options = bot::flag_choices(bot::texts("en"));
    f.submit_label = "Flag";
    return f;
}

TEST(SlackFormModal, AnAnswerFormIsAMultilineInputBelowItsIntro) {
    const json view = form_modal(answer_form(), 500);
    EXPECT_EQ(view.at("type"), "modal");
    EXPECT_EQ(view.at("callback_id"), "of_answer");
    EXPECT_EQ(view.at("private_metadata"), "12");
    EXPECT_EQ(view.at("title").at("text"), "Answer #12");
    EXPECT_EQ(view.at("submit").at("text"), "Send");
    EXPECT_EQ(view.at("close").at("text"), "Cancel");
    const json& blocks = view.at("blocks");
    ASSERT_EQ(blocks.size(), 2U);
    EXPECT_EQ(blocks[0].at("type"), "section");
    EXPECT_EQ(blocks[0].at("text").at("type"), "plain_text") << "the bot's words parse as nothing";
    EXPECT_NE(blocks[0].at("text").at("text").get<std::string>().find("Anonymous otter"),
              std::string::npos);
    EXPECT_EQ(blocks[1].at("block_id"), "answer_block");
    const json& input = blocks[1].at("element");
    EXPECT_EQ(input.at("type"), "plain_text_input");
    EXPECT_EQ(input.at("action_id"), "answer_input");
    EXPECT_EQ(input.at("multiline"), true);
    EXPECT_EQ(input.at("max_length"), 500);
    EXPECT_EQ(form_modal(answer_form(), 100'000).at("blocks")[1].at("element").at("max_length"),
              3000)
        << "Slack's ceiling";
}

TEST(SlackFormModal, AFlagFormIsARequiredMenuOfTheReasons) {
    const json view = form_modal(flag_form(), 500);
    EXPECT_EQ(view.at("callback_id"), "of_flag");
    EXPECT_EQ(view.at("private_metadata"), "12");
    const json& block = view.at("blocks")[1];
    EXPECT_EQ(block.at("type"), "input");
    EXPECT_FALSE(block.value("optional", false));
    EXPECT_EQ(block.at("block_id"), "reason_block");
    const json& select = block.at("element");
    EXPECT_EQ(select.at("type"), "static_select");
    EXPECT_EQ(select.at("action_id"), "reason_select");
    ASSERT_EQ(select.at("options").size(), 4U);
    EXPECT_EQ(select.at("options")[2],
              json::parse(R"({"text":{"type":"plain_text","text":"Identifies someone",
                               "emoji":true},"value":"identifies_someone"})"));
    for (const json& o : select.at("options")) {
        bot::flag_reason r{};
        EXPECT_TRUE(bot::parse_flag_reason(o.at("value").get<std::string>(), r));
    }
}

TEST(SlackFormModal, KeepsItsTextsWithinSlacksLimits) {
    bot::form_request f = flag_form();
    f.title = "Signaler la publication numéro 12 aux modérateurs";
    f.submit_label = std::string(40, 's');
    f.cancel_label = std::string(40, 'c');
    f.intro = std::string(5000, 'i');
    f.options.push_back({bot::flag_reason::other, std::string(200, 'x'), "too long an id"});
    const json view = form_modal(f, 500);
    EXPECT_LE(view.at("title").at("text").get<std::string>().size(), 24U);
    EXPECT_LE(view.at("submit").at("text").get<std::string>().size(), 24U);
    EXPECT_LE(view.at("close").at("text").get<std::string>().size(), 24U);
    EXPECT_LE(view.at("blocks")[0].at("text").at("text").get<std::string>().size(), 3000U);
    EXPECT_EQ(view.at("blocks")[1].at("element").at("options").size(), 4U)
        << "an id too long to come back whole is left out";
}

TEST(SlackFormModal, ANoticeModalOnlySaysItsTextAndCloses) {
    const json view = notice_modal("Thank you for flagging #12.", "Close");
    EXPECT_EQ(view.at("type"), "modal");
    EXPECT_FALSE(view.contains("submit")) << "nothing to submit twice";
    EXPECT_EQ(view.at("close").at("text"), "Close");
    EXPECT_EQ(view.at("blocks")[0].at("text").at("text"), "Thank you for flagging #12.");
    EXPECT_EQ(notice_modal("", "Close").at("blocks")[0].at("text").at("text"), " ");
}

TEST(SlackFormModal, OnlyAPostNumberIsFormMetadata) {
    EXPECT_TRUE(is_form_metadata("12"));
    EXPECT_TRUE(is_form_metadata("9223372036854775807"));
    EXPECT_FALSE(is_form_metadata(""));
    EXPECT_FALSE(is_form_metadata("12a"));
    EXPECT_FALSE(is_form_metadata("-1"));
    EXPECT_FALSE(is_form_metadata(std::string(20, '1')));
    EXPECT_FALSE(is_form_metadata("{\"ch\":\"eng\"}"));
}

TEST(SlackFormModal, OnlySubmissionsNamingAPostAndASlackUserAreWellFormed) {
    view_submission v;
    v.callback_id = "of_flag";
    v.user_id = "U0BOB";
    v.private_metadata = "3";
    EXPECT_TRUE(inbound::well_formed(v));
    v.user_id = "U0BOB> <!here";
    EXPECT_FALSE(inbound::well_formed(v)) << "the flagger's mention carries nothing else";
    v.user_id = "";
    EXPECT_FALSE(inbound::well_formed(v));
    v.user_id = "U0BOB";
    v.private_metadata = std::string(4000, '9');
    EXPECT_FALSE(inbound::well_formed(v));
    v.callback_id = "of_compose";
    EXPECT_TRUE(inbound::well_formed(v)) << "the compose modal reads its own fields";
}

} // namespace
} // namespace openfloor::slack
