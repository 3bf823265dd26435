// The fake Mattermost itself, over real sockets with openfloor's own HTTP and websocket clients:
// bearer checks, the post lifecycle, DM channels, `since`, both websocket logins, reliable
// reconnects (replay and fresh), injected 429s, and the §C6 slash-command encoding.
#include "adapters/transport/http_client.hpp"
#include "adapters/transport/websocket_client.hpp"
#include "tests/fakes/fake_mattermost.hpp"
#include "tests/support/run_task.hpp"

#include <boost/beast/http/verb.hpp>
#include <gtest/gtest.h>

namespace openfloor::testing {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;
using transport::websocket_connection;
namespace http = boost::beast::http;

class FakeMattermost : public ::testing::Test {
protected:
    transport::client_response call(http::verb method, const std::string& path,
                                    const std::string& body = "", bool with_token = true) {
        transport::client_request req;
        req.method = method;
        req.url = mm.api_url() + path;
        req.body = body;
        req.headers = {{"Content-Type", "application/json"}};
        if (with_token) {
            req.headers.emplace_back("Authorization", "Bearer " + mm.bot_token);
        }
        auto r = run_task(ioc, client.send(std::move(req)));
        EXPECT_TRUE(r.has_value() && r->has_value()) << "no answer to " << path;
        return r && *r ? **r : transport::client_response{};
    }
    static json body_of(const transport::client_response& r) {
        return json::parse(r.body, nullptr, false);
    }

    std::shared_ptr<websocket_connection> connect(const std::string& query, bool header_auth) {
        transport::header_list headers;
        if (header_auth) {
            headers.emplace_back("Authorization", "Bearer " + mm.bot_token);
        }
        transport::websocket_options options;
        options.handshake_timeout = 5s;
        auto r = run_task(ioc, websocket_connection::connect(
                                   ioc.get_executor(), client.tls_context(),
                                   mm.websocket_url() + query, std::move(headers), options));
        if (!r || !r->has_value()) {
            ADD_FAILURE() << "websocket connect failed";
            return nullptr;
        }
        return **r;
    }
    // The next frame, parsed; null on a timeout or a closed socket.
    json read(websocket_connection& ws) {
        auto r = run_task(ioc, ws.read(), 5s);
        if (!r || !r->has_value()) {
            return nullptr;
        }
        return json::parse(**r, nullptr, false);
    }

    asio::io_context ioc{1};
    fake_mattermost mm{ioc};
    transport::http_client client{ioc, config::outbound_settings{}};
};

TEST_F(FakeMattermost, UsersMeNeedsTheBotToken) {
    auto denied = call(http::verb::get, "/users/me", "", false);
    EXPECT_EQ(denied.status, 401U);
    EXPECT_EQ(body_of(denied).value("id", ""), "api.context.session_expired.app_error");
    EXPECT_EQ(body_of(denied).value("status_code", 0), 401);

    auto me = call(http::verb::get, "/users/me");
    ASSERT_EQ(me.status, 200U);
    EXPECT_EQ(body_of(me).value("id", ""), mm.bot_user_id);
    EXPECT_EQ(body_of(me).value("username", ""), "openfloor");
    EXPECT_TRUE(body_of(me).value("is_bot", false));
    EXPECT_EQ(mm.calls_to("GET", "/users/me").size(), 2U);
    EXPECT_EQ(mm.calls.back().authorization, "Bearer " + mm.bot_token);
}

TEST_F(FakeMattermost, CreatesPatchesAndDeletesAPost) {
    const std::string channel = mm.open_dm(mm.alice_id);
    const json button{
        {"id", "ofpost"},
        {"name", "Post anonymously"},
        {"type", "button"},
        {"integration",
         {{"url", "https://bot.example.com/mattermost/actions"}, {"context", {{"op", "post"}}}}}};
    json attachment{{"text", "preview"}, {"actions", json::array({button})}};
    const json create{{"channel_id", channel},
                      {"message", "Preview"},
                      {"props", {{"attachments", json::array({attachment})}}}};
    auto created = call(http::verb::post, "/posts", create.dump());
    ASSERT_EQ(created.status, 201U);
    const json post = body_of(created);
    const std::string id = post.value("id", "");
    EXPECT_TRUE(fake_mattermost::is_valid_id(id));
    EXPECT_EQ(post.value("user_id", ""), mm.bot_user_id);
    EXPECT_EQ(post["props"].value("from_bot", ""), "true");
    EXPECT_GT(post.value("create_at", std::int64_t{0}), 0);
    // The answer hides the integration; the server keeps it for the click.
    EXPECT_FALSE(post["props"]["attachments"][0]["actions"][0].contains("integration"));
    const auto buttons = mm.buttons_of(id);
    ASSERT_EQ(buttons.size(), 1U);
    EXPECT_TRUE(buttons[0].routable);
    EXPECT_EQ(buttons[0].context.value("op", ""), "post");
    EXPECT_EQ(mm.click_body(buttons[0], mm.alice_id).value("team_id", "x"), "");

    auto patched = call(http::verb::put, "/posts/" + id + "/patch",
                        json{{"message", "Posted."}, {"props", json::object()}}.dump());
    ASSERT_EQ(patched.status, 200U);
    EXPECT_EQ(body_of(patched).value("message", ""), "Posted.");
    EXPECT_GT(body_of(patched).value("edit_at", std::int64_t{0}), 0);
    EXPECT_TRUE(mm.buttons_of(id).empty());

    auto deleted = call(http::verb::delete_, "/posts/" + id);
    ASSERT_EQ(deleted.status, 200U);
    EXPECT_EQ(body_of(deleted), (json{{"status", "OK"}}));
    ASSERT_EQ(mm.posts_in(channel).size(), 1U);
    EXPECT_GT(mm.posts_in(channel)[0].value("delete_at", std::int64_t{0}), 0);
    EXPECT_EQ(call(http::verb::delete_, "/posts/" + id).status, 404U);
    EXPECT_EQ(call(http::verb::put, "/posts/nosuchpost/patch", "{}").status, 404U);
}

TEST_F(FakeMattermost, DirectChannelIsTheSameForTheSamePair) {
    const json pair{mm.bot_user_id, mm.alice_id};
    auto first = call(http::verb::post, "/channels/direct", pair.dump());
    auto again =
        call(http::verb::post, "/channels/direct", json{mm.alice_id, mm.bot_user_id}.dump());
    ASSERT_EQ(first.status, 201U);
    ASSERT_EQ(again.status, 201U);
    EXPECT_EQ(body_of(first).value("id", ""), body_of(again).value("id", ""));
    EXPECT_EQ(body_of(first).value("type", ""), "D");
    EXPECT_EQ(body_of(first).value("name", ""), mm.alice_id + "__" + mm.bot_user_id);
    EXPECT_EQ(mm.dm_channel_of(mm.alice_id), body_of(first).value("id", ""));
    EXPECT_EQ(call(http::verb::post, "/channels/direct", json{mm.alice_id}.dump()).status, 400U);
    const std::string bob = mm.add_user("bob");
    EXPECT_EQ(call(http::verb::post, "/channels/direct", json{mm.alice_id, bob}.dump()).status,
              403U);
}

TEST_F(FakeMattermost, SinceListsPostsUpdatedAfterIt) {
    const std::string channel = "fd8kzq1mjbn3zgsk4ydw6cam3e";
    const std::string first = mm.post_in_channel(mm.alice_id, "alice", channel, "one");
    const std::int64_t t1 = mm.post(first)->value("update_at", std::int64_t{0});
    const std::string second = mm.post_in_channel(mm.alice_id, "alice", channel, "two");

    auto list = body_of(
        call(http::verb::get, "/channels/" + channel + "/posts?since=" + std::to_string(t1)));
    EXPECT_EQ(list["order"], json::array({second}));
    EXPECT_TRUE(list["posts"].contains(second));
    EXPECT_EQ(list.value("next_post_id", "x"), "");

    auto all = body_of(call(http::verb::get, "/channels/" + channel + "/posts?since=0"));
    EXPECT_EQ(all["order"], json::array({second, first})); // newest first
    mm.unknown_channels.insert(channel);
    EXPECT_EQ(call(http::verb::get, "/channels/" + channel + "/posts?since=0").status, 403U);
}

TEST_F(FakeMattermost, ChallengeLoginThenHelloAndPong) {
    auto ws = connect("", false);
    ASSERT_NE(ws, nullptr);
    ws->send(R"({"seq":1,"action":"ping"})");
    json refused = read(*ws);
    EXPECT_EQ(refused.value("status", ""), "FAIL");
    EXPECT_EQ(refused["error"].value("id", ""),
              "api.web_socket_router.not_authenticated.app_error");

    ws->send(json{
        {"seq", 2}, {"action", "authentication_challenge"}, {"data", {{"token", mm.bot_token}}}}
                 .dump());
    EXPECT_EQ(read(*ws), (json{{"status", "OK"}, {"seq_reply", 2}}));
    json hello = read(*ws);
    EXPECT_EQ(hello.value("event", ""), "hello");
    EXPECT_EQ(hello.value("seq", -1), 0);
    EXPECT_EQ(hello["data"].value("connection_id", ""), mm.connection_id());

    ws->send(R"({"seq":3,"action":"ping"})");
    json pong = read(*ws);
    EXPECT_EQ(pong.value("seq_reply", 0), 3);
    EXPECT_EQ(pong["data"].value("text", ""), "pong");
}

TEST_F(FakeMattermost, HeaderLoginGetsHelloAndIgnoresAChallenge) {
    auto ws = connect("", true);
    ASSERT_NE(ws, nullptr);
    EXPECT_EQ(read(*ws).value("event", ""), "hello");
    ws->send(json{
        {"seq", 1}, {"action", "authentication_challenge"}, {"data", {{"token", mm.bot_token}}}}
                 .dump());
    ws->send(R"({"seq":2,"action":"ping"})");
    EXPECT_EQ(read(*ws).value("seq_reply", 0), 2); // nothing came for seq 1
    EXPECT_EQ(mm.frames_from(*mm.newest_socket()).size(), 2U);
}

TEST_F(FakeMattermost, BadChallengeTokenClosesTheSocket) {
    auto ws = connect("", false);
    ASSERT_NE(ws, nullptr);
    ws->send(R"({"seq":1,"action":"authentication_challenge","data":{"token":"wrong"}})");
    EXPECT_TRUE(read(*ws).is_null());
    EXPECT_EQ(mm.hellos(), 0U);
}

TEST_F(FakeMattermost, ResumeReplaysWhatWasMissed) {
    auto ws = connect("", true);
    ASSERT_NE(ws, nullptr);
    const std::string id = read(*ws)["data"].value("connection_id", "");
    const std::string seen = mm.dm_post(mm.alice_id, "first");
    json posted = read(*ws);
    EXPECT_EQ(posted.value("event", ""), "posted");
    EXPECT_EQ(posted.value("seq", 0), 1);
    EXPECT_EQ(json::parse(posted["data"].value("post", "{}")).value("id", ""), seen);
    EXPECT_EQ(posted["data"].value("sender_name", ""), "@alice");

    ASSERT_TRUE(mm.drop_socket());
    EXPECT_TRUE(read(*ws).is_null());
    const std::string missed = mm.dm_post(mm.alice_id, "while away");

    auto again = connect("?connection_id=" + id + "&sequence_number=2", true);
    ASSERT_NE(again, nullptr);
    json replayed = read(*again);
    EXPECT_EQ(replayed.value("event", ""), "posted"); // no new hello
    EXPECT_EQ(replayed.value("seq", 0), 2);
    EXPECT_EQ(json::parse(replayed["data"].value("post", "{}")).value("id", ""), missed);
    EXPECT_EQ(mm.resumes(), 1U);
    EXPECT_EQ(mm.connection_id(), id);
    EXPECT_EQ(mm.socket_targets().back(),
              "/api/v4/websocket?connection_id=" + id + "&sequence_number=2");
}

TEST_F(FakeMattermost, ForgottenConnectionStartsFresh) {
    auto ws = connect("", true);
    ASSERT_NE(ws, nullptr);
    const std::string id = read(*ws)["data"].value("connection_id", "");
    ASSERT_TRUE(mm.close_socket());
    EXPECT_TRUE(read(*ws).is_null());
    mm.forget_connections = true;

    auto again = connect("?connection_id=" + id + "&sequence_number=1", true);
    ASSERT_NE(again, nullptr);
    json hello = read(*again);
    EXPECT_EQ(hello.value("event", ""), "hello");
    EXPECT_EQ(hello.value("seq", -1), 0);
    EXPECT_NE(hello["data"].value("connection_id", ""), id);
    EXPECT_EQ(mm.resumes(), 0U);
    EXPECT_EQ(mm.sockets_opened(), 2U);
}

TEST_F(FakeMattermost, InjectedRateLimitAnswersLikeMattermost) {
    mm.inject("POST", "/posts", fake_mattermost::rate_limited(3));
    const std::string body =
        json{{"channel_id", "fd8kzq1mjbn3zgsk4ydw6cam3e"}, {"message", "hi"}}.dump();
    auto limited = call(http::verb::post, "/posts", body);
    EXPECT_EQ(limited.status, 429U);
    EXPECT_EQ(limited.body, "limit exceeded");
    EXPECT_EQ(limited.header("retry-after").value_or(""), "3");
    EXPECT_EQ(limited.header("x-ratelimit-reset").value_or(""), "3");
    EXPECT_EQ(limited.header("x-ratelimit-remaining").value_or(""), "0");
    EXPECT_EQ(call(http::verb::post, "/posts", body).status, 201U);
    EXPECT_EQ(mm.calls_to("POST", "/posts").size(), 2U);
}

TEST_F(FakeMattermost, SlashCommandFormIsTheC6Vector) {
    mm.add_channel({"fd8kzq1mjbn3zgsk4ydw6cam3e", "O", "town-square", "Town Square", mm.team_id});
    auto fields =
        mm.slash_command_fields(mm.alice_id, "alice", "fd8kzq1mjbn3zgsk4ydw6cam3e",
                                "#eng I have a question about the on-call rota", mm.command_token);
    fields["response_url"] =
        "https://mattermost.example.com/hooks/commands/qspx8z7ms7ywdcrwkqc6jq3fbw";
    EXPECT_EQ(fake_mattermost::form_encode(fields),
              "channel_id=fd8kzq1mjbn3zgsk4ydw6cam3e&channel_name=town-square&command=%2Fopenfloor"
              "&response_url=https%3A%2F%2Fmattermost.example.com%2Fhooks%2Fcommands%2Fqspx8z7ms7y"
              "wdcrwkqc6jq3fbw&team_domain=acme&team_id=8s4ah3qz9jrxzc7h4y5kpmgg1e&text=%23eng+I+"
              "have+a+question+about+the+on-call+rota&token=xk4zn8e3gtd3mrqc6hrmg1p5ya&trigger_id="
              "aGVsbG8%3D&user_id=4xp9fdt6rjgfxm7c8e5a1bzkqo&user_name=alice");
}

TEST_F(FakeMattermost, OpensDialogsOnlyOnAFreshTriggerFromAClickAndSubmitsThemBack) {
    const json click = mm.action_callback_json(mm.alice_id, "chan", "post", {{"a", "b"}});
    const std::string trigger = click.value("trigger_id", "");
    EXPECT_NE(trigger,
              mm.action_callback_json(mm.alice_id, "chan", "post", {}).value("trigger_id", ""));
    const json dialog{{"callback_id", "cb"},
                      {"title", "Answer #1"},
                      {"state", "st"},
                      {"elements", json::array({{{"display_name", "Your answer"},
                                                 {"name", "answer"},
                                                 {"type", "textarea"},
                                                 {"max_length", 10}}})}};
    auto open = [&](const std::string& t, const json& d) {
        return call(http::verb::post, "/actions/dialogs/open",
                    json{{"trigger_id", t}, {"url", "https://bot/d"}, {"dialog", d}}.dump());
    };
    const auto unknown = open("aGVsbG8=", dialog);
    EXPECT_EQ(unknown.status, 400U);
    EXPECT_EQ(body_of(unknown).value("id", ""),
              "interactive_message.decode_trigger_id.verify_signature_failed");
    const auto ok = open(trigger, dialog);
    EXPECT_EQ(ok.status, 200U);
    EXPECT_EQ(body_of(ok), json({{"status", "OK"}}));
    ASSERT_EQ(mm.dialogs.size(), 1U);
    EXPECT_EQ(mm.dialogs[0].user_id, mm.alice_id);
    EXPECT_EQ(mm.dialogs[0].channel_id, "chan");
    EXPECT_TRUE(mm.dialogs[0].problems.empty());

    json long_title = dialog;
    long_title["title"] = std::string(25, 't');
    EXPECT_EQ(open(trigger, long_title).status, 200U); // the server only logs it
    EXPECT_FALSE(mm.dialogs.back().problems.empty());
    mm.trigger_lifetime = std::chrono::milliseconds(-1);
    const auto expired = open(trigger, dialog);
    EXPECT_EQ(expired.status, 400U);
    EXPECT_EQ(body_of(expired).value("id", ""), "interactive_message.decode_trigger_id.expired");
    EXPECT_EQ(mm.dialogs.size(), 2U);

    const json submitted = mm.dialog_submission(0, {{"answer", "yes"}});
    EXPECT_EQ(submitted, json({{"type", "dialog_submission"},
                               {"callback_id", "cb"},
                               {"state", "st"},
                               {"user_id", mm.alice_id},
                               {"channel_id", "chan"},
                               {"team_id", mm.team_id},
                               {"submission", {{"answer", "yes"}}},
                               {"cancelled", false}}));
    EXPECT_EQ(mm.apply_dialog_response(0, {{"errors", {{"answer", "too long"}}}}),
              json({{"answer", "too long"}}));
    EXPECT_TRUE(mm.dialogs[0].open);
    EXPECT_EQ(mm.apply_dialog_response(0, json::object()), nullptr);
    EXPECT_FALSE(mm.dialogs[0].open);
}

} // namespace
} // namespace openfloor::testing
