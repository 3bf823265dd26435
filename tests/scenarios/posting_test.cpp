// Posting scenarios (product.md §2) against the real core and a real SQLite file.
#include "tests/scenarios/harness.hpp"

namespace openfloor::testing {
namespace {

using bot::job_kind;
using bot::message_kind;

class Posting : public scenario {};

TEST_F(Posting, PreviewThenConfirmPostsAnonymouslyToTheChannel) {
    dm(alice, "#eng mistake: The Q3 totals are off by 10%");
    deliver_due();
    const auto previews = platform_.to("D0SECRETDM");
    ASSERT_EQ(previews.size(), 1U);
    const auto& preview = previews[0].job.body;
    EXPECT_EQ(preview.kind, message_kind::preview);
    EXPECT_EQ(preview.body, "The Q3 totals are off by 10%");
    EXPECT_EQ(preview.category_label, "I noticed a mistake");
    ASSERT_EQ(preview.buttons.size(), 2U);
    EXPECT_EQ(preview.buttons[0].action, bot::action::confirm);
    EXPECT_EQ(preview.buttons[1].action, bot::action::cancel);
    EXPECT_TRUE(platform_.to("C0ENG").empty()) << "nothing is posted before confirm";

    auto r = click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("#1"), std::string::npos);
    deliver_due();

    const auto posts = platform_.to("C0ENG");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.kind, job_kind::channel_post);
    EXPECT_EQ(posts[0].job.body.kind, message_kind::channel_post);
    EXPECT_EQ(posts[0].job.body.number, 1);
    EXPECT_EQ(posts[0].job.body.body, "The Q3 totals are off by 10%");
    EXPECT_EQ(posts[0].job.body.category_label, "I noticed a mistake");
    auto stored = post(1);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->state, bot::post_state::posted);
    EXPECT_EQ(stored->message_ref, posts[0].ref);
}

TEST_F(Posting, ConfirmOffPostsAtOnceAndTellsTheAuthor) {
    dm(alice, "#quick question: Why do we deploy on Fridays?");
    deliver_due();
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.category_label, "I have a question");
    EXPECT_EQ(posts[0].job.body.body, "Why do we deploy on Fridays?");
    const auto notices = texts_to("D0SECRETDM");
    ASSERT_EQ(notices.size(), 1U);
    EXPECT_NE(notices[0].find("#1 in #quick"), std::string::npos);
}

TEST_F(Posting, DefaultChannelAndCategoryApplyWithoutPrefixes) {
    dm(alice, "The build is red since Monday");
    deliver_due();
    click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    deliver_due();
    const auto posts = platform_.to("C0ENG");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.category_label, "I noticed a mistake");
    EXPECT_EQ(posts[0].job.body.body, "The build is red since Monday");
}

TEST_F(Posting, BareKeywordAfterChannelPicksTheCategory) {
    dm(alice, "#quick q Why?");
    deliver_due();
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.category_label, "I have a question");
    EXPECT_EQ(posts[0].job.body.body, "Why?");
}

TEST_F(Posting, UnknownColonWordStaysPartOfTheText) {
    dm(alice, "#quick Note: the wiki is outdated");
    deliver_due();
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.body, "Note: the wiki is outdated");
}

TEST_F(Posting, TextIsKeptExactlyAsWritten) {
    const std::string text = "Wrong total 😬 — \u05e9\u05dc\u05d5\u05dd <b>&amp; @here\n\nsecond line";
    dm(alice, "#quick " + text);
    deliver_due();
    const auto posts = platform_.to("C0QUICK");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.body, text);
}

TEST_F(Posting, UnknownChannelIsAnsweredWithTheKeysThatExist) {
    auto r = slash(alice, "#nope mistake: something");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("#nope"), std::string::npos);
    EXPECT_NE(r.messages[0].text.find("#eng, #ops, #quick"), std::string::npos);
    deliver_due();
    EXPECT_TRUE(platform_.sent.empty());
}

TEST_F(Posting, EmptyTextIsRefused) {
    auto r = slash(alice, "#eng question:   ");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("no text"), std::string::npos);
    EXPECT_FALSE(post(1));
}

TEST_F(Posting, TooLongTextIsRefusedWithItsLength) {
    settings_.limits.max_chars = 10;
    auto r = slash(alice, "#quick ééééééééééé"); // 11 code points, 22 bytes
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("11 characters"), std::string::npos);
    EXPECT_FALSE(post(1));
    auto ok = slash(alice, "#quick éééééééééé"); // exactly 10
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
}

TEST_F(Posting, BlockedWordIsRefusedAsAWholeWordOnly) {
    auto r = slash(alice, "#quick Who is the IDIOT who wrote this?");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("idiot"), std::string::npos);
    EXPECT_FALSE(post(1));
    slash(alice, "#quick Idiotproof checklists help");
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
}

TEST_F(Posting, BlockedWordGoesToReviewWhenConfiguredToQueue) {
    settings_.moderation.on_blocked_word = config::blocked_words_action::queue;
    slash(alice, "#quick You idiot, the server is down");
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());
    const auto queue = platform_.to("C0MODS");
    ASSERT_EQ(queue.size(), 1U);
    EXPECT_EQ(queue[0].job.body.kind, message_kind::queue_item);
    auto p = post(1);
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->awaiting_review);
}

TEST_F(Posting, RateLimitRefusesPostsOverTheHourlyLimit) {
    settings_.limits.posts_per_hour = 2;
    slash(alice, "#quick one");
    slash(alice, "#quick two");
    auto r = slash(alice, "#quick three");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("2 times in the last hour"), std::string::npos);
    EXPECT_FALSE(post(3));
    slash(bob, "#quick bob is not limited by alice");
    EXPECT_TRUE(post(3));
    clock_.advance(std::chrono::minutes(61));
    slash(alice, "#quick four, an hour later");
    EXPECT_TRUE(post(4));
}

TEST_F(Posting, CancelDropsTheDraft) {
    dm(alice, "#eng mistake: typo in the handbook");
    deliver_due();
    const std::string draft = last_draft_for("D0SECRETDM");
    auto r = click(alice, bot::action::cancel, draft);
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("Cancelled"), std::string::npos);
    auto again = click(alice, bot::action::confirm, draft);
    ASSERT_EQ(again.messages.size(), 1U);
    EXPECT_NE(again.messages[0].text.find("expired"), std::string::npos);
    deliver_due();
    EXPECT_TRUE(platform_.to("C0ENG").empty());
}

TEST_F(Posting, DraftsExpireAfterTheirTtl) {
    dm(alice, "#eng mistake: stale");
    deliver_due();
    clock_.advance(std::chrono::minutes(31));
    auto r = click(alice, bot::action::confirm, last_draft_for("D0SECRETDM"));
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("expired"), std::string::npos);
    EXPECT_FALSE(post(1));
}

TEST_F(Posting, SomeoneElseCannotConfirmYourDraft) {
    dm(alice, "#eng mistake: mine");
    deliver_due();
    auto r = click(bob, bot::action::confirm, last_draft_for("D0SECRETDM"));
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("someone else"), std::string::npos);
    EXPECT_FALSE(post(1));
}

TEST_F(Posting, PostWordConfirmsTheWaitingDraft) {
    dm(alice, "#eng question: how do I get access?");
    deliver_due();
    dm(alice, "post");
    deliver_due();
    EXPECT_EQ(platform_.to("C0ENG").size(), 1U);
}

TEST_F(Posting, RepeatedEventMakesOnePost) {
    core_->on_text(alice, "#quick same event", bot::surface::direct_message, "Ev-repeat");
    auto again = core_->on_text(alice, "#quick same event", bot::surface::direct_message, "Ev-repeat");
    EXPECT_TRUE(again.duplicate);
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
    EXPECT_FALSE(post(2));
}

TEST_F(Posting, HelpListsChannelsAndCategories) {
    auto r = slash(alice, "help");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("#eng, #ops, #quick"), std::string::npos);
    EXPECT_NE(r.messages[0].text.find("mistake:"), std::string::npos);
}

TEST_F(Posting, PostingDelayHoldsThePostBack) {
    settings_.posting.delay_min = std::chrono::seconds(10);
    settings_.posting.delay_max = std::chrono::seconds(20);
    slash(alice, "#quick delayed");
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());
    clock_.advance(std::chrono::seconds(9));
    deliver_due();
    EXPECT_TRUE(platform_.to("C0QUICK").empty());
    clock_.advance(std::chrono::seconds(12));
    deliver_due();
    EXPECT_EQ(platform_.to("C0QUICK").size(), 1U);
}

} // namespace
} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

class Compose : public scenario {};

TEST_F(Compose, AComposedFormPostsAtOnceWithItsChannelAndCategory) {
    auto r = core_->on_compose(alice, "eng", "question", "Who owns the backups?");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("#1 in #eng"), std::string::npos);
    deliver_due();
    const auto posts = platform_.to("C0ENG");
    ASSERT_EQ(posts.size(), 1U);
    EXPECT_EQ(posts[0].job.body.category_label, "I have a question");
    EXPECT_EQ(posts[0].job.body.body, "Who owns the backups?");
    EXPECT_TRUE(platform_.to("D0SECRETDM").empty()) << "nothing is left in the author's DM";
}

TEST_F(Compose, AComposedFormIsCheckedLikeAMessage) {
    auto r = core_->on_compose(alice, "eng", "question", "you idiot");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("idiot"), std::string::npos);
    EXPECT_FALSE(post(1));
}

} // namespace
} // namespace openfloor::testing

namespace openfloor::testing {
namespace {

class PreviewChoices : public scenario {};

TEST_F(PreviewChoices, APreviewOffersTheChannelsAndTheChannelsCategories) {
    dm(alice, "#eng question: where is the runbook?");
    deliver_due();
    const auto preview = platform_.to("D0SECRETDM").at(0).job.body;
    ASSERT_EQ(preview.choices.size(), 2U);
    EXPECT_EQ(preview.choices[0].kind, bot::choice_kind::channel);
    EXPECT_EQ(preview.choices[0].selected, "eng");
    EXPECT_EQ(preview.choices[0].options.size(), 3U);
    EXPECT_EQ(preview.choices[1].selected, "question");
}

TEST_F(PreviewChoices, PickingAnotherCategoryAndChannelChangesWhatIsPosted) {
    dm(alice, "#eng question: the dashboard total is wrong");
    deliver_due();
    const std::string draft = last_draft_for("D0SECRETDM");
    auto r = core_->on_draft_choice(alice, draft, bot::choice_kind::category, "mistake");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_EQ(r.messages[0].kind, bot::message_kind::preview);
    EXPECT_EQ(r.messages[0].category_label, "I noticed a mistake");
    r = core_->on_draft_choice(alice, draft, bot::choice_kind::channel, "ops");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("#ops"), std::string::npos);
    EXPECT_NE(r.messages[0].text.find("moderator"), std::string::npos) << "#ops is pre-moderated";
    click(alice, bot::action::confirm, draft);
    run_for(std::chrono::seconds(2));
    EXPECT_TRUE(platform_.to("C0ENG").empty());
    const auto queue = platform_.to("C0MODS");
    ASSERT_EQ(queue.size(), 1U);
    EXPECT_EQ(queue[0].job.body.category_label, "I noticed a mistake");
}

TEST_F(PreviewChoices, OnlyTheAuthorCanChangeADraft) {
    dm(alice, "#eng question: mine");
    deliver_due();
    auto r = core_->on_draft_choice(bob, last_draft_for("D0SECRETDM"), bot::choice_kind::channel, "quick");
    ASSERT_EQ(r.messages.size(), 1U);
    EXPECT_NE(r.messages[0].text.find("someone else"), std::string::npos);
}

} // namespace
} // namespace openfloor::testing
