// The DM grammar: reserved words need their exact shape, everything else is a post.
#include "bot/grammar.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

// A copy of the parsed command (the variant is a temporary in every call below).
template <class T>
T as(const command& c) {
    const T* p = std::get_if<T>(&c);
    if (p == nullptr) {
        ADD_FAILURE() << "unexpected command kind " << c.index();
        return T{};
    }
    return *p;
}

TEST(DmGrammar, ReadsChannelCategoryAndText) {
    const auto& p = as<post_command>(parse_command("#eng mistake: The totals are off"));
    EXPECT_EQ(p.channel_key, "eng");
    EXPECT_EQ(p.category_word, "mistake");
    EXPECT_EQ(p.text, "The totals are off");
    EXPECT_EQ(p.text_with_word, "mistake: The totals are off");
}

TEST(DmGrammar, ChannelKeysAndCategoryWordsAreCaseInsensitive) {
    const auto& p = as<post_command>(parse_command("#ENG Question: Why?"));
    EXPECT_EQ(p.channel_key, "eng");
    EXPECT_EQ(p.category_word, "question");
}

TEST(DmGrammar, ABareWordIsACategoryCandidateOnlyAfterAnExplicitChannel) {
    const auto& with_channel = as<post_command>(parse_command("#eng question Why?"));
    EXPECT_EQ(with_channel.category_word, "question");
    EXPECT_EQ(with_channel.text, "Why?");
    const auto& without = as<post_command>(parse_command("question everything"));
    EXPECT_FALSE(without.category_word);
    EXPECT_EQ(without.text, "question everything");
}

TEST(DmGrammar, PlainTextIsAPostWithNeitherChannelNorCategory) {
    const auto& p = as<post_command>(parse_command("  The build is red\nsince Monday  "));
    EXPECT_FALSE(p.channel_key);
    EXPECT_FALSE(p.category_word);
    EXPECT_EQ(p.text, "The build is red\nsince Monday");
}

TEST(DmGrammar, AHashtagThatIsNotAKeyStaysText) {
    const auto& p = as<post_command>(parse_command("#1 priority is the release"));
    EXPECT_EQ(p.channel_key, "1"); // resolved (and refused) against the config by the core
    const auto& q = as<post_command>(parse_command("#!? what"));
    EXPECT_FALSE(q.channel_key);
}

TEST(DmGrammar, ReservedWordsAlone) {
    EXPECT_TRUE(std::holds_alternative<help_command>(parse_command("help")));
    EXPECT_TRUE(std::holds_alternative<help_command>(parse_command(" HELP ")));
    EXPECT_TRUE(std::holds_alternative<cancel_command>(parse_command("cancel")));
    EXPECT_TRUE(std::holds_alternative<confirm_command>(parse_command("post")));
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("help me with the VPN")));
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("cancel the meeting?")));
}

TEST(DmGrammar, ReplyAndDeleteNeedANumber) {
    const auto& r = as<reply_command>(parse_command("reply 12 The March one\nthanks"));
    EXPECT_EQ(r.number, 12);
    EXPECT_EQ(r.text, "The March one\nthanks");
    EXPECT_EQ(as<reply_command>(parse_command("reply #7 ok")).number, 7);
    EXPECT_EQ(as<reply_command>(parse_command("reply 7")).text, "");
    const auto& d = as<delete_command>(parse_command("delete 3 off-topic"));
    EXPECT_EQ(d.number, 3);
    EXPECT_EQ(d.reason, "off-topic");
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("reply to all is broken")));
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("delete 0 things")));
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("delete -3")));
}

TEST(DmGrammar, ModeratorCommands) {
    const auto& ban = as<moderator_command>(parse_command("ban 4 7d"));
    EXPECT_EQ(ban.op, moderator_op::ban);
    EXPECT_EQ(ban.number, 4);
    EXPECT_EQ(ban.argument, "7d");
    EXPECT_EQ(as<moderator_command>(parse_command("Approve 2")).op, moderator_op::approve);
    EXPECT_EQ(as<moderator_command>(parse_command("reject 2 too vague")).argument, "too vague");
    EXPECT_EQ(as<stats_command>(parse_command("stats")).days, 30);
    EXPECT_EQ(as<stats_command>(parse_command("stats 7")).days, 7);
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("approve the budget")));
}

TEST(DmGrammar, HugeNumbersAreNotPostNumbers) {
    EXPECT_TRUE(std::holds_alternative<post_command>(parse_command("delete 99999999999999999999")));
}

TEST(Durations, ParseMinutesHoursDaysWeeksAndPermanent) {
    EXPECT_EQ(parse_duration("30m").value, std::chrono::minutes(30));
    EXPECT_EQ(parse_duration("12h").value, std::chrono::hours(12));
    EXPECT_EQ(parse_duration("7d").value, std::chrono::hours(24 * 7));
    EXPECT_EQ(parse_duration("2W").value, std::chrono::hours(24 * 14));
    EXPECT_TRUE(parse_duration("").ok);
    EXPECT_FALSE(parse_duration("").value);
    EXPECT_TRUE(parse_duration("permanent").ok);
    EXPECT_FALSE(parse_duration("7").ok);
    EXPECT_FALSE(parse_duration("d").ok);
    EXPECT_FALSE(parse_duration("-1d").ok);
    EXPECT_FALSE(parse_duration("soon").ok);
}

} // namespace
} // namespace openfloor::bot
