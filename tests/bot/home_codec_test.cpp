// The private inbox's sealed encodings: an author's home document and an ephemeral route round
// trip exactly, damaged input decodes to false without throwing, and the document stays bounded.
#include "bot/home.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::bot {
namespace {

time_point at_ms(std::int64_t ms) {
    return time_point(std::chrono::milliseconds(ms));
}

class HomeCodec : public ::testing::Test {
protected:
    home_document sample_{{
        {7,
         at_ms(2'000),
         {{"<@U0BOB>", "Which tab? \u05E9\u05DC\u05D5\u05DD 🎉", at_ms(2'500)},
          {"", "Your post #7 was approved and is now in #eng.", at_ms(3'000)}}},
        {3, at_ms(1'000), {}},
    }};
};

TEST_F(HomeCodec, ADocumentRoundTripsExactly) {
    home_document back;
    ASSERT_TRUE(decode(encode(sample_), back));
    EXPECT_EQ(back, sample_);
}

TEST_F(HomeCodec, AnEphemeralRouteRoundTrips) {
    ephemeral_route back;
    ASSERT_TRUE(decode(encode(ephemeral_route{"D0DM", "U0ALICE"}), back));
    EXPECT_EQ(back.channel, "D0DM");
    EXPECT_EQ(back.user, "U0ALICE");
}

TEST_F(HomeCodec, DamagedInputDecodesToFalseAndLeavesTheOutputAlone) {
    for (const std::string input :
         {"", "{", "[]", R"({"v":2,"posts":[]})", R"({"v":1})", R"({"v":1,"posts":[{"p":"7"}]})",
          R"({"v":1,"posts":[{"p":7,"at":1,"l":[{"n":1,"t":"x","at":1}]}]})",
          R"({"v":1,"posts":[{"p":18446744073709551615,"at":1,"l":[]}]})"}) {
        home_document out = sample_;
        EXPECT_FALSE(decode(input, out)) << input;
        EXPECT_EQ(out, sample_) << input;
    }
    ephemeral_route route{"D1", "U1"};
    EXPECT_FALSE(decode(R"({"c":"D2"})", route));
    EXPECT_EQ(route.channel, "D1");
}

TEST_F(HomeCodec, NewPostsGoFirstAndTheOldestFallOffPastTheBound) {
    home_document doc;
    for (std::int64_t id = 1; id <= static_cast<std::int64_t>(home_posts_kept) + 2; ++id) {
        ASSERT_NE(doc.entry_for(id, at_ms(id)), nullptr);
    }
    ASSERT_EQ(doc.posts.size(), home_posts_kept);
    EXPECT_EQ(doc.posts.front().post_id, static_cast<std::int64_t>(home_posts_kept) + 2);
    EXPECT_EQ(doc.posts.back().post_id, 3);
    EXPECT_EQ(doc.entry_for(1, at_ms(1)), nullptr) << "older than every post kept";
    EXPECT_EQ(doc.entry_for(5, at_ms(99))->added, at_ms(5)) << "an existing entry is reused";
}

TEST_F(HomeCodec, APostKeepsOnlyItsNewestLines) {
    home_entry e;
    for (std::size_t i = 0; i < home_lines_kept + 3; ++i) {
        home_document::add_line(e, {"Bob", std::to_string(i), at_ms(1)});
    }
    ASSERT_EQ(e.lines.size(), home_lines_kept);
    EXPECT_EQ(e.lines.front().text, "3");
    EXPECT_EQ(e.lines.back().text, std::to_string(home_lines_kept + 2));
}

} // namespace
} // namespace openfloor::bot
