// decode_incoming and escape_user_text (§A7): mentions end up inert, Slack's escaping survives a
// round trip, and everything else a person wrote passes through untouched.
#include "adapters/slack/render.hpp"

#include <gtest/gtest.h>

namespace openfloor::slack {
namespace {

TEST(SlackEscape, MakesEveryMentionInert) {
    EXPECT_EQ(escape_user_text("<!here> <!channel> <@U123> @here @channel <!subteam^S1>"),
              "&lt;!here&gt; &lt;!channel&gt; &lt;@\u200BU123&gt; @\u200Bhere @\u200Bchannel "
              "&lt;!subteam^S1&gt;");
    EXPECT_EQ(escape_user_text("@everyone <!everyone> @all <#C123> <https://x|y>"),
              "@\u200Beveryone &lt;!everyone&gt; @\u200Ball &lt;#C123&gt; &lt;https://x|y&gt;");
}

TEST(SlackEscape, EscapesOnlyTheThreeControlCharacters) {
    EXPECT_EQ(escape_user_text("a & b < c > d \"e\" 'f' *g* _h_ ~i~ `j` #k"),
              "a &amp; b &lt; c &gt; d \"e\" 'f' *g* _h_ ~i~ `j` #k");
    EXPECT_EQ(escape_user_text("&amp;"), "&amp;amp;"); // what the person typed, literally
}

TEST(SlackEscape, LeavesEmojiRightToLeftTextAndNewlinesIntact) {
    const std::string text = "שלום עולם 👋🏽\nمرحبا 🇸🇪\r\n\ttab é\u0301";
    EXPECT_EQ(escape_user_text(text), text);
    EXPECT_EQ(decode_incoming(text), text);
}

TEST(SlackEscape, DecodesTheThreeEntitiesSlackSends) {
    EXPECT_EQ(decode_incoming("10% &amp; nobody noticed <!here> &lt;b&gt;"),
              "10% & nobody noticed <!here> <b>");
    EXPECT_EQ(decode_incoming("&amp;lt; &quot; &#39; &nbsp; & &am"),
              "&lt; &quot; &#39; &nbsp; & &am");
    EXPECT_EQ(decode_incoming(""), "");
}

TEST(SlackEscape, RoundTripsSlacksOwnEscaping) {
    for (std::string_view slack :
         {"The Q3 totals are off by 10% &amp; nobody noticed",
          "&lt;script&gt; &amp;amp; &gt;&gt; quoted", "a&amp;b&lt;c&gt;d"}) {
        EXPECT_EQ(escape_user_text(decode_incoming(slack)), slack);
    }
}

TEST(SlackEscape, TurnsARealMentionTokenIntoText) {
    // C2 carries a real <!here>; after the round trip it can no longer ping.
    EXPECT_EQ(escape_user_text(decode_incoming("10% &amp; nobody noticed <!here>")),
              "10% &amp; nobody noticed &lt;!here&gt;");
}

} // namespace
} // namespace openfloor::slack
