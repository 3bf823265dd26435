// The catalogue: every id has a sentence, and placeholders are filled.
#include "bot/texts.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

TEST(Texts, EveryIdHasASentenceInEveryLanguage) {
    for (const char* locale : {"en", "es", "sv"}) {
        const texts t(locale);
        for (std::size_t i = 0; i < text_id_count; ++i) {
            EXPECT_FALSE(t.say(static_cast<text_id>(i)).empty()) << locale << " text id " << i;
        }
    }
}

TEST(Texts, FillsNamedPlaceholders) {
    const texts t("en");
    EXPECT_EQ(t.say(text_id::thread_signature, {{"n", "12"}}), "— author of #12");
    EXPECT_EQ(t.say(text_id::relay_heading, {{"n", "3"}, {"name", "Bob"}}), "#3 — Bob replied:");
    const texts sv("sv");
    EXPECT_EQ(sv.say(text_id::relay_heading, {{"n", "3"}, {"name", "Bob"}}), "#3 — Bob svarade:");
}

TEST(Texts, AValueIsNeverReadAsAPlaceholder) {
    const texts t("en");
    EXPECT_EQ(t.say(text_id::relay_heading, {{"n", "3"}, {"name", "{n}"}}), "#3 — {n} replied:");
}

} // namespace
} // namespace openfloor::bot
