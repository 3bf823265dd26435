// Flag reasons: stable ids that parse back, labels in the configured language.
#include "bot/flag_reason.hpp"

#include <gtest/gtest.h>

namespace openfloor::bot {
namespace {

TEST(FlagReasons, EveryIdParsesBackToItsReason) {
    for (const auto& choice : flag_choices(texts("en"))) {
        flag_reason parsed = flag_reason::other;
        ASSERT_TRUE(parse_flag_reason(choice.id, parsed)) << choice.id;
        EXPECT_EQ(parsed, choice.reason);
        EXPECT_EQ(flag_reason_id(parsed), choice.id);
    }
}

TEST(FlagReasons, UnknownIdsAreRefused) {
    flag_reason parsed = flag_reason::spam;
    EXPECT_FALSE(parse_flag_reason("Spam", parsed));
    EXPECT_FALSE(parse_flag_reason("", parsed));
    EXPECT_EQ(parsed, flag_reason::spam) << "left as it was";
}

TEST(FlagReasons, LabelsFollowTheLocaleAndIdsDoNot) {
    const auto en = flag_choices(texts("en"));
    const auto sv = flag_choices(texts("sv"));
    ASSERT_EQ(en.size(), 4U);
    ASSERT_EQ(sv.size(), en.size());
    EXPECT_EQ(en[1].label, "Hurtful");
    EXPECT_EQ(sv[1].label, "Sårande");
    EXPECT_EQ(en[1].id, sv[1].id);
}

} // namespace
} // namespace openfloor::bot
