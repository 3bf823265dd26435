// Drafts: round trip, replace on save, by author, expiry.
#include "tests/storage/sqlite_fixture.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

namespace {

using namespace openfloor::storage_testing;
using openfloor::bot::draft_record;
using SqliteDrafts = store_test;

draft_record sample_draft(const std::string& id, std::uint8_t who) {
    draft_record d;
    d.id = id;
    d.where = openfloor::bot::platform::mattermost;
    d.workspace = "mm.example.com";
    d.author = author(who);
    d.sealed_route = {0x01, 0x02};
    d.channel_key = "mistakes";
    d.category = "mistake";
    d.sealed_text = {0x03, 0x04, 0x05};
    d.needs_review = true;
    d.created_at = at_ms(1'000);
    d.expires_at = at_ms(2'000);
    return d;
}

TEST_F(SqliteDrafts, RoundTripsEveryField) {
    const auto d = sample_draft("d1", 1);
    ASSERT_TRUE(store().drafts().save(d));
    auto found = store().drafts().find("d1");
    ASSERT_TRUE(found.has_value() && found->has_value());
    const auto& got = **found;
    EXPECT_EQ(got.id, d.id);
    EXPECT_EQ(got.where, d.where);
    EXPECT_EQ(got.workspace, d.workspace);
    EXPECT_TRUE(got.author == d.author);
    EXPECT_EQ(got.sealed_route, d.sealed_route);
    EXPECT_EQ(got.channel_key, d.channel_key);
    EXPECT_EQ(got.category, d.category);
    EXPECT_EQ(got.sealed_text, d.sealed_text);
    EXPECT_TRUE(got.needs_review);
    EXPECT_EQ(got.created_at, d.created_at);
    EXPECT_EQ(got.expires_at, d.expires_at);
}

TEST_F(SqliteDrafts, SavingAgainReplacesTheDraft) {
    auto d = sample_draft("d1", 1);
    ASSERT_TRUE(store().drafts().save(d));
    d.category = "question";
    ASSERT_TRUE(store().drafts().save(d));
    auto found = store().drafts().find("d1");
    ASSERT_TRUE(found.has_value() && found->has_value());
    EXPECT_EQ((*found)->category, "question");
}

TEST_F(SqliteDrafts, FindsOnlyTheAuthorsDrafts) {
    ASSERT_TRUE(store().drafts().save(sample_draft("d1", 1)));
    ASSERT_TRUE(store().drafts().save(sample_draft("d2", 2)));
    ASSERT_TRUE(store().drafts().save(sample_draft("d3", 1)));
    auto mine = store().drafts().find_by_author(author(1));
    ASSERT_TRUE(mine.has_value());
    ASSERT_EQ(mine->size(), 2U);
    EXPECT_EQ((*mine)[0].id, "d1");
    EXPECT_EQ((*mine)[1].id, "d3");
}

TEST_F(SqliteDrafts, RemoveDeletesTheDraft) {
    ASSERT_TRUE(store().drafts().save(sample_draft("d1", 1)));
    ASSERT_TRUE(store().drafts().remove("d1"));
    auto found = store().drafts().find("d1");
    ASSERT_TRUE(found.has_value());
    EXPECT_FALSE(found->has_value());
    EXPECT_TRUE(store().drafts().remove("d1")); // removing twice is not an error
}

TEST_F(SqliteDrafts, PurgeRemovesExpiredDraftsOnly) {
    auto expired = sample_draft("old", 1);
    expired.expires_at = at_ms(5'000);
    auto live = sample_draft("new", 1);
    live.expires_at = at_ms(9'000);
    ASSERT_TRUE(store().drafts().save(expired));
    ASSERT_TRUE(store().drafts().save(live));
    auto purged = store().drafts().purge_expired(at_ms(5'000));
    ASSERT_TRUE(purged.has_value());
    EXPECT_EQ(*purged, 1);
    auto left = store().drafts().find("new");
    ASSERT_TRUE(left.has_value());
    EXPECT_TRUE(left->has_value());
}

TEST_F(SqliteDrafts, AnUnreadableAuthorIsMalformed) {
    ASSERT_TRUE(store().drafts().save(sample_draft("d1", 1)));
    {
        auto db = raw();
        SQLite::Statement corrupt(db, "UPDATE drafts SET author = ? WHERE id = 'd1'");
        corrupt.bind(1, std::string(64, 'z'));
        corrupt.exec();
    }
    auto found = store().drafts().find("d1");
    ASSERT_FALSE(found.has_value());
    EXPECT_EQ(found.error(), openfloor::bot::error::malformed_payload);
}

} // namespace
