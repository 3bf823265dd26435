// compose_modal and views_open_body: the §A4 modal with its selects and text input, within
// Slack's limits, and readable back by the view_submission decoder.
#include "adapters/slack/payloads.hpp"
#include "adapters/slack/protocol.hpp"
#include "adapters/slack/render.hpp"

#include <gtest/gtest.h>

namespace openfloor::slack {
namespace {

using json = nlohmann::json;

const std::vector<std::pair<std::string, std::string>> channels{{"eng", "#eng"}, {"ops", "#ops"}};
const std::vector<std::pair<std::string, std::string>> categories{
    {"mistake", "I noticed a mistake"}, {"question", "I have a question"}};

TEST(SlackComposeModal, HasTheSelectsAndTextInputOfTheSpec) {
    const json view = compose_modal(channels, categories, 2000);
    EXPECT_EQ(view.at("type"), "modal");
    EXPECT_EQ(view.at("callback_id"), "of_compose");
    EXPECT_EQ(view.at("title").at("text"), "openfloor");
    EXPECT_EQ(view.at("submit").at("text"), "Post anonymously");
    EXPECT_EQ(view.at("close").at("text"), "Cancel");
    const json& blocks = view.at("blocks");
    ASSERT_EQ(blocks.size(), 3U);
    EXPECT_EQ(blocks[0].at("block_id"), "ch_block");
    EXPECT_EQ(blocks[0].at("element").at("action_id"), "ch_select");
    EXPECT_EQ(blocks[0].at("element").at("type"), "static_select");
    EXPECT_EQ(
        blocks[0].at("element").at("options")[1],
        json::parse(R"({"text":{"type":"plain_text","text":"#ops","emoji":true},"value":"ops"})"));
    EXPECT_EQ(blocks[0].at("element").at("initial_option"),
              blocks[0].at("element").at("options")[0]);
    EXPECT_EQ(blocks[1].at("block_id"), "cat_block");
    EXPECT_EQ(blocks[1].at("element").at("action_id"), "cat_select");
    EXPECT_EQ(blocks[1].at("element").at("options")[0].at("value"), "mistake");
    EXPECT_EQ(blocks[2], json::parse(R"({"type":"input","block_id":"body_block",
        "label":{"type":"plain_text","text":"Message","emoji":true},
        "element":{"type":"plain_text_input","action_id":"body_input","multiline":true,"max_length":2000}})"));
}

TEST(SlackComposeModal, KeepsItsTextsWithinSlacksLimits) {
    compose_labels labels;
    labels.title = "A title far longer than twenty-four characters";
    labels.submit = "Preview before posting anonymously";
    std::vector<std::pair<std::string, std::string>> many;
    many.reserve(151);
    for (int i = 0; i < 150; ++i) {
        many.emplace_back("key" + std::to_string(i), std::string(100, 'L'));
    }
    many.emplace_back(std::string(200, 'k'), "too long a value");
    const json view = compose_modal(many, categories, 100'000, labels);
    EXPECT_LE(view.at("title").at("text").get<std::string>().size(), 24U);
    EXPECT_LE(view.at("submit").at("text").get<std::string>().size(), 24U);
    const json& options = view.at("blocks")[0].at("element").at("options");
    EXPECT_EQ(options.size(), 100U);
    for (const json& o : options) {
        EXPECT_LE(o.at("text").at("text").get<std::string>().size(), 75U);
        EXPECT_LE(o.at("value").get<std::string>().size(), 150U);
    }
    EXPECT_EQ(view.at("blocks")[2].at("element").at("max_length"), 3000);
}

TEST(SlackComposeModal, LeavesOutASelectWithNothingToChoose) {
    const json view = compose_modal({}, categories, 0);
    ASSERT_EQ(view.at("blocks").size(), 2U);
    EXPECT_EQ(view.at("blocks")[0].at("block_id"), "cat_block");
    EXPECT_EQ(view.at("blocks")[1].at("element").at("max_length"), 3000);
}

TEST(SlackComposeModal, WrapsTheViewForViewsOpen) {
    const json view = compose_modal(channels, categories, 3000);
    const json body = views_open_body("1.2.x", view);
    EXPECT_EQ(body.at("trigger_id"), "1.2.x");
    EXPECT_EQ(body.at("view"), view);
}

TEST(SlackComposeModal, ItsSubmissionDecodesWithTheSameIds) {
    // Fill the modal's own inputs the way Slack reports them, then decode.
    const json view = compose_modal(channels, categories, 3000);
    json values;
    for (const json& block : view.at("blocks")) {
        const json& element = block.at("element");
        json state{{"type", element.at("type")}};
        if (element.at("type") == "static_select") {
            state["selected_option"] = element.at("options").back();
        } else {
            state["value"] = "Why is the rota <weird>?";
        }
        values[block.at("block_id").get<std::string>()]
              [element.at("action_id").get<std::string>()] = state;
    }
    const json submission{
        {"type", "view_submission"},
        {"user", {{"id", "U1"}}},
        {"view",
         {{"id", "V1"}, {"callback_id", view.at("callback_id")}, {"state", {{"values", values}}}}}};
    auto decoded = decode_interactive_json(submission.dump());
    ASSERT_TRUE(decoded.has_value());
    const auto& v = std::get<view_submission>(*decoded);
    EXPECT_EQ(v.callback_id, compose_callback_id);
    EXPECT_EQ(v.channel_key, "ops");
    EXPECT_EQ(v.category, "question");
    EXPECT_EQ(v.text, "Why is the rota <weird>?");
}

} // namespace
} // namespace openfloor::slack
