// Interactivity: block_actions (C3, from the form body and as JSON; static_select values; modal
// surfaces) and the compose modal's view_submission (§A4 example).
#include "adapters/slack/error.hpp"
#include "adapters/slack/payloads.hpp"
#include "tests/slack/c3_form.hpp"
#include "tests/slack/vectors.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace openfloor::slack {
namespace {

constexpr std::string_view view_submission_example = R"({"type":"view_submission",
 "team":{"id":"T0123ABCD","domain":"example"},
 "user":{"id":"U0123ABCD","username":"alice","name":"alice","team_id":"T0123ABCD"},
 "api_app_id":"A0123ABCD","trigger_id":"1.2.x",
 "view":{"id":"V0123ABCD","type":"modal","callback_id":"of_compose",
  "private_metadata":"{\"ch\":\"eng\"}","hash":"1700000000.AbCd","state":{"values":{
   "body_block":{"body_input":{"type":"plain_text_input","value":"The text…"}},
   "cat_block":{"cat_select":{"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Mistake"},"value":"mistake"}}}}}},
 "response_urls":[]})";

template <class T>
T expect_kind(const boost::system::result<interactive_payload>& p) {
    EXPECT_TRUE(p.has_value());
    if (!p || !std::holds_alternative<T>(*p)) {
        ADD_FAILURE() << "unexpected payload kind";
        return {};
    }
    return std::get<T>(*p);
}

void expect_c3(const block_action& a) {
    EXPECT_EQ(a.team_id, "T0123ABCD");
    EXPECT_EQ(a.user_id, "U0123ABCD");
    EXPECT_EQ(a.user_name, "alice");
    EXPECT_EQ(a.channel_id, "D0123ABCD");
    EXPECT_EQ(a.container_type, "message");
    EXPECT_EQ(a.message_ts, "1700000100.000200");
    EXPECT_FALSE(a.is_ephemeral);
    EXPECT_EQ(a.view_id, "");
    EXPECT_EQ(a.response_url,
              "https://hooks.slack.com/actions/T0123ABCD/1234567890/AbCdEfGhIjKlMnOpQrStUvWx");
    EXPECT_EQ(a.trigger_id, "1234567890123.1234567890.abcdef0123456789abcdef0123456789");
    EXPECT_EQ(a.action_id, "of_confirm_post");
    EXPECT_EQ(a.block_id, "of_preview_actions");
    EXPECT_EQ(a.value, "draft:42");
}

TEST(SlackInteractivity, DecodesTheBlockActionsVectorFromItsFormBody) {
    expect_c3(expect_kind<block_action>(decode_interactive_form(vectors::c3_form_body())));
}

TEST(SlackInteractivity, DecodesTheBlockActionsVectorAsJson) {
    expect_c3(expect_kind<block_action>(decode_interactive_json(vectors::c3_json)));
}

TEST(SlackInteractivity, TakesASelectsValueFromSelectedOption) {
    const auto a = expect_kind<block_action>(decode_interactive_json(R"({
        "type":"block_actions","user":{"id":"U1","name":"bob","team_id":"T1"},
        "container":{"type":"view","view_id":"V1"},"view":{"id":"V1","type":"modal"},
        "actions":[{"type":"static_select","action_id":"cat_select","block_id":"cat_block",
                    "selected_option":{"text":{"type":"plain_text","text":"Q"},"value":"question"}},
                   {"type":"button","action_id":"second","value":"ignored"}]})"));
    EXPECT_EQ(a.team_id, "T1"); // from user.team_id when there is no team object
    EXPECT_EQ(a.user_name, "bob");
    EXPECT_EQ(a.container_type, "view");
    EXPECT_EQ(a.view_id, "V1");
    EXPECT_EQ(a.channel_id, "");
    EXPECT_EQ(a.action_id, "cat_select");
    EXPECT_EQ(a.value, "question");
}

TEST(SlackInteractivity, AcceptsBlockActionsWithoutActions) {
    const auto a = expect_kind<block_action>(
        decode_interactive_json(R"({"type":"block_actions","actions":[]})"));
    EXPECT_EQ(a.action_id, "");
}

TEST(SlackInteractivity, DecodesTheComposeViewSubmission) {
    const auto v = expect_kind<view_submission>(decode_interactive_json(view_submission_example));
    EXPECT_EQ(v.team_id, "T0123ABCD");
    EXPECT_EQ(v.user_id, "U0123ABCD");
    EXPECT_EQ(v.callback_id, "of_compose");
    EXPECT_EQ(v.private_metadata, R"({"ch":"eng"})");
    EXPECT_EQ(v.view_id, "V0123ABCD");
    EXPECT_EQ(v.channel_key, ""); // the example has no channel select
    EXPECT_EQ(v.category, "mistake");
    EXPECT_EQ(v.text, "The text…");
}

TEST(SlackInteractivity, ReadsAnEmptyTextInputAsEmpty) {
    const auto v = expect_kind<view_submission>(decode_interactive_json(
        R"({"type":"view_submission","view":{"callback_id":"of_compose","state":{"values":{
            "body_block":{"body_input":{"type":"plain_text_input","value":null}}}}}})"));
    EXPECT_EQ(v.text, "");
}

TEST(SlackInteractivity, RoundTripsThroughToJson) {
    block_action a;
    a.team_id = "T1";
    a.user_id = "U1";
    a.user_name = "alice";
    a.channel_id = "D1";
    a.container_type = "message";
    a.message_ts = "1.2";
    a.is_ephemeral = true;
    a.response_url = "https://hooks.slack.com/actions/T1/1/x";
    a.trigger_id = "1.2.x";
    a.action_id = "openfloor_confirm";
    a.block_id = "of_preview_actions";
    a.value = "draft:42";
    EXPECT_EQ(expect_kind<block_action>(decode_interactive_json(nlohmann::json(a).dump())), a);

    const view_submission v{"T1",       "U1",           "of_compose", "{}", "V1", "eng",
                            "question", "Why & <how>?", "",           ""};
    const std::string form = "payload=" + vectors::form_encode(nlohmann::json(v).dump());
    EXPECT_EQ(expect_kind<view_submission>(decode_interactive_form(form)), v);

    view_submission answer;
    answer.team_id = "T1";
    answer.user_id = "U2";
    answer.callback_id = "of_answer";
    answer.private_metadata = "12";
    answer.view_id = "V2";
    answer.answer = "Since nine & <still>";
    EXPECT_EQ(expect_kind<view_submission>(decode_interactive_json(nlohmann::json(answer).dump())),
              answer);
    view_submission flag = answer;
    flag.callback_id = "of_flag";
    flag.answer.clear();
    flag.reason = "identifies_someone";
    EXPECT_EQ(expect_kind<view_submission>(decode_interactive_json(nlohmann::json(flag).dump())),
              flag);
}

TEST(SlackInteractivity, ReadsTheAnswerAndFlagModalsFields) {
    const auto answer = expect_kind<view_submission>(decode_interactive_json(
        R"({"type":"view_submission","user":{"id":"U0BOB"},"view":{"id":"V9","callback_id":"of_answer",
        "private_metadata":"7","state":{"values":{"answer_block":{"answer_input":
        {"type":"plain_text_input","value":"Yes, since nine"}}}}}})"));
    EXPECT_EQ(answer.callback_id, "of_answer");
    EXPECT_EQ(answer.private_metadata, "7");
    EXPECT_EQ(answer.answer, "Yes, since nine");
    EXPECT_TRUE(answer.text.empty());
    const auto flag = expect_kind<view_submission>(decode_interactive_json(
        R"({"type":"view_submission","user":{"id":"U0BOB"},"view":{"callback_id":"of_flag",
        "private_metadata":"7","state":{"values":{"reason_block":{"reason_select":
        {"type":"static_select","selected_option":{"text":{"type":"plain_text","text":"Spam"},
        "value":"spam"}}}}}}})"));
    EXPECT_EQ(flag.reason, "spam");
    const auto nothing_picked = expect_kind<view_submission>(decode_interactive_json(
        R"({"type":"view_submission","view":{"callback_id":"of_flag","state":{"values":
        {"reason_block":{"reason_select":{"type":"static_select","selected_option":null}}}}}})"));
    EXPECT_TRUE(nothing_picked.reason.empty());
    EXPECT_FALSE(decode_interactive_json(
        R"({"type":"view_submission","view":{"state":{"values":{"answer_block":{"answer_input":
        {"value":42}}}}}})"));
}

TEST(SlackInteractivity, ReturnsUnknownBodyForOtherTypes) {
    const auto u = expect_kind<unknown_body>(
        decode_interactive_json(R"({"type":"view_closed","view":{"id":"V1"}})"));
    EXPECT_EQ(u.type, "view_closed");
}

TEST(SlackInteractivity, RefusesFormsWithoutAPayload) {
    EXPECT_EQ(decode_interactive_form("token=x&type=block_actions").error(),
              make_error_code(error::malformed_payload));
    EXPECT_EQ(decode_interactive_form("payload=%7Bnot+json").error(),
              make_error_code(error::malformed_payload));
}

TEST(SlackInteractivity, RefusesWrongTypes) {
    for (std::string_view body :
         {R"({"type":"block_actions","user":"U1"})",
          R"({"type":"block_actions","actions":{"a":1}})",
          R"({"type":"block_actions","actions":[{"value":5}]})",
          R"({"type":"block_actions","container":{"is_ephemeral":"false"}})",
          R"({"type":"view_submission","view":{"state":{"values":{"body_block":[]}}}})",
          R"({"type":"view_submission","view":{"private_metadata":{}}})"}) {
        auto p = decode_interactive_json(body);
        ASSERT_FALSE(p.has_value()) << body;
        EXPECT_EQ(p.error(), make_error_code(error::malformed_payload)) << body;
    }
}

} // namespace
} // namespace openfloor::slack
