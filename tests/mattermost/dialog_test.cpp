// Interactive dialogs, the pure parts: the OpenDialogRequest a form becomes (within the model's
// byte limits), the signed state (bound to form, post, user and name), the submission decoder
// (the SubmitDialogRequest of server/public/model/integration_action.go) and the field errors.
#include "adapters/mattermost/dialog.hpp"
#include "adapters/mattermost/error.hpp"
#include "bot/identity.hpp"
#include "tests/support/hostile_inputs.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::mattermost {
namespace {

using json = nlohmann::json;

class MattermostDialog : public ::testing::Test {
protected:
    bot::identity id_{config::secret("a test identity secret, 32+ bytes long")};
    action_signer signer_{id_};

    static bot::form_request answer_form() {
        bot::form_request f;
        f.kind = bot::form_kind::answer;
        f.value = "12";
        f.number = 12;
        f.title = "Answer #12";
        f.intro = "Signed \"— Anonymous amber otter\". Ask @channel nothing.";
        f.field_label = "Your answer";
        f.submit_label = "Send";
        f.cancel_label = "Cancel";
        return f;
    }
};

// What the real server POSTs to a dialog's url (app.SubmitInteractiveDialog, json.Marshal of a
// model.SubmitDialogRequest: url emptied and omitted, type set).
constexpr std::string_view submission_vector =
    R"({"type":"dialog_submission","callback_id":"openfloor_reply","state":"S","user_id":)"
    R"("4xp9fdt6rjgfxm7c8e5a1bzkqo","channel_id":"q8d1wzk3m6hyr4txpf9cgn2bae","team_id":)"
    R"("8s4ah3qz9jrxzc7h4y5kpmgg1e","submission":{"answer":"yes","n":3,"b":true,"x":null},)"
    R"("cancelled":false})";

TEST_F(MattermostDialog, AnAnswerFormIsOneRequiredTextareaOfMaxChars) {
    const json req = open_dialog_request(answer_form(), "trig", "https://bot/mattermost/dialogs",
                                         "openfloor_reply", "STATE", 3000);
    EXPECT_EQ(req.value("trigger_id", ""), "trig");
    EXPECT_EQ(req.value("url", ""), "https://bot/mattermost/dialogs");
    const json& d = req["dialog"];
    EXPECT_EQ(d.value("callback_id", ""), "openfloor_reply");
    EXPECT_EQ(d.value("title", ""), "Answer #12");
    EXPECT_EQ(d.value("state", ""), "STATE");
    EXPECT_EQ(d.value("submit_label", ""), "Send");
    EXPECT_FALSE(d.value("notify_on_cancel", true));
    // Our words: mentions made inert, nothing else touched.
    EXPECT_NE(d.value("introduction_text", "").find("@\u200Bchannel"), std::string::npos);
    ASSERT_EQ(d["elements"].size(), 1U);
    const json& e = d["elements"][0];
    EXPECT_EQ(e.value("name", ""), "answer");
    EXPECT_EQ(e.value("display_name", ""), "Your answer");
    EXPECT_EQ(e.value("type", ""), "textarea");
    EXPECT_EQ(e.value("max_length", 0), 3000);
    EXPECT_EQ(e.value("min_length", -1), 0);
    EXPECT_FALSE(e.value("optional", true));
}

TEST_F(MattermostDialog, AFlagFormIsOneRequiredSelectOfTheReasons) {
    bot::form_request f = answer_form();
    f.kind = bot::form_kind::flag;
    f.field_label = "Reason";
    f.options = {{bot::flag_reason::spam, "spam", "Spam"},
                 {bot::flag_reason::other, "other", "Something else"}};
    const json e =
        open_dialog_request(f, "t", "u", "openfloor_flag", "s", 3000)["dialog"]["elements"][0];
    EXPECT_EQ(e.value("name", ""), "reason");
    EXPECT_EQ(e.value("type", ""), "select");
    EXPECT_FALSE(e.value("optional", true));
    EXPECT_EQ(e["options"], json::parse(R"([{"text":"Spam","value":"spam"},
                                           {"text":"Something else","value":"other"}])"));
}

TEST_F(MattermostDialog, TitleAndLabelKeepTheModelsByteLimitsWithoutSplittingACharacter) {
    bot::form_request f = answer_form();
    f.title = "Svara på inlägg nummer #12345";          // 30 bytes, 'å' two of them
    f.field_label = "Ditt svar på frågan, är det kort"; // 'ä' would be bytes 24 and 25
    const json d = open_dialog_request(f, "t", "u", "c", "s", 10)["dialog"];
    const std::string title = d.value("title", "");
    EXPECT_LE(title.size(), 24U);
    EXPECT_TRUE(std::string(f.title).starts_with(title));
    EXPECT_FALSE(json(title).dump().empty()); // valid UTF-8, or dump() would throw
    const std::string label = d["elements"][0].value("display_name", "");
    EXPECT_LE(label.size(), 24U);
    EXPECT_EQ(label, "Ditt svar på frågan, "); // 23 bytes: the 'ä' does not fit whole
}

TEST_F(MattermostDialog, StateVerifiesOnlyForItsFormPostUserAndName) {
    const std::string state = seal_dialog_state(signer_, "openfloor_flag", "12", "u1", "bob");
    const auto opened = open_dialog_state(signer_, "openfloor_flag", state, "u1");
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(opened->ref, "12");
    EXPECT_EQ(opened->user_name, "bob");
    EXPECT_EQ(state.find("u1"), std::string::npos) << "the user id is bound, not carried";

    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_reply", state, "u1"));
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", state, "u2"));
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", state, ""));
    json moved = json::parse(state);
    moved["r"] = "13";
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", moved.dump(), "u1"));
    json renamed = json::parse(state);
    renamed["n"] = "alice";
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", renamed.dump(), "u1"));
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", "", "u1"));
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", "{}", "u1"));
    // A button's signature over the same words is under another key.
    json button = json::parse(state);
    button["s"] = signer_.sign("openfloor_flag", "12", "u1");
    EXPECT_FALSE(open_dialog_state(signer_, "openfloor_flag", button.dump(), "u1"));
}

TEST_F(MattermostDialog, AnAnswerStateCarriesNoNameAndANameWithANewlineIsDropped) {
    const std::string answer = seal_dialog_state(signer_, "openfloor_reply", "3", "u1", "");
    EXPECT_FALSE(json::parse(answer).contains("n"));
    const auto opened = open_dialog_state(signer_, "openfloor_reply", answer, "u1");
    ASSERT_TRUE(opened);
    EXPECT_EQ(opened->user_name, "");
    const std::string odd = seal_dialog_state(signer_, "openfloor_flag", "3", "u1", "bo\nb");
    EXPECT_EQ(open_dialog_state(signer_, "openfloor_flag", odd, "u1")->user_name, "");
}

TEST_F(MattermostDialog, DecodesTheServersSubmissionKeepingOnlyStringValues) {
    const auto s = decode_dialog_submission(submission_vector);
    ASSERT_TRUE(s) << s.error().message();
    EXPECT_EQ(s->type, "dialog_submission");
    EXPECT_EQ(s->callback_id, "openfloor_reply");
    EXPECT_EQ(s->state, "S");
    EXPECT_EQ(s->user_id, "4xp9fdt6rjgfxm7c8e5a1bzkqo");
    EXPECT_EQ(s->channel_id, "q8d1wzk3m6hyr4txpf9cgn2bae");
    EXPECT_EQ(s->team_id, "8s4ah3qz9jrxzc7h4y5kpmgg1e");
    EXPECT_FALSE(s->cancelled);
    EXPECT_EQ(s->submission, (std::map<std::string, std::string>{{"answer", "yes"}}));
}

TEST_F(MattermostDialog, RefusesSubmissionsWithoutAUserOrOfTheWrongShape) {
    for (const char* bad :
         {R"({"state":"s"})", R"({"user_id":"u","submission":[1]})",
          R"({"user_id":"u","cancelled":"no"})", R"({"user_id":7})", "[]", "nonsense"}) {
        const auto s = decode_dialog_submission(bad);
        ASSERT_FALSE(s) << bad;
        EXPECT_EQ(s.error(), error::malformed_payload) << bad;
    }
    for (const auto& hostile : openfloor::testing::generic_hostile_json()) {
        EXPECT_NO_THROW((void)decode_dialog_submission(hostile));
    }
}

TEST_F(MattermostDialog, FieldErrorsNameTheElementAndCarryOurWords) {
    bot::message m;
    m.text = "#1 is locked, @here.";
    EXPECT_EQ(dialog_field_error("answer", std::vector<bot::message>{m}),
              json::parse(R"({"errors":{"answer":"#1 is locked, @\u200bhere."}})"));
}

} // namespace
} // namespace openfloor::mattermost
