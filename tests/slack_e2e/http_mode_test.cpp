// HTTP mode's own promises: verification before parsing, Slack's retries, url_verification.
#include "tests/slack_e2e/fixture.hpp"

#include "adapters/slack/signature.hpp"

namespace openfloor::testing {
namespace {

class SlackHttpMode : public slack_e2e {
protected:
    void SetUp() override { boot(config::slack_mode::http); }
    std::string dm(const std::string& text, const std::string& id) {
        return slack_->dm_event(alice, alice_dm, text, id).dump();
    }
};

TEST_F(SlackHttpMode, AnswersUrlVerificationWithTheChallenge) {
    auto r = post_signed("/slack/events",
                         R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})",
                         "application/json");
    EXPECT_EQ(r.status, 200U);
    EXPECT_EQ(nlohmann::json::parse(r.body).value("challenge", ""),
              "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

TEST_F(SlackHttpMode, RefusesABadSignatureAndPostsNothing) {
    transport::client_request req;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/slack/events";
    req.body = dm("#quick forged", "EvF1");
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    req.headers = {{"Content-Type", "application/json"},
                   {"X-Slack-Request-Timestamp", ts},
                   {"X-Slack-Signature", slack::sign("not-the-secret", ts, req.body)}};
    EXPECT_EQ(send(req).status, 401U);
    req.headers.pop_back();
    EXPECT_EQ(send(req).status, 401U) << "unsigned";
    for (const auto& path : {"/slack/commands", "/slack/interactivity"}) {
        transport::client_request other = req;
        other.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + path;
        EXPECT_EQ(send(other).status, 401U) << path;
    }
    wait_for([] { return false; }, std::chrono::milliseconds(200));
    EXPECT_TRUE(slack_->calls_to("chat.postMessage").empty());
}

TEST_F(SlackHttpMode, RefusesAStaleTimestamp) {
    const long long six_minutes_ago = std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count() - 360;
    auto r = post_signed("/slack/events", dm("#quick replayed", "EvS1"), "application/json",
                         six_minutes_ago);
    EXPECT_EQ(r.status, 401U);
    wait_for([] { return false; }, std::chrono::milliseconds(200));
    EXPECT_TRUE(slack_->calls_to("chat.postMessage").empty());
}

TEST_F(SlackHttpMode, RefusesAnOversizedBodyWith413) {
    const std::string huge(settings_.server.max_body_bytes + 10, 'x');
    auto r = post_signed("/slack/events", huge, "application/json");
    EXPECT_EQ(r.status, 413U);
    EXPECT_TRUE(slack_->calls_to("chat.postMessage").empty());
}

TEST_F(SlackHttpMode, MalformedPayloadsAndUnknownActionsGet400) {
    EXPECT_EQ(post_signed("/slack/events", "{not json", "application/json").status, 400U);
    auto unknown = slack_->button_click(alice, alice_dm, "somebody_elses_button", "1");
    EXPECT_EQ(post_signed("/slack/interactivity", form({{"payload", unknown.dump()}}),
                          "application/x-www-form-urlencoded")
                  .status,
              400U);
}

TEST_F(SlackHttpMode, SlacksRetryOfTheSameEventMakesOnePost) {
    const auto body = dm("#quick mistake: once only", "EvR1");
    EXPECT_EQ(post_signed("/slack/events", body, "application/json").status, 200U);
    EXPECT_EQ(post_signed("/slack/events", body, "application/json", std::nullopt,
                          {{"X-Slack-Retry-Num", "1"}, {"X-Slack-Retry-Reason", "http_timeout"}})
                  .status,
              200U);
    ASSERT_TRUE(wait_for([&] { return slack_->posts_to("C0QUICK").size() == 1; }));
    wait_for([] { return false; }, std::chrono::milliseconds(300));
    EXPECT_EQ(slack_->posts_to("C0QUICK").size(), 1U);
}

TEST_F(SlackHttpMode, TheSslCheckProbeIsAnsweredWithoutASignature) {
    transport::client_request req;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + "/slack/commands";
    req.body = "ssl_check=1&token=abc";
    req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    EXPECT_EQ(send(req).status, 200U);
}

} // namespace
} // namespace openfloor::testing
