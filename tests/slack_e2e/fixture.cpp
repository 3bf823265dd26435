// slack_e2e: boot, signed requests, and mode-independent helpers.
#include "tests/slack_e2e/fixture.hpp"

#include "adapters/slack/signature.hpp"
#include "tests/support/e2e.hpp"
#include "tests/support/test_channels.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>


namespace openfloor::testing {

slack_e2e::slack_e2e() {
    capture_log(log_);
}

slack_e2e::~slack_e2e() {
    finish_e2e(bot_, ioc_, HasFailure(), log_);
}

void slack_e2e::boot(config::slack_mode mode, asio::ssl::context* tls,
                     const std::function<void(config::settings&)>& adjust) {
    mode_ = mode;
    slack_ = std::make_unique<fake_slack>(ioc_, tls);
    settings_.identity.key = config::secret("e2e-secret-0123456789abcdef-0123456789abcdef");
    settings_.storage.path = dir_.file("openfloor.db").string();
    settings_.server.listen = "127.0.0.1:0";
    settings_.slack = config::slack_settings{};
    settings_.slack->mode = mode;
    settings_.slack->bot_token = config::secret(slack_->bot_token);
    settings_.slack->app_token = config::secret(slack_->app_token);
    settings_.slack->signing_secret = config::secret(signing_secret);
    settings_.slack->api_base_url = slack_->api_base_url();
    add_test_channels(settings_, moderator);
    settings_.outbound.channel_interval = std::chrono::milliseconds(0);
    settings_.limits.posts_per_hour = 100;
    settings_.outbound.timeout = std::chrono::milliseconds(2000);
    if (adjust) {
        adjust(settings_);
    }
    client_ = std::make_unique<transport::http_client>(ioc_, settings_.outbound);
    restart_bot();
}

void slack_e2e::restart_bot() {
    if (bot_) {
        bot_->stop();
        run_until(ioc_, [] { return false; }, std::chrono::milliseconds(50)); // sockets close
        bot_.reset();
    }
    started_ = false;
    start_ok_ = false;
    bot_ = std::make_unique<app::bot_app>(ioc_, settings_, false, &clock_);
    asio::co_spawn(ioc_, start_app(*bot_, started_, start_ok_), asio::detached);
    ASSERT_TRUE(wait_for([&] { return started_; }));
    ASSERT_TRUE(start_ok_);
    if (mode_ == config::slack_mode::socket) {
        ASSERT_TRUE(wait_for([&] { return bot_->slack()->healthy(); }));
    }
}

bool slack_e2e::wait_for(std::function<bool()> condition, std::chrono::milliseconds deadline) {
    return run_until(ioc_, std::move(condition), deadline);
}

transport::client_response slack_e2e::send(transport::client_request req) {
    std::optional<transport::client_response> out;
    bool done = false;
    asio::co_spawn(ioc_, send_request(*client_, std::move(req), out, done), asio::detached);
    EXPECT_TRUE(wait_for([&] { return done; }));
    EXPECT_TRUE(out.has_value()) << "the bot did not answer";
    return out.value_or(transport::client_response{});
}

transport::client_response slack_e2e::get(const std::string& path) {
    transport::client_request req;
    req.method = transport::http::verb::get;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + path;
    return send(std::move(req));
}

scraped_metrics slack_e2e::scrape() {
    const auto r = get("/metrics");
    EXPECT_EQ(r.status, 200U);
    EXPECT_EQ(r.header("Content-Type").value_or(""), transport::metrics::content_type);
    auto scraped = parse_metrics(r.body);
    for (const auto& problem : scraped.problems) {
        ADD_FAILURE() << "/metrics: " << problem;
    }
    return scraped;
}

transport::client_response slack_e2e::post_signed(const std::string& path, const std::string& body,
                                                  const std::string& content_type,
                                                  std::optional<long long> timestamp,
                                                  transport::header_list extra) {
    const long long ts = timestamp.value_or(std::chrono::duration_cast<std::chrono::seconds>(
                                                std::chrono::system_clock::now().time_since_epoch())
                                                .count());
    transport::client_request req;
    req.method = transport::http::verb::post;
    req.url = "http://127.0.0.1:" + std::to_string(bot_->port()) + path;
    req.body = body;
    req.headers = {{"Content-Type", content_type},
                   {"X-Slack-Request-Timestamp", std::to_string(ts)},
                   {"X-Slack-Signature", slack::sign(signing_secret, std::to_string(ts), body)}};
    req.headers.insert(req.headers.end(), extra.begin(), extra.end());
    return send(std::move(req));
}

std::string slack_e2e::form(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    boost::urls::encoding_opts opts;
    opts.space_as_plus = true;
    for (const auto& [key, value] : fields) {
        out += (out.empty() ? "" : "&") + key + "=" +
               boost::urls::encode(value, boost::urls::unreserved_chars, opts);
    }
    return out;
}

void slack_e2e::event(const nlohmann::json& callback) {
    if (mode_ == config::slack_mode::socket) {
        const auto id = slack_->push("events_api", callback);
        ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
        return;
    }
    auto r = post_signed("/slack/events", callback.dump(), "application/json");
    ASSERT_EQ(r.status, 200U);
}

nlohmann::json slack_e2e::command(const std::string& user, const std::string& channel,
                                  const std::string& text) {
    const auto payload = slack_->slash_command(user, channel, text);
    if (mode_ == config::slack_mode::socket) {
        const auto id = slack_->push("slash_commands", payload, true);
        EXPECT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
        auto ack = slack_->ack_for(id).value_or(nlohmann::json::object());
        return ack.value("payload", nlohmann::json{});
    }
    std::vector<std::pair<std::string, std::string>> fields;
    for (const auto& [key, value] : payload.items()) {
        fields.emplace_back(key, value.get<std::string>());
    }
    auto r = post_signed("/slack/commands", form(fields), "application/x-www-form-urlencoded");
    EXPECT_EQ(r.status, 200U);
    return r.body.empty() ? nlohmann::json{} : nlohmann::json::parse(r.body, nullptr, false);
}

void slack_e2e::click(const std::string& user, const std::string& channel,
                      const std::string& action_id, const std::string& value) {
    const auto payload = slack_->button_click(user, channel, action_id, value);
    if (mode_ == config::slack_mode::socket) {
        const auto id = slack_->push("interactive", payload, false);
        ASSERT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
        return;
    }
    auto r = post_signed("/slack/interactivity", form({{"payload", payload.dump()}}),
                         "application/x-www-form-urlencoded");
    ASSERT_EQ(r.status, 200U);
}

std::optional<opened_view> slack_e2e::open_form(const std::string& user,
                                                const std::string& channel,
                                                const std::string& action_id,
                                                const std::string& value) {
    const auto views = slack_->views.size();
    const auto answers = slack_->calls_to("/hooks/actions/" + user).size();
    click(user, channel, action_id, value);
    EXPECT_TRUE(wait_for([&] {
        return slack_->views.size() > views ||
               slack_->calls_to("/hooks/actions/" + user).size() > answers;
    })) << "the click got neither a modal nor an answer";
    if (slack_->views.size() > views) {
        return slack_->views.back();
    }
    return std::nullopt;
}

slack_e2e::view_answer slack_e2e::submit(const nlohmann::json& view_submission) {
    view_answer out;
    if (mode_ == config::slack_mode::socket) {
        const auto id = slack_->push("interactive", view_submission, true);
        EXPECT_TRUE(wait_for([&] { return slack_->ack_for(id).has_value(); }));
        out.status = 200;
        out.body = slack_->ack_for(id).value_or(nlohmann::json::object()).value("payload",
                                                                              nlohmann::json{});
        return out;
    }
    auto r = post_signed("/slack/interactivity", form({{"payload", view_submission.dump()}}),
                         "application/x-www-form-urlencoded");
    out.status = r.status;
    out.body = r.body.empty() ? nlohmann::json{} : nlohmann::json::parse(r.body, nullptr, false);
    return out;
}

std::vector<std::string> slack_e2e::click_answers(const std::string& user) const {
    std::vector<std::string> out;
    for (const auto& c : slack_->calls_to("/hooks/actions/" + user)) {
        out.push_back(all_text(c.body));
    }
    return out;
}

std::string slack_e2e::channel_ts_of(bot::post_number n) {
    std::string ts;
    wait_for([&] {
        auto p = bot_->store().posts().find("slack", n);
        if (p && *p && (*p)->message_ref) {
            ts = *(*p)->message_ref;
        }
        return !ts.empty();
    });
    return ts;
}

std::string slack_e2e::draft_in(const std::string& channel) const {
    const auto posts = slack_->posts_to(channel);
    for (auto it = posts.rbegin(); it != posts.rend(); ++it) {
        for (const auto& block : it->body.value("blocks", nlohmann::json::array())) {
            for (const auto& element : block.value("elements", nlohmann::json::array())) {
                if (element.value("action_id", "") == "openfloor_confirm") {
                    return element.value("value", "");
                }
            }
        }
    }
    return {};
}

std::string slack_e2e::all_text(const nlohmann::json& body) const {
    std::string out = body.value("text", "");
    for (const auto& block : body.value("blocks", nlohmann::json::array())) {
        if (block.contains("text") && block["text"].is_object()) {
            out += "\n" + block["text"].value("text", "");
        }
        for (const auto& element : block.value("elements", nlohmann::json::array())) {
            if (element.contains("text") && element["text"].is_string()) {
                out += "\n" + element["text"].get<std::string>();
            }
        }
    }
    return out;
}

} // namespace openfloor::testing
