// bot::message's outbox codec and the action ids: exact round trips of what people wrote, and
// hostile or damaged input decoding to false without throwing.
#include "bot/message.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace openfloor::bot {
namespace {

class MessageCodec : public ::testing::Test {
protected:
    static message round_trip(const message& m) {
        message back;
        EXPECT_TRUE(decode(encode(m), back));
        return back;
    }

    // Decoding `input` returns false and leaves the output untouched. A throw would fail the
    // test too: GoogleTest reports an exception escaping a test body as a failure.
    void expect_rejected(const std::string& input) const {
        message out = preview_;
        EXPECT_FALSE(decode(input, out)) << input;
        EXPECT_EQ(out, preview_) << input;
    }

    message preview_{
        message_kind::preview,
        "Here is your post as it will appear:",
        "The deploy docs say port 8080, but prod uses 8443.",
        0,
        "",
        {{action::confirm, "Post it", "4f1c0d8e2a9b3c7d6e5f4a3b2c1d0e9f"},
         {action::cancel, "Cancel", "4f1c0d8e2a9b3c7d6e5f4a3b2c1d0e9f"}},
        {},
    };
};

const std::vector<std::pair<action, std::string>> interface_action_ids{
    {action::confirm, "openfloor_confirm"}, {action::cancel, "openfloor_cancel"},
    {action::approve, "openfloor_approve"}, {action::reject, "openfloor_reject"},
    {action::reply, "openfloor_reply"},     {action::flag, "openfloor_flag"},
};

TEST_F(MessageCodec, ActionIdsAreTheInterfaceNames) {
    for (const auto& [a, id] : interface_action_ids) {
        EXPECT_EQ(action_id(a), id);
    }
}

TEST_F(MessageCodec, ActionIdsParseBackToTheirActions) {
    for (const auto& [a, id] : interface_action_ids) {
        action parsed = a == action::confirm ? action::flag : action::confirm;
        EXPECT_TRUE(parse_action_id(id, parsed) && parsed == a) << id;
    }
}

TEST_F(MessageCodec, ParseActionIdRejectsUnknownIdsAndLeavesTheOutputAlone) {
    action a = action::reply;
    for (const char* bad :
         {"", "confirm", "openfloor_", "OPENFLOOR_CONFIRM", "openfloor_confirm "}) {
        EXPECT_FALSE(parse_action_id(bad, a)) << bad;
    }
    EXPECT_EQ(a, action::reply);
}

TEST_F(MessageCodec, RoundTripsEveryKind) {
    for (const auto kind : {message_kind::notice, message_kind::preview, message_kind::channel_post,
                            message_kind::thread_answer, message_kind::queue_item,
                            message_kind::relay, message_kind::moderator_notice}) {
        message m;
        m.kind = kind;
        m.text = "text";
        m.body = "body";
        m.number = 42;
        m.category_label = "Mistake";
        EXPECT_EQ(round_trip(m), m);
    }
}

TEST_F(MessageCodec, RoundTripsButtons) {
    message m = preview_;
    m.buttons.push_back({action::approve, "Approve", "post:17"});
    m.buttons.push_back({action::reject, "Reject", "post:17"});
    m.buttons.push_back({action::reply, "Reply anonymously", "C1/1700000000.000100"});
    m.buttons.push_back({action::flag, "Flag", ""});
    EXPECT_EQ(round_trip(m), m);
}

TEST_F(MessageCodec, RoundTripsEmojiAndRightToLeftTextExactly) {
    message m = preview_;
    m.body = "Deploy 🚀 failed 😬 — זה לא עובד, هذا لا يعمل \u200f(RTL mark) "
             "👩‍👩‍👧 "
             "e\u0301";
    m.text = "مرحبا";
    m.category_label = "Question ❓";
    EXPECT_EQ(round_trip(m), m);
}

TEST_F(MessageCodec, RoundTripsMarkupQuotesAndControlCharacters) {
    message m = preview_;
    m.body = std::string("<!channel> \"quoted\" \\back\\slash\n\ttab & <b>x</b> {\"k\":1}") +
             std::string(1, '\0') + "after nul\x01";
    EXPECT_EQ(round_trip(m), m);
}

TEST_F(MessageCodec, RoundTripsExtremePostNumbers) {
    message m = preview_;
    for (const post_number n :
         {post_number{0}, post_number{-1}, post_number{1} << 53,
          std::numeric_limits<post_number>::max(), std::numeric_limits<post_number>::min()}) {
        m.number = n;
        EXPECT_EQ(round_trip(m), m);
    }
}

TEST_F(MessageCodec, EncodingUsesCompactKeys) {
    const std::string encoded = encode(preview_);
    EXPECT_EQ(encoded.find("category_label"), std::string::npos);
    EXPECT_EQ(encoded.find("buttons"), std::string::npos);
}

TEST_F(MessageCodec, EncodeReplacesInvalidUtf8InsteadOfThrowing) {
    message m = preview_;
    m.body = "bad \xff\xfe byte";
    std::string encoded;
    ASSERT_NO_THROW(encoded = encode(m));
    message back;
    ASSERT_TRUE(decode(encoded, back));
    EXPECT_EQ(back.body.substr(0, 4), "bad ");
}

TEST_F(MessageCodec, DecodeRejectsGarbageWithoutThrowing) {
    const std::string good = encode(preview_);
    const std::vector<std::string> garbage{
        "",
        "{",
        "null",
        "[]",
        "42",
        "\"text\"",
        "\xff\xfe",
        good.substr(0, good.size() / 2),
        good + "x",
        R"({})",
        R"({"k":"notice","t":"","b":"","n":0,"c":""})",
        R"({"k":"shout","t":"","b":"","n":0,"c":"","u":[]})",
        R"({"k":3,"t":"","b":"","n":0,"c":"","u":[]})",
        R"({"k":"notice","t":7,"b":"","n":0,"c":"","u":[]})",
        R"({"k":"notice","t":"","b":null,"n":0,"c":"","u":[]})",
        R"({"k":"notice","t":"","b":"","n":1.5,"c":"","u":[]})",
        R"({"k":"notice","t":"","b":"","n":"1","c":"","u":[]})",
        R"({"k":"notice","t":"","b":"","n":18446744073709551615,"c":"","u":[]})",
        R"({"k":"notice","t":"","b":"","n":0,"c":[],"u":[]})",
        R"({"k":"notice","t":"","b":"","n":0,"c":"","u":{}})",
        R"({"k":"notice","t":"","b":"","n":0,"c":"","u":["x"]})",
        R"({"k":"notice","t":"","b":"","n":0,"c":"","u":[{"a":"openfloor_confirm","l":""}]})",
        R"({"k":"notice","t":"","b":"","n":0,"c":"","u":[{"a":"nope","l":"","v":""}]})",
        R"({"k":"notice","t":"","b":"","n":0,"c":"","u":[{"a":"openfloor_confirm","l":1,"v":""}]})",
    };
    for (const std::string& input : garbage) {
        expect_rejected(input);
    }
}

TEST_F(MessageCodec, DecodeAcceptsTheMinimalWellFormedDocument) {
    message out;
    ASSERT_TRUE(
        decode(R"({"k":"relay","t":"#3 — Bob replied:","b":"ok","n":3,"c":"","u":[]})", out));
    EXPECT_EQ(out.kind, message_kind::relay);
    EXPECT_EQ(out.number, 3);
    EXPECT_EQ(out.body, "ok");
    EXPECT_TRUE(out.buttons.empty());
}

} // namespace
} // namespace openfloor::bot

namespace openfloor::bot {
namespace {

TEST(MessageCodecChoices, RoundTripPreviewChoices) {
    message m;
    m.kind = message_kind::preview;
    m.choices = {{choice_kind::channel, "d1", {{"eng", "#eng"}, {"ops", "#ops"}}, "ops", "Kanal"},
                 {choice_kind::category,
                  "d1",
                  {{"mistake", "I noticed a mistake"}},
                  "mistake",
                  "Categoría"}};
    message back;
    ASSERT_TRUE(decode(encode(m), back));
    EXPECT_EQ(back, m);
}

TEST(MessageCodecChoices, ChoicesStoredBeforeTheyHadALabelStillDecode) {
    // What the outbox held before menus were named: the same document without "l".
    const std::string older = R"({"k":"preview","t":"","b":"","n":0,"c":"","u":[],)"
                              R"("ch":[{"w":"channel","d":"d1","o":[["eng","#eng"]],"s":"eng"}]})";
    message back;
    ASSERT_TRUE(decode(older, back));
    ASSERT_EQ(back.choices.size(), 1U);
    EXPECT_EQ(back.choices[0].selected, "eng");
    EXPECT_TRUE(back.choices[0].label.empty());
}

TEST(MessageCodecChoices, AChoiceLabelThatIsNotTextIsRefused) {
    const std::string damaged =
        R"({"k":"preview","t":"","b":"","n":0,"c":"","u":[],)"
        R"("ch":[{"w":"channel","d":"d1","o":[["eng","#eng"]],"s":"eng","l":7}]})";
    message back;
    EXPECT_FALSE(decode(damaged, back));
}

TEST(MessageCodecChoices, PayloadsWithoutChoicesStillDecode) {
    message m;
    m.text = "older payload";
    std::string encoded = encode(m);
    ASSERT_EQ(encoded.find("\"ch\""), std::string::npos);
    message back;
    ASSERT_TRUE(decode(encoded, back));
    EXPECT_TRUE(back.choices.empty());
}

} // namespace
} // namespace openfloor::bot
