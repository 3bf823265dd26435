// Length in code points and whole-word blocked words.
#include "bot/text_rules.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

TEST(TextRules, CountsCodePointsNotBytes) {
    EXPECT_EQ(code_points("abc"), 3U);
    EXPECT_EQ(code_points("é"), 1U);
    EXPECT_EQ(code_points("😬"), 1U);
    EXPECT_EQ(code_points("\u05e9\u05dc\u05d5\u05dd"), 4U);
    EXPECT_EQ(code_points(""), 0U);
}

TEST(TextRules, BlockedWordsMatchWholeWordsCaseInsensitively) {
    const std::vector<std::string> words{"idiot", "stupid"};
    EXPECT_EQ(find_blocked_word("What an IDIOT.", words), "idiot");
    EXPECT_EQ(find_blocked_word("stupid!", words), "stupid");
    EXPECT_FALSE(find_blocked_word("idiotproof and stupidity", words));
    EXPECT_FALSE(find_blocked_word("idiot_proof", words));
    EXPECT_FALSE(find_blocked_word("idiotés", words)); // a non-ASCII letter continues the word
    EXPECT_EQ(find_blocked_word("(idiot)", words), "idiot");
    EXPECT_FALSE(find_blocked_word("", words));
}

TEST(TextRules, BlankMeansOnlyWhitespace) {
    EXPECT_TRUE(is_blank(""));
    EXPECT_TRUE(is_blank(" \n\t "));
    EXPECT_FALSE(is_blank(" x "));
}

TEST(TextRules, AUtf8PrefixFitsTheBytesAndNeverCutsACharacter) {
    EXPECT_EQ(utf8_prefix("short", 24), "short");
    EXPECT_EQ(utf8_prefix("abcdef", 3), "abc");
    // "é" is two bytes and "😀" four: a cut inside either backs off to before it.
    EXPECT_EQ(utf8_prefix("ab\xc3\xa9", 3), "ab");
    EXPECT_EQ(utf8_prefix("a\xf0\x9f\x98\x80" "b", 4), "a");
    EXPECT_EQ(utf8_prefix("a\xf0\x9f\x98\x80" "b", 5), "a\xf0\x9f\x98\x80");
    EXPECT_EQ(utf8_prefix("\xc3\xa9", 1), "");
}

} // namespace
} // namespace openfloor::bot
