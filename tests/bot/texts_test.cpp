// The catalogue: every id has a sentence, and placeholders are filled.
#include "bot/texts.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

TEST(Texts, EveryIdHasASentence) {
    const texts t("en");
    for (int i = 0; i <= static_cast<int>(text_id::not_available_yet); ++i) {
        EXPECT_FALSE(t.say(static_cast<text_id>(i)).empty()) << "text id " << i;
    }
}

TEST(Texts, FillsNamedPlaceholders) {
    const texts t("en");
    EXPECT_EQ(t.say(text_id::thread_signature, {{"n", "12"}}), "— author of #12");
    EXPECT_EQ(t.say(text_id::relay_heading, {{"n", "3"}, {"name", "Bob"}}), "#3 — Bob replied:");
}

TEST(Texts, AValueIsNeverReadAsAPlaceholder) {
    const texts t("en");
    EXPECT_EQ(t.say(text_id::relay_heading, {{"n", "3"}, {"name", "{n}"}}), "#3 — {n} replied:");
}

} // namespace
} // namespace openfloor::bot
