// Languages end to end: a config file with "locale": "es" or "sv" makes the real core answer,
// preview, refuse, notify and sign in that language — and never fall back to English words.
#include "config/loader.hpp"
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;
using bot::text_id;

class Locale : public scenario {
protected:
    // Starts the core again from the config file an admin would write, in `locale`.
    void speak(const std::string& locale) {
        const std::string file = R"({
  "identity": { "secret": "${OPENFLOOR_SECRET}" },
  "slack": { "bot_token": "xoxb-test", "app_token": "xapp-test" },
  "channels": [
    { "key": "eng", "platform": "slack", "channel_id": "C0ENG" },
    { "key": "ops", "platform": "slack", "channel_id": "C0OPS", "moderation": "pre" },
    { "key": "quick", "platform": "slack", "channel_id": "C0QUICK", "confirm": false }
  ],
  "moderation": {
    "channel": { "slack": "C0MODS" },
    "moderators": ["U0MODERATOR"],
    "blocked_words": ["idiot"]
  },
  "locale": ")" + locale + R"("
})";
        const auto env = [](std::string_view name) -> std::optional<std::string> {
            if (name == "OPENFLOOR_SECRET") {
                return "locale-secret-0123456789abcdef-0123456789";
            }
            return std::nullopt;
        };
        auto loaded = config::load_text(file, "locale.jsonc", env);
        ASSERT_TRUE(loaded.value) << loaded.problems.size() << " problems, first: "
                                  << (loaded.problems.empty() ? "" : loaded.problems[0].message);
        ASSERT_EQ(loaded.value->locale, locale);
        core_.reset(); // it refers to the settings and identity replaced here
        settings_ = *loaded.value;
        identity_ = std::make_unique<bot::identity>(settings_.identity.key);
        restart();
    }

    // What the author's DM received, in order.
    std::vector<bot::message> dms() const {
        std::vector<bot::message> out;
        for (const auto& s : platform_.to("D0SECRETDM")) {
            out.push_back(s.job.body);
        }
        return out;
    }

    const bot::texts en_{"en"};
};

TEST_F(Locale, SpanishHelpListsTheChannelsInSpanish) {
    speak("es");
    const bot::texts es("es");
    const auto r = slash(alice, "help");
    ASSERT_EQ(r.messages.size(), 1U);
    const std::string help = es.say(text_id::help);
    const std::string first_line = help.substr(0, help.find('\n'));
    EXPECT_EQ(r.messages[0].text.rfind(first_line, 0), 0U) << r.messages[0].text;
    EXPECT_NE(r.messages[0].text.find("#eng, #ops, #quick"), std::string::npos);
    const std::string english = en_.say(text_id::help);
    EXPECT_EQ(r.messages[0].text.find(english.substr(0, english.find('\n'))), std::string::npos);
}

TEST_F(Locale, SpanishRefusalsSayWhatHappened) {
    speak("es");
    const bot::texts es("es");
    const std::string too_long(static_cast<std::size_t>(settings_.limits.max_chars) + 1, 'x');
    auto r = slash(alice, "#eng " + too_long);
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_EQ(r.messages[0].text,
              es.say(text_id::too_long, {{"count", std::to_string(too_long.size())},
                                         {"max", std::to_string(settings_.limits.max_chars)}}));

    r = slash(alice, "#eng you idiot");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_EQ(r.messages[0].text, es.say(text_id::blocked_word, {{"word", "idiot"}}));

    r = slash(alice, "approve 1");
    ASSERT_EQ(r.messages.size(), 1U);
    const std::string command = es.say(text_id::command_on_posts, {{"op", "approve"}});
    EXPECT_EQ(r.messages[0].text, es.say(text_id::not_moderator, {{"command", command}}));
    EXPECT_NE(r.messages[0].text.find("`approve`"), std::string::npos) << "commands stay English";

    r = slash(alice, "stats");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_EQ(r.messages[0].text,
              es.say(text_id::not_moderator, {{"command", es.say(text_id::command_see_stats)}}));

    r = slash(alice, "cancel");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_EQ(r.messages[0].text, es.say(text_id::nothing_to_cancel));
    EXPECT_NE(r.messages[0].text, en_.say(text_id::nothing_to_cancel));
    EXPECT_TRUE(platform_.sent.empty()) << "nothing was posted";
}

TEST_F(Locale, SwedishPreviewPostRelayAndAnswer) {
    speak("sv");
    const bot::texts sv("sv");
    dm(alice, "#eng mistake: Summorna på sidan 3 stämmer inte");
    deliver_due();
    auto received = dms();
    ASSERT_EQ(received.size(), 1U);
    const bot::message& preview = received[0];
    ASSERT_EQ(preview.kind, message_kind::preview);
    EXPECT_EQ(preview.text,
              sv.say(text_id::preview, {{"channel", "eng"}, {"category", preview.category_label}}));
    ASSERT_EQ(preview.buttons.size(), 2U);
    EXPECT_EQ(preview.buttons[0].label, sv.say(text_id::button_post));
    EXPECT_EQ(preview.buttons[1].label, sv.say(text_id::button_cancel));
    ASSERT_EQ(preview.choices.size(), 2U);
    EXPECT_EQ(preview.choices[0].label, sv.say(text_id::field_channel));
    EXPECT_EQ(preview.choices[1].label, sv.say(text_id::field_category));
    EXPECT_NE(preview.choices[0].label, en_.say(text_id::field_channel));

    const auto confirmed = click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    ASSERT_EQ(confirmed.messages.size(), 1U);
    EXPECT_EQ(confirmed.messages[0].text,
              sv.say(text_id::posted, {{"n", "1"}, {"channel", "eng"}}));
    deliver_due();
    const auto posts = platform_.to("C0ENG");
    ASSERT_EQ(posts.size(), 1U);

    core_->on_thread_reply(
        {bot::platform::slack, "C0ENG", posts[0].ref, "Bob", "Tack, kollar!", "Ev-sv-1"});
    run_for(std::chrono::seconds(2)); // the DM had the preview a moment ago: paced
    received = dms();
    ASSERT_EQ(received.size(), 2U);
    EXPECT_EQ(received[1].kind, message_kind::relay);
    EXPECT_EQ(received[1].text, sv.say(text_id::relay_heading, {{"n", "1"}, {"name", "Bob"}}));

    const auto answered = slash(alice, "reply 1 Tack!");
    ASSERT_EQ(answered.messages.size(), 1U);
    EXPECT_EQ(answered.messages[0].text, sv.say(text_id::reply_sent, {{"n", "1"}}));
    run_for(std::chrono::seconds(2)); // the thread is in the same channel: paced
    const auto answers = platform_.of_kind(job_kind::thread_post);
    ASSERT_EQ(answers.size(), 1U);
    EXPECT_EQ(answers[0].job.body.text, sv.say(text_id::thread_signature, {{"n", "1"}}));
    EXPECT_NE(answers[0].job.body.text, en_.say(text_id::thread_signature, {{"n", "1"}}));
}

TEST_F(Locale, SpanishReviewQueueAndItsOutcome) {
    speak("es");
    const bot::texts es("es");
    dm(alice, "#ops question: ¿Quién se encarga del cron de facturación?");
    deliver_due();
    const auto queued = click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    ASSERT_EQ(queued.messages.size(), 1U);
    EXPECT_EQ(queued.messages[0].text, es.say(text_id::queued_for_review, {{"n", "1"}}));
    run_for(std::chrono::seconds(2));

    const auto queue = platform_.to("C0MODS");
    ASSERT_EQ(queue.size(), 1U);
    const bot::message& item = queue[0].job.body;
    EXPECT_EQ(item.text,
              es.say(text_id::queue_heading,
                     {{"n", "1"}, {"channel", "ops"}, {"category", item.category_label}}));
    ASSERT_EQ(item.buttons.size(), 2U);
    EXPECT_EQ(item.buttons[0].label, es.say(text_id::button_approve));
    EXPECT_EQ(item.buttons[1].label, es.say(text_id::button_reject));

    const auto approved = slash(moderator, "approve 1");
    ASSERT_EQ(approved.messages.size(), 1U);
    EXPECT_EQ(approved.messages[0].text,
              es.say(text_id::mod_approved, {{"n", "1"}, {"channel", "ops"}}));
    run_for(std::chrono::seconds(3));
    const auto notices = dms();
    ASSERT_FALSE(notices.empty());
    EXPECT_EQ(notices.back().text,
              es.say(text_id::approved_author, {{"n", "1"}, {"channel", "ops"}}));
    EXPECT_EQ(platform_.to("C0OPS").size(), 1U);
}

} // namespace
} // namespace openfloor::testing
