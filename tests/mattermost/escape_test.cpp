// escape_markdown and neutralise_mentions (platforms.md §B6): every character that formats is
// escaped, line-start markers too, every '@' is followed by U+200B, and nothing else changes.
#include "adapters/mattermost/render.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace openfloor::mattermost {
namespace {

constexpr std::string_view zwsp = "\u200B";

TEST(MattermostEscape, EscapesEachSpecialCharacterAnywhere) {
    for (const char c : std::string_view("\\`*_~[]#|<>")) {
        const std::string in = std::string("a") + c + "b";
        EXPECT_EQ(escape_markdown(in), std::string("a\\") + c + "b") << in;
    }
}

TEST(MattermostEscape, EscapesFormattingInContext) {
    EXPECT_EQ(escape_markdown("**bold** _it_ ~~gone~~ `code`"),
              "\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\`");
    EXPECT_EQ(escape_markdown("[click](https://evil.example)"),
              "\\[click\\](https://evil.example)");
    EXPECT_EQ(escape_markdown("<https://x.example>"), "\\<https://x.example\\>");
    EXPECT_EQ(escape_markdown("a | b\n--|--"), "a \\| b\n--\\|--");
    EXPECT_EQ(escape_markdown("already \\*escaped"), "already \\\\\\*escaped");
}

TEST(MattermostEscape, LeavesPlainTextAlone) {
    const std::string plain = "The Q3 totals are off by 10%, see page 4 (2024). Ok? Yes! a-b=c+d";
    EXPECT_EQ(escape_markdown(plain), plain);
}

TEST(MattermostEscape, EscapesListMarkersAtLineStart) {
    EXPECT_EQ(escape_markdown("- item"), "\\- item");
    EXPECT_EQ(escape_markdown("+ item"), "\\+ item");
    EXPECT_EQ(escape_markdown("* item"), "\\* item");
    EXPECT_EQ(escape_markdown("   - indented"), "   \\- indented");
    EXPECT_EQ(escape_markdown("-\titem"), "\\-\titem");
    EXPECT_EQ(escape_markdown("+"), "\\+");
    EXPECT_EQ(escape_markdown("text\n- second line"), "text\n\\- second line");
    // Not markers: no blank after, or not at the start of the line.
    EXPECT_EQ(escape_markdown("-5 degrees"), "-5 degrees");
    EXPECT_EQ(escape_markdown("+1"), "+1");
    EXPECT_EQ(escape_markdown("a - b + c"), "a - b + c");
}

TEST(MattermostEscape, EscapesOrderedListMarkersAtLineStart) {
    EXPECT_EQ(escape_markdown("12. twelfth"), "12\\. twelfth");
    EXPECT_EQ(escape_markdown("1) first"), "1\\) first");
    EXPECT_EQ(escape_markdown("  3. indented"), "  3\\. indented");
    EXPECT_EQ(escape_markdown("intro\n2."), "intro\n2\\.");
    // Not markers: no blank after, more than nine digits, or mid-line.
    EXPECT_EQ(escape_markdown("3.14 is pi"), "3.14 is pi");
    EXPECT_EQ(escape_markdown("1234567890. long"), "1234567890. long");
    EXPECT_EQ(escape_markdown("see 2. below"), "see 2. below");
    EXPECT_EQ(escape_markdown("v1. x"), "v1. x");
}

TEST(MattermostEscape, EscapesQuoteAndHeadingMarkers) {
    EXPECT_EQ(escape_markdown("> quoted"), "\\> quoted");
    EXPECT_EQ(escape_markdown("# Heading"), "\\# Heading");
    EXPECT_EQ(escape_markdown("### h3\n>> nested"), "\\#\\#\\# h3\n\\>\\> nested");
}

TEST(MattermostEscape, EscapesSetextUnderlinesAndRules) {
    EXPECT_EQ(escape_markdown("Title\n---"), "Title\n\\---");
    EXPECT_EQ(escape_markdown("Title\n==="), "Title\n\\===");
    EXPECT_EQ(escape_markdown("Title\n="), "Title\n\\=");
    EXPECT_EQ(escape_markdown("Title\n  ----  "), "Title\n  \\----  ");
    EXPECT_EQ(escape_markdown("-"), "\\-");
    EXPECT_EQ(escape_markdown("- - -"), "\\- - -");
    EXPECT_EQ(escape_markdown("***"), "\\*\\*\\*");
    EXPECT_EQ(escape_markdown("___"), "\\_\\_\\_");
    // Mixed or with text: not an underline.
    EXPECT_EQ(escape_markdown("-=-"), "-=-");
    EXPECT_EQ(escape_markdown("--> arrow"), "--\\> arrow");
    EXPECT_EQ(escape_markdown("a = b"), "a = b");
}

TEST(MattermostEscape, NeutralisesEveryMention) {
    for (const std::string_view word : {"@channel", "@all", "@here", "@alice", "@group"}) {
        const std::string expected = "@" + std::string(zwsp) + std::string(word.substr(1));
        EXPECT_EQ(escape_markdown(word), expected);
        EXPECT_EQ(neutralise_mentions(word), expected);
    }
    EXPECT_EQ(escape_markdown("hey @@here"),
              "hey @" + std::string(zwsp) + "@" + std::string(zwsp) + "here");
    EXPECT_EQ(escape_markdown("mail a@b.example"), "mail a@" + std::string(zwsp) + "b.example");
    // A backslash would not stop a mention (§B6), so none is added before '@'.
    EXPECT_EQ(escape_markdown("@here").find('\\'), std::string::npos);
}

TEST(MattermostEscape, NeutraliseMentionsChangesNothingElse) {
    EXPECT_EQ(neutralise_mentions("**ours** `code` @here"),
              "**ours** `code` @" + std::string(zwsp) + "here");
    EXPECT_EQ(neutralise_mentions(""), "");
}

TEST(MattermostEscape, EmojiRightToLeftAndNewlinesPassThrough) {
    const std::string text =
        "Merci 🙏🏽 שלום עולם مرحبا\n\nnext\r\nline 👨‍👩‍👧";
    EXPECT_EQ(escape_markdown(text), text);
    EXPECT_EQ(escape_markdown("\n\n\n"), "\n\n\n");
    EXPECT_EQ(escape_markdown(""), "");
}

TEST(MattermostEscape, RandomBytesNeverThrowAndKeepEveryByte) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<std::size_t> length(0, 300);
    const std::string markdown = "\\`*_~[]#|<>@-+=.) 0123456789\n\t";
    std::uniform_int_distribution<std::size_t> pick(0, markdown.size() - 1);
    for (int i = 0; i < 5000; ++i) {
        std::string in;
        const std::size_t n = length(rng);
        for (std::size_t k = 0; k < n; ++k) {
            in += i % 2 == 0 ? static_cast<char>(byte(rng)) : markdown[pick(rng)];
        }
        std::string out;
        ASSERT_NO_THROW(out = escape_markdown(in));
        // Only backslashes and zero width spaces are added: removing them gives the input back
        // (a person's own backslashes were doubled, so each pair gives one).
        std::string back;
        for (std::size_t k = 0; k < out.size(); ++k) {
            if (out.compare(k, zwsp.size(), zwsp) == 0 && k > 0 && out[k - 1] == '@') {
                k += zwsp.size() - 1;
            } else if (out[k] == '\\' && k + 1 < out.size()) {
                back += out[++k];
            } else {
                back += out[k];
            }
        }
        ASSERT_EQ(back, in);
    }
}

} // namespace
} // namespace openfloor::mattermost
