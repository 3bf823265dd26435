// Posts, post lists, slash commands, action callbacks, users, channels and AppError bodies: the
// §C6/§C7 vectors verbatim, the spellings old and new servers use, and what must be refused.
#include "adapters/mattermost/error.hpp"
#include "adapters/mattermost/payloads.hpp"
#include "tests/mattermost/vectors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace openfloor::mattermost {
namespace {

TEST(MattermostPost, ReadsEveryFieldWeUse) {
    const auto p = decode_post(
        R"({"id":"p1","create_at":1700000000123,"update_at":1700000000456,"edit_at":7,)"
        R"("delete_at":0,"user_id":"u1","channel_id":"c1","root_id":"r1","message":"hi 👋",)"
        R"("type":"","props":{"from_bot":"true"},"metadata":{},"unknown":[1,2]})");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->id, "p1");
    EXPECT_EQ(p->create_at, 1700000000123);
    EXPECT_EQ(p->update_at, 1700000000456);
    EXPECT_EQ(p->edit_at, 7);
    EXPECT_EQ(p->delete_at, 0);
    EXPECT_EQ(p->user_id, "u1");
    EXPECT_EQ(p->channel_id, "c1");
    EXPECT_EQ(p->root_id, "r1");
    EXPECT_EQ(p->message, "hi 👋");
    EXPECT_EQ(p->type, "");
    EXPECT_TRUE(p->from_bot);
}

TEST(MattermostPost, FromBotMayBeAStringOrABool) {
    EXPECT_TRUE(decode_post(R"({"id":"p","props":{"from_bot":true}})")->from_bot);
    EXPECT_TRUE(decode_post(R"({"id":"p","props":{"from_bot":"true"}})")->from_bot);
    EXPECT_FALSE(decode_post(R"({"id":"p","props":{"from_bot":"false"}})")->from_bot);
    EXPECT_FALSE(decode_post(R"({"id":"p","props":{"from_bot":false}})")->from_bot);
    EXPECT_FALSE(decode_post(R"({"id":"p","props":{"from_bot":1}})")->from_bot);
    EXPECT_FALSE(decode_post(R"({"id":"p","props":{}})")->from_bot);
    EXPECT_FALSE(decode_post(R"({"id":"p"})")->from_bot);
}

TEST(MattermostPost, PropsOfAnotherShapeDoNotDropThePost) {
    const auto p = decode_post(R"({"id":"p","message":"m","props":"weird"})");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->message, "m");
    EXPECT_FALSE(p->from_bot);
}

TEST(MattermostPost, OldServersParentIdStandsInForRootId) {
    EXPECT_EQ(decode_post(R"({"id":"p","parent_id":"root"})")->root_id, "root");
    EXPECT_EQ(decode_post(R"({"id":"p","root_id":"","parent_id":"root"})")->root_id, "root");
    EXPECT_EQ(decode_post(R"({"id":"p","root_id":"new","parent_id":"old"})")->root_id, "new");
}

TEST(MattermostPost, SystemPostsKeepTheirType) {
    const auto p = decode_post(
        R"({"id":"s1","type":"system_join_channel","message":"alice joined the channel."})");
    ASSERT_TRUE(p);
    EXPECT_EQ(p->type, "system_join_channel");
}

TEST(MattermostPost, IsRefusedWithoutAnIdOrWithWrongTypes) {
    EXPECT_EQ(decode_post(R"({"message":"no id"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":5})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":"1700000000123"})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","message":["a"]})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post(R"(["id","p"])").error(), error::malformed_payload);
}

TEST(MattermostPost, HugeNumbersAreRefusedNotWrapped) {
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":18446744073709551615})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":9223372036854775808})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":1e300})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":1.5})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":9223372036854775807})")->create_at,
              9223372036854775807);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":-5})")->create_at, -5);
    EXPECT_EQ(decode_post(R"({"id":"p","create_at":1700000000123.0})")->create_at, 1700000000123);
}

TEST(MattermostPostList, SortsOldestFirstAndKeepsEachIdOnce) {
    const auto list = decode_post_list(
        R"({"order":["c","a","b","a","ghost"],"posts":{)"
        R"("a":{"id":"a","create_at":100,"message":"first"},)"
        R"("b":{"id":"b","create_at":300,"message":"third"},)"
        R"("c":{"id":"c","create_at":200,"message":"second","delete_at":250},)"
        R"("unlisted":{"id":"unlisted","create_at":50}},"next_post_id":"","prev_post_id":"",)"
        R"("has_next":false})");
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 3U);
    EXPECT_EQ((*list)[0].id, "a");
    EXPECT_EQ((*list)[1].id, "c");
    EXPECT_EQ((*list)[1].delete_at, 250); // deleted posts come too; the caller drops them
    EXPECT_EQ((*list)[2].id, "b");
}

TEST(MattermostPostList, EmptyAndNullListsAreEmpty) {
    EXPECT_TRUE(decode_post_list(R"({"order":[],"posts":{}})")->empty());
    EXPECT_TRUE(decode_post_list(R"({"order":null,"posts":null})")->empty());
    EXPECT_TRUE(decode_post_list(R"({})")->empty());
}

TEST(MattermostPostList, WrongShapesAreMalformed) {
    EXPECT_EQ(decode_post_list(R"({"order":"a","posts":{}})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post_list(R"({"order":[1],"posts":{}})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post_list(R"({"order":["a"],"posts":[]})").error(), error::malformed_payload);
    EXPECT_EQ(decode_post_list(R"({"order":["a"],"posts":{"a":"x"}})").error(),
              error::malformed_payload);
    EXPECT_EQ(decode_post_list("[]").error(), error::malformed_payload);
}

TEST(MattermostSlashCommand, DecodesTheC6FormVerbatim) {
    const auto c = decode_slash_command(vectors::c6_form);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->channel_id, "fd8kzq1mjbn3zgsk4ydw6cam3e");
    EXPECT_EQ(c->channel_name, "town-square");
    EXPECT_EQ(c->command, "/openfloor");
    EXPECT_EQ(c->response_url,
              "https://mattermost.example.com/hooks/commands/qspx8z7ms7ywdcrwkqc6jq3fbw");
    EXPECT_EQ(c->team_domain, "acme");
    EXPECT_EQ(c->team_id, "8s4ah3qz9jrxzc7h4y5kpmgg1e");
    EXPECT_EQ(c->text, "#eng I have a question about the on-call rota");
    EXPECT_EQ(c->token, vectors::c6_command_token);
    EXPECT_EQ(c->trigger_id, "aGVsbG8=");
    EXPECT_EQ(c->user_id, std::string(vectors::alice_id));
    EXPECT_EQ(c->user_name, "alice");
}

TEST(MattermostSlashCommand, FirstValueWinsAndMentionKeysAreIgnored) {
    const auto c = decode_slash_command(
        "command=%2Fopenfloor&user_id=u1&text=a%2Bb+c&user_id=u2&user_mentions=bob&"
        "user_mentions_ids=x&channel_mentions=eng&channel_mentions_ids=y&text=second");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->user_id, "u1");
    EXPECT_EQ(c->text, "a+b c"); // %2B is a real plus, '+' a space
}

TEST(MattermostSlashCommand, RefusesFormsWithoutCommandOrUserOrThatAreNotForms) {
    EXPECT_EQ(decode_slash_command("user_id=u1&text=x").error(), error::malformed_payload);
    EXPECT_EQ(decode_slash_command("command=%2Fopenfloor").error(), error::malformed_payload);
    EXPECT_EQ(decode_slash_command("").error(), error::malformed_payload);
    EXPECT_EQ(decode_slash_command("command=%2Fx&user_id=u&text=%ZZ").error(),
              error::malformed_payload);
}

TEST(MattermostActionCallback, DecodesTheC7BodyVerbatim) {
    const auto a = decode_action_callback(vectors::c7_action);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->user_id, std::string(vectors::alice_id));
    EXPECT_EQ(a->user_name, "alice");
    EXPECT_EQ(a->channel_id, "9mm1c6eqqbrpjqhx8y6gk1gx5c");
    EXPECT_EQ(a->team_id, ""); // DMs have no team
    EXPECT_EQ(a->post_id, "h5x1pz9gqtrbzc8k3d7ym4wq6e");
    EXPECT_EQ(a->trigger_id, "aGVsbG8=");
    EXPECT_EQ(a->type, "button");
    // §C7 uses §B5's illustrative keys; ours are action/ref, so these stay empty (and unsigned).
    EXPECT_EQ(a->action, "");
    EXPECT_EQ(a->ref, "");
    EXPECT_EQ(a->sig, "<hmac>");
}

TEST(MattermostActionCallback, ReadsOurContextKeysAndASelectedOption) {
    const auto a = decode_action_callback(
        R"({"user_id":"u","channel_id":"c","team_id":null,"context":{"action":"openfloor_confirm",)"
        R"("ref":"d42","sig":"abc","selected_option":"eng","extra":{"x":1}}})");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->action, "openfloor_confirm");
    EXPECT_EQ(a->ref, "d42");
    EXPECT_EQ(a->sig, "abc");
    EXPECT_EQ(a->selected_option, "eng");
    EXPECT_EQ(a->team_id, "");
}

TEST(MattermostActionCallback, RefusesWrongTypesAndMissingClicker) {
    EXPECT_EQ(decode_action_callback(R"({"channel_id":"c"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_action_callback(R"({"user_id":"u"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_action_callback(R"({"user_id":"u","channel_id":"c","context":"x"})").error(),
              error::malformed_payload);
    EXPECT_EQ(
        decode_action_callback(R"({"user_id":"u","channel_id":"c","context":{"ref":42}})").error(),
        error::malformed_payload);
    EXPECT_EQ(decode_action_callback(R"({"user_id":7,"channel_id":"c"})").error(),
              error::malformed_payload);
}

TEST(MattermostRestAnswers, DecodeUsersMe) {
    const auto u = decode_user(
        R"({"id":"ouqzb1gs7pbd3bt5w8mpg1xdhe","username":"openfloor","email":"","roles":)"
        R"("system_user","is_bot":true,"bot_description":"Anonymous posts","create_at":1})");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->id, std::string(vectors::bot_id));
    EXPECT_EQ(u->username, "openfloor");
    EXPECT_TRUE(u->is_bot);
    EXPECT_EQ(decode_user(R"({"username":"x"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_user(R"({"id":"x","is_bot":"yes"})").error(), error::malformed_payload);
}

TEST(MattermostRestAnswers, DecodeADirectChannel) {
    const auto c = decode_channel(
        R"({"id":"dm1","type":"D","name":"4xp9fdt6rjgfxm7c8e5a1bzkqo__ouqzb1gs7pbd3bt5w8mpg1xdhe",)"
        R"("team_id":"","display_name":""})");
    ASSERT_TRUE(c);
    EXPECT_EQ(c->id, "dm1");
    EXPECT_EQ(c->type, "D");
    EXPECT_EQ(c->name, "4xp9fdt6rjgfxm7c8e5a1bzkqo__ouqzb1gs7pbd3bt5w8mpg1xdhe");
    EXPECT_EQ(decode_channel(R"({"type":"D"})").error(), error::malformed_payload);
    EXPECT_EQ(decode_channel(R"({"id":["x"]})").error(), error::malformed_payload);
}

TEST(MattermostApiError, ReadsAnAppError) {
    const api_error e = decode_api_error(
        R"({"id":"api.context.session_expired.app_error","message":"Invalid or expired session, please login again.","detailed_error":"","request_id":"8i3","status_code":401})");
    EXPECT_EQ(e.id, "api.context.session_expired.app_error");
    EXPECT_EQ(e.message, "Invalid or expired session, please login again.");
    EXPECT_EQ(e.status_code, 401);
}

TEST(MattermostApiError, AnythingElseGivesTheFirst64BytesAsMessage) {
    const api_error limited = decode_api_error("limit exceeded\n");
    EXPECT_EQ(limited.id, "");
    EXPECT_EQ(limited.message, "limit exceeded\n");
    EXPECT_EQ(limited.status_code, 0);

    const api_error long_body = decode_api_error(std::string(100, 'x'));
    EXPECT_EQ(long_body.message, std::string(64, 'x'));

    // 63 ASCII bytes then "é" (2 bytes): the cut does not split the character.
    const api_error utf8 = decode_api_error(std::string(63, 'a') + "\xC3\xA9" + "tail");
    EXPECT_EQ(utf8.message, std::string(63, 'a'));

    EXPECT_EQ(decode_api_error(R"({"message":"no id"})").id, "");
    EXPECT_EQ(decode_api_error(R"({"message":"no id"})").message, R"({"message":"no id"})");
    const api_error odd = decode_api_error(R"({"id":"x","message":5,"status_code":"500"})");
    EXPECT_EQ(odd.id, "x");
    EXPECT_EQ(odd.message, "");
    EXPECT_EQ(odd.status_code, 0);
}

TEST(MattermostError, HasItsOwnCategoryAndMessages) {
    const boost::system::error_code ec = error::forged_action;
    EXPECT_STREQ(ec.category().name(), "openfloor.mattermost");
    EXPECT_EQ(ec.message(), "action callback signature does not match");
    EXPECT_NE(boost::system::error_code(error::malformed_payload),
              boost::system::error_code(error::unknown_payload));
    EXPECT_EQ(boost::system::error_code(error::auth_failed).value(), 5);
}

} // namespace
} // namespace openfloor::mattermost
